using System;
using System.Buffers.Binary;
using System.IO;

namespace VoiceAssistant.Audio
{
    /// <summary>
    /// Reads RIFF/WAVE files as users have them: integer PCM (8-bit unsigned; 16, 24, 32-bit signed), IEEE float
    /// (32/64-bit), WAVE_FORMAT_EXTENSIBLE, any channel count (averaged to mono) and any sample rate (resampled to
    /// 16 kHz on request). Unknown chunks (LIST, id3, ...) are skipped, odd-sized chunks honour their pad byte.
    /// </summary>
    /// <remarks>
    /// Every problem with the input surfaces as a <see cref="WavFormatException"/> naming the file. A data chunk
    /// that declares more bytes than the file holds is not an error: the complete frames present are used and
    /// <see cref="WavAudio.Truncated"/> is set (streaming recorders often leave such headers behind).
    /// </remarks>
    public static class WavReader
    {
        /// <summary>Sample rate of everything the training and feature code consumes.</summary>
        public const int TargetSampleRate = 16000;

        /// <summary>Largest channel count accepted (more is taken as a corrupt header).</summary>
        public const int MaxChannels = 64;

        /// <summary>Highest sample rate accepted (more is taken as a corrupt header).</summary>
        public const int MaxSampleRate = 1_536_000;

        /// <summary>Lowest sample rate accepted.</summary>
        public const int MinSampleRate = 1000;

        private const ushort FormatPcm = 1;
        private const ushort FormatFloat = 3;
        private const ushort FormatExtensible = 0xFFFE;

        // The 14 bytes that follow the 2-byte format code in a KSDATAFORMAT_SUBTYPE_* GUID.
        private static readonly byte[] SubformatTail = { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 };

        /// <summary>Reads a file and returns 16 kHz mono int16 samples (resampled and rounded as needed).</summary>
        /// <param name="path">The file.</param>
        public static short[] ReadMono16k(string path) => PcmConversion.ToShorts(ReadMono16kFloat(path));

        /// <summary>Reads a file and returns 16 kHz mono float samples in [-1, 1).</summary>
        /// <param name="path">The file.</param>
        public static float[] ReadMono16kFloat(string path)
        {
            WavAudio audio = ReadMono(path);
            return Resampler.Resample(audio.Samples, audio.Format.SampleRate, TargetSampleRate);
        }

        /// <summary>Reads a file and returns mono samples at the file's own rate.</summary>
        /// <param name="path">The file.</param>
        public static WavAudio ReadMono(string path)
        {
            using WavStreamReader reader = WavStreamReader.Open(path);
            return ReadAll(reader);
        }

        /// <summary>Decodes a WAV image held in memory.</summary>
        /// <param name="bytes">The whole file.</param>
        /// <param name="name">Name used in error messages.</param>
        public static WavAudio ReadMono(ReadOnlySpan<byte> bytes, string name)
        {
            using var reader = new WavStreamReader(new MemoryStream(bytes.ToArray(), writable: false), name);
            return ReadAll(reader);
        }

        private static WavAudio ReadAll(WavStreamReader reader)
        {
            var mono = new float[reader.Frames];
            reader.ReadMono(mono);
            return new WavAudio(reader.Format, mono, reader.Truncated);
        }

        /// <summary>True when four bytes look like a chunk id (printable ASCII).</summary>
        internal static bool IsChunkId(ReadOnlySpan<byte> id)
        {
            foreach (byte b in id)
            {
                if (b < 0x20 || b > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Parses a fmt chunk.</summary>
        /// <param name="fmt">Its first bytes (at least the first 40 when it is that long).</param>
        /// <param name="size">The chunk's declared size.</param>
        /// <param name="name">Name used in messages.</param>
        internal static WavFormat ParseFormat(ReadOnlySpan<byte> fmt, uint size, string name)
        {
            if (size < 16)
            {
                throw new WavFormatException(name, $"fmt chunk is {size} bytes, at least 16 are needed");
            }

            ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
            int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
            uint rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
            int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
            int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
            bool extensible = tag == FormatExtensible;
            if (extensible)
            {
                if (size < 40)
                {
                    throw new WavFormatException(name, $"WAVE_FORMAT_EXTENSIBLE fmt chunk is {size} bytes, 40 are needed");
                }

                if (!fmt.Slice(26, 14).SequenceEqual(SubformatTail))
                {
                    throw new WavFormatException(name, "WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID (only PCM and IEEE float are supported)");
                }

                tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
            }

            WavSampleEncoding encoding;
            if (tag == FormatPcm)
            {
                encoding = WavSampleEncoding.Pcm;
                if (bits != 8 && bits != 16 && bits != 24 && bits != 32)
                {
                    throw new WavFormatException(name, $"{bits}-bit PCM is not supported (8, 16, 24 or 32 bits are)");
                }
            }
            else if (tag == FormatFloat)
            {
                encoding = WavSampleEncoding.Float;
                if (bits != 32 && bits != 64)
                {
                    throw new WavFormatException(name, $"{bits}-bit IEEE float is not supported (32 or 64 bits are)");
                }
            }
            else
            {
                throw new WavFormatException(name, $"sample format 0x{tag:X4} ({FormatName(tag)}) is not supported; use PCM or IEEE float");
            }

            if (channels == 0)
            {
                throw new WavFormatException(name, "declares zero channels");
            }

            if (channels > MaxChannels)
            {
                throw new WavFormatException(name, $"declares {channels} channels (at most {MaxChannels} are accepted)");
            }

            if (rate < MinSampleRate || rate > MaxSampleRate)
            {
                throw new WavFormatException(name, $"declares a sample rate of {rate} Hz (expected {MinSampleRate}..{MaxSampleRate})");
            }

            var format = new WavFormat(encoding, channels, (int)rate, bits, extensible);
            if (blockAlign != format.BlockAlign)
            {
                throw new WavFormatException(name, $"block align is {blockAlign} but {channels} channel(s) of {bits} bits need {format.BlockAlign}");
            }

            return format;
        }

        private static string FormatName(ushort tag)
        {
            switch (tag)
            {
                case 2: return "Microsoft ADPCM";
                case 6: return "A-law";
                case 7: return "mu-law";
                case 0x11: return "IMA ADPCM";
                case 0x55: return "MP3";
                default: return "unknown";
            }
        }

        /// <summary>Decodes whole frames to mono (channels averaged).</summary>
        /// <param name="data">The frames' bytes.</param>
        /// <param name="format">Their format.</param>
        /// <param name="mono">One sample per frame.</param>
        internal static void Decode(ReadOnlySpan<byte> data, WavFormat format, Span<float> mono)
        {
            int channels = format.Channels;
            int bytesPerSample = format.BitsPerSample / 8;
            int frames = mono.Length;
            float channelScale = 1f / channels;
            int offset = 0;
            for (int frame = 0; frame < frames; frame++)
            {
                // Sum in double so averaging many channels loses nothing before the final rounding.
                double sum = 0;
                for (int c = 0; c < channels; c++, offset += bytesPerSample)
                {
                    sum += DecodeSample(data.Slice(offset, bytesPerSample), format.Encoding);
                }

                mono[frame] = (float)(sum * channelScale);
            }
        }

        private static double DecodeSample(ReadOnlySpan<byte> s, WavSampleEncoding encoding)
        {
            if (encoding == WavSampleEncoding.Float)
            {
                double value = s.Length == 4 ? BinaryPrimitives.ReadSingleLittleEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s);

                // NaN/infinity in a float file would poison every later computation; treat them as silence/clip.
                return double.IsNaN(value) ? 0 : Math.Clamp(value, -1.0, 1.0);
            }

            switch (s.Length)
            {
                case 1: return (s[0] - 128) / 128.0;
                case 2: return BinaryPrimitives.ReadInt16LittleEndian(s) / 32768.0;
                case 3: return ((s[0] | (s[1] << 8) | (s[2] << 16)) << 8 >> 8) / 8388608.0;
                default: return BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0;
            }
        }
    }
}

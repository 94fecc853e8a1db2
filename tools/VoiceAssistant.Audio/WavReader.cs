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
            ArgumentNullException.ThrowIfNull(path);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
            {
                throw new WavFormatException(path, "cannot be read: " + e.Message, e);
            }

            return ReadMono(bytes, path);
        }

        /// <summary>Decodes a WAV image held in memory.</summary>
        /// <param name="bytes">The whole file.</param>
        /// <param name="name">Name used in error messages.</param>
        public static WavAudio ReadMono(ReadOnlySpan<byte> bytes, string name)
        {
            if (bytes.Length < 12)
            {
                throw new WavFormatException(name, $"too short to be a WAV file ({bytes.Length} bytes)");
            }

            if (bytes[..4].SequenceEqual("RIFX"u8))
            {
                throw new WavFormatException(name, "big-endian RIFX files are not supported; convert it to a RIFF WAV");
            }

            if (!bytes[..4].SequenceEqual("RIFF"u8) || !bytes.Slice(8, 4).SequenceEqual("WAVE"u8))
            {
                throw new WavFormatException(name, "not a RIFF/WAVE file (missing the RIFF....WAVE header)");
            }

            WavFormat format = null;
            int dataOffset = -1;
            long dataDeclared = 0;
            int position = 12;
            while (position + 8 <= bytes.Length)
            {
                ReadOnlySpan<byte> id = bytes.Slice(position, 4);
                uint size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(position + 4, 4));
                int body = position + 8;
                if (id.SequenceEqual("fmt "u8))
                {
                    if (format != null)
                    {
                        throw new WavFormatException(name, "has two fmt chunks");
                    }

                    if (size > (uint)(bytes.Length - body))
                    {
                        throw new WavFormatException(name, $"fmt chunk declares {size} bytes but the file ends after {bytes.Length - body}");
                    }

                    format = ParseFormat(bytes.Slice(body, (int)size), name);
                }
                else if (id.SequenceEqual("data"u8))
                {
                    if (dataOffset >= 0)
                    {
                        throw new WavFormatException(name, "has two data chunks");
                    }

                    dataOffset = body;
                    dataDeclared = size;
                }

                // Chunks are word aligned: an odd size is followed by a pad byte. Some writers omit it; when the
                // padded position does not start a plausible chunk id but the unpadded one does, follow the writer.
                long next = (long)body + size + (size & 1);
                if ((size & 1) == 1 && next + 4 <= bytes.Length && !IsChunkId(bytes.Slice((int)next, 4)) && IsChunkId(bytes.Slice((int)next - 1, 4)))
                {
                    next--;
                }

                if (next > bytes.Length)
                {
                    break;
                }

                position = (int)next;
            }

            if (format == null)
            {
                throw new WavFormatException(name, "has no fmt chunk (sample format unknown)");
            }

            if (dataOffset < 0)
            {
                throw new WavFormatException(name, "has no data chunk (no audio)");
            }

            long available = bytes.Length - dataOffset;
            bool truncated = dataDeclared > available;
            long usable = truncated ? available : dataDeclared;
            int frames = (int)(usable / format.BlockAlign);
            if (frames == 0)
            {
                throw new WavFormatException(name, truncated
                    ? $"data chunk declares {dataDeclared} bytes but the file holds only {available}, less than one sample frame"
                    : "data chunk holds no audio");
            }

            float[] mono = Decode(bytes.Slice(dataOffset, frames * format.BlockAlign), format, frames);
            return new WavAudio(format, mono, truncated);
        }

        private static bool IsChunkId(ReadOnlySpan<byte> id)
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

        private static WavFormat ParseFormat(ReadOnlySpan<byte> fmt, string name)
        {
            if (fmt.Length < 16)
            {
                throw new WavFormatException(name, $"fmt chunk is {fmt.Length} bytes, at least 16 are needed");
            }

            ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
            int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
            uint rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
            int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
            int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
            bool extensible = tag == FormatExtensible;
            if (extensible)
            {
                if (fmt.Length < 40)
                {
                    throw new WavFormatException(name, $"WAVE_FORMAT_EXTENSIBLE fmt chunk is {fmt.Length} bytes, 40 are needed");
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

        private static float[] Decode(ReadOnlySpan<byte> data, WavFormat format, int frames)
        {
            int channels = format.Channels;
            int bytesPerSample = format.BitsPerSample / 8;
            var mono = new float[frames];
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

            return mono;
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

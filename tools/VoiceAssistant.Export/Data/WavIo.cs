using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace VoiceAssistant.Export.Data
{
    /// <summary>
    /// The WAV seam of the data tools (synth, import, streaming sets). The shipped implementation is the minimal
    /// <see cref="MinimalWavIo"/>; the integrator may swap in tools/VoiceAssistant.Audio (more formats, resampling).
    /// </summary>
    public interface IWavIo
    {
        /// <summary>Reads a WAV as 16 kHz mono int16 samples, or throws <see cref="InvalidDataException"/> saying why not.</summary>
        /// <param name="path">WAV path.</param>
        short[] ReadMono16k(string path);

        /// <summary>Writes 16 kHz mono 16-bit PCM atomically.</summary>
        /// <param name="path">Destination.</param>
        /// <param name="samples">Samples.</param>
        void WriteMono16k(string path, short[] samples);
    }

    /// <summary>
    /// Minimal RIFF reader/writer: reads 16-bit PCM at 16 kHz, mono or multi-channel (channels averaged), skipping
    /// unknown chunks; anything else is refused with the sox command that converts it.
    /// </summary>
    public sealed class MinimalWavIo : IWavIo
    {
        /// <summary>Shared instance.</summary>
        public static readonly MinimalWavIo Instance = new MinimalWavIo();

        /// <inheritdoc />
        public short[] ReadMono16k(string path)
        {
            byte[] b = File.ReadAllBytes(path);
            if (b.Length < 12 || Encoding.ASCII.GetString(b, 0, 4) != "RIFF" || Encoding.ASCII.GetString(b, 8, 4) != "WAVE")
            {
                throw new InvalidDataException($"'{path}' is not a RIFF/WAVE file");
            }

            int channels = 0, rate = 0, bits = 0, format = 0;
            int pos = 12;
            while (pos + 8 <= b.Length)
            {
                string id = Encoding.ASCII.GetString(b, pos, 4);
                long size = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(pos + 4));
                int body = pos + 8;
                long available = Math.Min(size, b.Length - body);
                if (id == "fmt " && available >= 16)
                {
                    format = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(body));
                    channels = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(body + 2));
                    rate = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(body + 4));
                    bits = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(body + 14));
                    if (format == 0xFFFE && available >= 26)
                    {
                        format = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(body + 24)); // WAVE_FORMAT_EXTENSIBLE sub-format
                    }
                }
                else if (id == "data")
                {
                    if (format != 1 || bits != 16 || rate != 16000 || channels < 1)
                    {
                        throw new InvalidDataException($"'{path}' is {Describe(format, bits, rate, channels)}; this tool reads 16-bit PCM at 16000 Hz. Convert it with: sox \"{path}\" -r 16000 -b 16 -c 1 converted.wav");
                    }

                    int frames = (int)(available / (2 * channels));
                    var samples = new short[frames];
                    for (int i = 0; i < frames; i++)
                    {
                        int sum = 0;
                        for (int c = 0; c < channels; c++)
                        {
                            sum += BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(body + (i * channels + c) * 2));
                        }

                        samples[i] = (short)(sum / channels);
                    }

                    return samples;
                }

                pos = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
            }

            throw new InvalidDataException($"'{path}' has no data chunk");
        }

        /// <inheritdoc />
        public void WriteMono16k(string path, short[] samples) => AtomicFile.WriteAllBytes(path, Encode(samples, 16000));

        /// <summary>A canonical 44-byte-header mono 16-bit PCM WAV.</summary>
        /// <param name="samples">Samples.</param>
        /// <param name="sampleRate">Sample rate.</param>
        public static byte[] Encode(short[] samples, int sampleRate)
        {
            var b = new byte[44 + samples.Length * 2];
            Encoding.ASCII.GetBytes("RIFF").CopyTo(b, 0);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), b.Length - 8);
            Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(b, 8);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(16), 16);
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(20), 1);
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(22), 1);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(24), sampleRate);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(28), sampleRate * 2);
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(32), 2);
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(34), 16);
            Encoding.ASCII.GetBytes("data").CopyTo(b, 36);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(40), samples.Length * 2);
            for (int i = 0; i < samples.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(44 + i * 2), samples[i]);
            }

            return b;
        }

        private static string Describe(int format, int bits, int rate, int channels)
        {
            string kind = format == 1 ? "PCM" : format == 3 ? "float" : "format " + format;
            return $"{bits}-bit {kind}, {rate} Hz, {channels} channel(s)";
        }
    }
}

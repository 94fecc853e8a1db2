using System;
using System.Buffers.Binary;
using System.IO;

namespace VoiceAssistant.Audio
{
    /// <summary>Writes 16-bit mono PCM WAV files (44-byte canonical header), atomically.</summary>
    public static class WavWriter
    {
        /// <summary>Writes a 16-bit mono WAV file atomically (temporary file in the same folder, then rename).</summary>
        /// <param name="path">Destination; its folder must exist.</param>
        /// <param name="samples">The samples.</param>
        /// <param name="sampleRate">Sample rate in Hz (16 kHz by default).</param>
        public static void WriteMono16(string path, ReadOnlySpan<short> samples, int sampleRate = WavReader.TargetSampleRate)
        {
            byte[] image = ToBytes(samples, sampleRate);
            AtomicFile.Write(path, stream => stream.Write(image, 0, image.Length));
        }

        /// <summary>Builds the bytes of a 16-bit mono WAV file.</summary>
        /// <param name="samples">The samples.</param>
        /// <param name="sampleRate">Sample rate in Hz.</param>
        public static byte[] ToBytes(ReadOnlySpan<short> samples, int sampleRate = WavReader.TargetSampleRate)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
            long dataBytes = (long)samples.Length * 2;
            if (dataBytes > uint.MaxValue - 36)
            {
                throw new ArgumentException("too many samples for a RIFF file", nameof(samples));
            }

            var bytes = new byte[44 + dataBytes];
            Span<byte> b = bytes;
            "RIFF"u8.CopyTo(b);
            BinaryPrimitives.WriteUInt32LittleEndian(b[4..], (uint)(36 + dataBytes));
            "WAVE"u8.CopyTo(b[8..]);
            "fmt "u8.CopyTo(b[12..]);
            BinaryPrimitives.WriteUInt32LittleEndian(b[16..], 16);
            BinaryPrimitives.WriteUInt16LittleEndian(b[20..], 1);
            BinaryPrimitives.WriteUInt16LittleEndian(b[22..], 1);
            BinaryPrimitives.WriteUInt32LittleEndian(b[24..], (uint)sampleRate);
            BinaryPrimitives.WriteUInt32LittleEndian(b[28..], (uint)sampleRate * 2);
            BinaryPrimitives.WriteUInt16LittleEndian(b[32..], 2);
            BinaryPrimitives.WriteUInt16LittleEndian(b[34..], 16);
            "data"u8.CopyTo(b[36..]);
            BinaryPrimitives.WriteUInt32LittleEndian(b[40..], (uint)dataBytes);
            for (int i = 0; i < samples.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(b[(44 + 2 * i)..], samples[i]);
            }

            return bytes;
        }
    }
}

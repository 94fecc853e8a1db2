using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace VoiceAssistant.Audio.Tests
{
    /// <summary>Builds WAV images byte by byte, independently of the code under test.</summary>
    internal sealed class WavBuilder
    {
        private readonly List<byte[]> chunks = new List<byte[]>();

        public string RiffId { get; set; } = "RIFF";

        public static byte[] Fmt(ushort tag, int channels, int rate, int bits, int? blockAlign = null)
        {
            var b = new MemoryStream();
            var w = new BinaryWriter(b);
            int align = blockAlign ?? channels * bits / 8;
            w.Write(tag);
            w.Write((ushort)channels);
            w.Write(rate);
            w.Write(rate * align);
            w.Write((ushort)align);
            w.Write((ushort)bits);
            return b.ToArray();
        }

        public static byte[] FmtExtensible(ushort subFormat, int channels, int rate, int bits, int validBits, bool badGuid = false)
        {
            var b = new MemoryStream();
            var w = new BinaryWriter(b);
            w.Write(Fmt(0xFFFE, channels, rate, bits));
            w.Write((ushort)22);
            w.Write((ushort)validBits);
            w.Write(3u); // channel mask
            w.Write(subFormat);
            w.Write(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, (byte)(badGuid ? 0x72 : 0x71) });
            return b.ToArray();
        }

        public WavBuilder Chunk(string id, byte[] body, uint? declaredSize = null, bool pad = true)
        {
            var b = new MemoryStream();
            b.Write(Encoding.ASCII.GetBytes(id));
            b.Write(BitConverter.GetBytes(declaredSize ?? (uint)body.Length));
            b.Write(body);
            if (pad && body.Length % 2 == 1)
            {
                b.WriteByte(0);
            }

            chunks.Add(b.ToArray());
            return this;
        }

        public byte[] Build()
        {
            var b = new MemoryStream();
            b.Write(Encoding.ASCII.GetBytes(RiffId));
            int size = 4;
            foreach (byte[] c in chunks)
            {
                size += c.Length;
            }

            b.Write(BitConverter.GetBytes(size));
            b.Write(Encoding.ASCII.GetBytes("WAVE"));
            foreach (byte[] c in chunks)
            {
                b.Write(c);
            }

            return b.ToArray();
        }

        public static byte[] Int16(params short[] values)
        {
            var b = new byte[values.Length * 2];
            for (int i = 0; i < values.Length; i++)
            {
                b[2 * i] = (byte)values[i];
                b[2 * i + 1] = (byte)(values[i] >> 8);
            }

            return b;
        }
    }
}

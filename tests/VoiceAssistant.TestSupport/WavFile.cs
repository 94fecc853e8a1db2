using System;
using System.IO;
using System.Text;

namespace VoiceAssistant.TestSupport
{
    /// <summary>Reads 16-bit mono PCM WAV files, walking the RIFF chunks (files may carry LIST/id3 chunks).</summary>
    public static class WavFile
    {
        /// <summary>The samples of a 16-bit mono PCM WAV.</summary>
        /// <param name="path">File path.</param>
        public static short[] ReadMono16(string path)
        {
            byte[] b = File.ReadAllBytes(path);
            if (b.Length < 12 || Encoding.ASCII.GetString(b, 0, 4) != "RIFF" || Encoding.ASCII.GetString(b, 8, 4) != "WAVE")
            {
                throw new InvalidDataException(path + " is not a RIFF/WAVE file");
            }

            bool formatOk = false;
            int pos = 12;
            while (pos + 8 <= b.Length)
            {
                string id = Encoding.ASCII.GetString(b, pos, 4);
                int size = BitConverter.ToInt32(b, pos + 4);
                int body = pos + 8;
                if (id == "fmt ")
                {
                    formatOk = BitConverter.ToInt16(b, body) == 1 && BitConverter.ToInt16(b, body + 2) == 1 && BitConverter.ToInt16(b, body + 14) == 16;
                }
                else if (id == "data")
                {
                    if (!formatOk)
                    {
                        throw new InvalidDataException(path + " is not 16-bit mono PCM");
                    }

                    int bytes = Math.Min(size, b.Length - body);
                    var samples = new short[bytes / 2];
                    Buffer.BlockCopy(b, body, samples, 0, samples.Length * 2);
                    return samples;
                }

                pos = body + size + (size & 1);
            }

            throw new InvalidDataException(path + " has no data chunk");
        }
    }
}

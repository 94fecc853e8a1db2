using System;
using System.IO;
using System.Text;

namespace VoiceAssistant.Export
{
    /// <summary>Writes files via a temporary file in the same directory and a rename, so a reader never sees half a file.</summary>
    public static class AtomicFile
    {
        /// <summary>Atomically replaces (or creates) <paramref name="path"/> with <paramref name="bytes"/>.</summary>
        /// <param name="path">Destination.</param>
        /// <param name="bytes">Content.</param>
        public static void WriteAllBytes(string path, byte[] bytes)
        {
            string full = Path.GetFullPath(path);
            string dir = Path.GetDirectoryName(full);
            Directory.CreateDirectory(dir);
            string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }

                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }

        /// <summary>Atomically writes UTF-8 text (no byte-order mark).</summary>
        /// <param name="path">Destination.</param>
        /// <param name="text">Content.</param>
        public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));
    }
}

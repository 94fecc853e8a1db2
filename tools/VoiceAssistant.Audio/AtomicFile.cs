using System;
using System.IO;
using System.Text;

namespace VoiceAssistant.Audio
{
    /// <summary>
    /// Writes files so that readers never see a half-written one: the content goes to a temporary file in the
    /// same folder (same volume, so the rename is atomic), which is flushed to disk and then renamed over the target.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>Writes a file atomically.</summary>
        /// <param name="path">Destination path; its folder must exist.</param>
        /// <param name="write">Writes the whole content to the given stream.</param>
        public static void Write(string path, Action<Stream> write)
        {
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(write);
            string full = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(full);
            string temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temp, full, overwrite: true);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        /// <summary>Atomically replaces (or creates) <paramref name="path"/> with <paramref name="bytes"/>, creating its folder.</summary>
        /// <param name="path">Destination.</param>
        /// <param name="bytes">Content.</param>
        public static void WriteAllBytes(string path, byte[] bytes)
        {
            ArgumentNullException.ThrowIfNull(bytes);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
            Write(path, stream => stream.Write(bytes, 0, bytes.Length));
        }

        /// <summary>Atomically writes UTF-8 text (no byte-order mark), creating the folder.</summary>
        /// <param name="path">Destination.</param>
        /// <param name="text">Content.</param>
        public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

        private static void TryDelete(string temp)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: the original error matters more than a leftover temporary file.
            }
            catch (UnauthorizedAccessException)
            {
                // Same as above.
            }
        }
    }
}

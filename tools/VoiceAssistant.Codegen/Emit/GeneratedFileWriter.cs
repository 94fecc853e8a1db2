using System.Collections.Generic;
using System.IO;
using System.Text;

namespace VoiceAssistant.Codegen.Emit
{
    /// <summary>Writes generated files under a repository root, each atomically (temporary file, then rename).</summary>
    public static class GeneratedFileWriter
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);

        /// <summary>The bytes a generated file is stored as.</summary>
        public static byte[] Encode(GeneratedFile file) => Utf8NoBom.GetBytes(file.Content);

        /// <summary>Writes every file; returns the absolute paths written.</summary>
        public static IReadOnlyList<string> WriteAll(string root, IEnumerable<GeneratedFile> files)
        {
            var written = new List<string>();
            foreach (GeneratedFile file in files)
            {
                string path = Path.GetFullPath(Path.Combine(root, file.RelativePath));
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                string temp = path + ".tmp";
                File.WriteAllBytes(temp, Encode(file));
                File.Move(temp, path, overwrite: true);
                written.Add(path);
            }

            return written;
        }
    }
}

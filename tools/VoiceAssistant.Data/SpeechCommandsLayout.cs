using System;
using System.IO;

namespace VoiceAssistant.Data
{
    /// <summary>File naming of the Speech Commands layout: <c>&lt;root&gt;/&lt;word&gt;/&lt;speaker&gt;_nohash_&lt;n&gt;.wav</c>.</summary>
    public static class SpeechCommandsLayout
    {
        /// <summary>The separator between speaker and utterance number.</summary>
        public const string NoHash = "_nohash_";

        /// <summary>Throws unless <paramref name="name"/> is usable as a word folder or speaker id (letters, digits, '-', '+', '.'; no '_').</summary>
        /// <param name="name">Word or speaker.</param>
        /// <param name="what">"word" or "speaker", for the message.</param>
        public static void CheckName(string name, string what)
        {
            if (string.IsNullOrEmpty(name) || name.StartsWith('.') || name.StartsWith('-'))
            {
                throw new ArgumentException($"{what} '{name}' must not be empty or start with '.' or '-'");
            }

            foreach (char c in name)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '+' || c == '.'))
                {
                    throw new ArgumentException($"{what} '{name}' may only contain letters, digits, '-', '+' and '.' (no '_', spaces or path separators)");
                }
            }
        }

        /// <summary>Path of clip <paramref name="n"/> of <paramref name="speaker"/> saying <paramref name="word"/>.</summary>
        /// <param name="root">Data set root.</param>
        /// <param name="word">Word (folder).</param>
        /// <param name="speaker">Speaker id.</param>
        /// <param name="n">Utterance number.</param>
        public static string ClipPath(string root, string word, string speaker, int n)
        {
            CheckName(word, "word");
            CheckName(speaker, "speaker");
            return Path.Combine(root, word, speaker + NoHash + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".wav");
        }

        /// <summary>The first utterance number not yet used by <paramref name="speaker"/> in <paramref name="word"/>'s folder.</summary>
        /// <param name="root">Data set root.</param>
        /// <param name="word">Word.</param>
        /// <param name="speaker">Speaker id.</param>
        public static int NextIndex(string root, string word, string speaker)
        {
            string dir = Path.Combine(root, word);
            if (!Directory.Exists(dir))
            {
                return 0;
            }

            int next = 0;
            string prefix = speaker + NoHash;
            foreach (string file in Directory.EnumerateFiles(dir, prefix + "*.wav"))
            {
                string stem = Path.GetFileNameWithoutExtension(file).Substring(prefix.Length);
                if (int.TryParse(stem, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
                {
                    next = Math.Max(next, n + 1);
                }
            }

            return next;
        }
    }
}

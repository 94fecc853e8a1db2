using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace VoiceAssistant.Data
{
    /// <summary>Thrown when espeak-ng or sox is not installed.</summary>
    public sealed class MissingToolException : Exception
    {
        /// <summary>Creates it.</summary>
        /// <param name="message">Message with the install command.</param>
        public MissingToolException(string message)
            : base(message)
        {
        }
    }

    /// <summary>Finds and runs the external audio tools (espeak-ng, sox) with argument lists (no shell).</summary>
    public static class ExternalTools
    {
        /// <summary>The install hint shown when a tool is missing.</summary>
        public const string InstallHint = "install them with: sudo apt-get install espeak-ng sox (macOS: brew install espeak-ng sox)";

        /// <summary>Full path of an executable on PATH, or null.</summary>
        /// <param name="name">Executable name.</param>
        public static string Find(string name)
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (string candidate in new[] { name, name + ".exe" })
                {
                    string full = Path.Combine(dir, candidate);
                    if (File.Exists(full))
                    {
                        return full;
                    }
                }
            }

            return null;
        }

        /// <summary>Throws <see cref="MissingToolException"/> naming every tool of <paramref name="names"/> that is missing.</summary>
        /// <param name="names">Executable names.</param>
        public static void Require(params string[] names)
        {
            var missing = new List<string>();
            foreach (string n in names)
            {
                if (Find(n) == null)
                {
                    missing.Add(n);
                }
            }

            if (missing.Count > 0)
            {
                throw new MissingToolException($"{string.Join(" and ", missing)} not found on PATH; {InstallHint}");
            }
        }

        /// <summary>Runs a tool and throws with its error output when it fails.</summary>
        /// <param name="name">Executable name.</param>
        /// <param name="arguments">Arguments (passed without a shell).</param>
        public static void Run(string name, IEnumerable<string> arguments)
        {
            string exe = Find(name) ?? throw new MissingToolException($"{name} not found on PATH; {InstallHint}");
            var info = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string a in arguments)
            {
                info.ArgumentList.Add(a);
            }

            using Process p = Process.Start(info);
            p.StandardOutput.ReadToEndAsync();
            string error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                throw new InvalidOperationException($"{name} {string.Join(' ', info.ArgumentList)} failed (exit {p.ExitCode}): {error.Trim()}");
            }
        }
    }
}

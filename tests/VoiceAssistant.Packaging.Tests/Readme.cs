using System;
using System.IO;
using System.Linq;
using VoiceAssistant.TestSupport;

namespace VoiceAssistant.Packaging.Tests
{
    /// <summary>Output blocks the README shows users: what an installed tool and a packaged library must reproduce.</summary>
    internal static class Readme
    {
        /// <summary>Lines of the first output block after the command block whose line contains <paramref name="command"/>.</summary>
        public static string[] OutputAfter(string command)
        {
            string[] lines = File.ReadAllLines(RepoPaths.Of("README.md"));
            int at = Array.FindIndex(lines, l => l.Contains(command, StringComparison.Ordinal));
            if (at < 0)
            {
                throw new InvalidOperationException($"README.md shows no '{command}'");
            }

            int end = Array.FindIndex(lines, at, l => l.StartsWith("```", StringComparison.Ordinal));
            int open = Array.FindIndex(lines, end + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            int close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            return lines.Skip(open + 1).Take(close - open - 1).ToArray();
        }
    }
}

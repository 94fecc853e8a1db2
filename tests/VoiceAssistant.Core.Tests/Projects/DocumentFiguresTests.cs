using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Projects
{
    /// <summary>Figures and promises in the documents that drift from the code: projections and "later" notes.</summary>
    public class DocumentFiguresTests
    {
        // The brief's projection for native code on a 240 MHz ESP32.
        private const double NanosecondsPerNativeInstruction = 6.25;

        private static string Read(string path) => File.ReadAllText(RepoPaths.Of(path));

        [Fact]
        public void NativeProjectionsUseSixPointTwoFiveNanosecondsPerInstruction()
        {
            string readme = Read("native-interop/README.md");
            Assert.Contains("projected at 6.25 ns per x86 instruction", readme, StringComparison.Ordinal);
            string table = readme[readme.IndexOf("| part | x86 instructions / hop | ESP32 estimate |", StringComparison.Ordinal)..];
            table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
            int rows = 0;
            double pushAudio = 0;
            foreach (Match row in Regex.Matches(table, @"^\| (.+) \| ([\d /]+) \| ([\d. /]+) ms \|$", RegexOptions.Multiline))
            {
                double[] counts = row.Groups[2].Value.Split(" / ").Select(c => double.Parse(c.Replace(" ", string.Empty), CultureInfo.InvariantCulture)).ToArray();
                double[] ms = row.Groups[3].Value.Split(" / ").Select(m => double.Parse(m, CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal(counts.Length, ms.Length);
                for (int i = 0; i < counts.Length; i++)
                {
                    Assert.True(Math.Abs(ms[i] - (counts[i] * NanosecondsPerNativeInstruction * 1e-6)) <= 0.005, $"{row.Groups[1].Value}: {counts[i]} instructions are {counts[i] * NanosecondsPerNativeInstruction * 1e-6:F3} ms, not {ms[i]}");
                }

                if (row.Groups[1].Value.Contains("push_audio", StringComparison.Ordinal))
                {
                    pushAudio = ms[0];
                }

                rows++;
            }

            Assert.Equal(7, rows);
            string perHop = pushAudio.ToString("0.00", CultureInfo.InvariantCulture);
            Assert.Contains($"(≈{perHop} ms,", readme, StringComparison.Ordinal);
            Assert.Contains($"~{perHop} ms per 20 ms hop projected", Read("README.md"), StringComparison.Ordinal);
        }

        [Fact]
        public void NoDocumentPromisesLaterWhatExists()
        {
            string[] stale = Directory.EnumerateFiles(RepoPaths.Root, "*.md", SearchOption.AllDirectories)
                .Where(p => !Path.GetRelativePath(RepoPaths.Root, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "build" or ".git"))
                .Where(p => Regex.IsMatch(File.ReadAllText(p), @"\(later\)|will be wrapped|does not build without it|until `tflm/` exists"))
                .Select(p => Path.GetRelativePath(RepoPaths.Root, p))
                .ToArray();
            Assert.True(stale.Length == 0, "stale text in: " + string.Join(", ", stale));
        }
    }
}

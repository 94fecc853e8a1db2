using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Projects
{
    /// <summary>
    /// The firmware's <c>BoardConfig</c> is the one source of the board's pins; every document that names a pin
    /// (wiring tables, READMEs, BoardConfig's own summary) must show the same number, or someone wiring from it gets
    /// a silent microphone.
    /// </summary>
    public class BoardPinsDocumentedTests
    {
        private const string BoardConfig = "firmware/VoiceAssistant/BoardConfig.cs";

        // How documents name each pin: "SCK 26", "| I2S word select (WS) | 32 |", "LED on GPIO 2", ...
        private static readonly (string Constant, Regex Pattern)[] Signals =
        {
            ("I2sBitClockPin", new Regex(@"\b(?:SCK|BCK)\b\)?\s*(?:\|\s*)?(\d+)")),
            ("I2sWordSelectPin", new Regex(@"\bWS\b\)?\s*(?:\|\s*)?(\d+)")),
            ("I2sDataInPin", new Regex(@"\b(?:SD|data in)\b\)?\s*(?:\|\s*)?(\d+)")),
            ("LedPin", new Regex(@"\bLED\b\s*(?:\|\s*)?(?:on GPIO\s*)?(\d+)")),
        };

        private static Dictionary<string, int> Pins()
        {
            string source = File.ReadAllText(RepoPaths.Of(BoardConfig));
            return Regex.Matches(source, @"public const int (\w+) = (\d+);")
                .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        private static IEnumerable<string> Documents() =>
            Directory.EnumerateFiles(RepoPaths.Root, "*.md", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
                .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" or "build" or ".git" or "node_modules"))
                .Append(BoardConfig);

        [Fact]
        public void EveryDocumentShowsBoardConfigsPins()
        {
            Dictionary<string, int> pins = Pins();
            var wrong = new List<string>();
            foreach (string document in Documents())
            {
                string[] lines = File.ReadAllLines(RepoPaths.Of(document));
                for (int i = 0; i < lines.Length; i++)
                {
                    foreach (var (constant, pattern) in Signals)
                    {
                        foreach (Match m in pattern.Matches(lines[i]))
                        {
                            if (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != pins[constant])
                            {
                                wrong.Add($"{document}:{i + 1}: '{m.Value}' but BoardConfig.{constant} = {pins[constant]}");
                            }
                        }
                    }
                }
            }

            Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        }

        [Theory]
        [InlineData("README.md")]
        [InlineData("firmware/VoiceAssistant/README.md")]
        [InlineData(BoardConfig)]
        public void TheWiringDocumentsNameEveryPin(string document)
        {
            // So that rewording a wiring table cannot make the check above pass by matching nothing.
            string text = File.ReadAllText(RepoPaths.Of(document));
            foreach (var (constant, pattern) in Signals)
            {
                Assert.True(pattern.IsMatch(text), $"{document} does not show {constant}");
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceAssistant.Audio;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.VirtualBoard.Tests
{
    /// <summary>
    /// The app's real .pe files on the virtual board hear what the host twin (<c>va listen</c>) hears: the same DETECT
    /// and LED lines (labels, scores, milliseconds), and LED pin levels equal to listen's LED states.
    /// </summary>
    public class AppTests
    {
        public static TheoryData<string> Recordings => new TheoryData<string> { "sample", "speech", "noise" };

        [Theory]
        [MemberData(nameof(Recordings))]
        public void AppHearsWhatTheHostTwinHears(string recording)
        {
            Board.Require();
            string wav = Recording(recording);
            try
            {
                RunResult app = Board.Run(new Dictionary<string, string>(), "app", wav);
                Assert.True(app.ExitCode == 0, $"virtual board exit {app.ExitCode}: {app.Error}\n{app.Output}");
                Assert.Contains(app.Lines, l => l.StartsWith("VB END ", StringComparison.Ordinal));
                RunResult twin = Listen(wav);
                Assert.True(twin.ExitCode == 0, $"va listen exit {twin.ExitCode}: {twin.Error}");

                // Lines: the app prints them bare, listen prefixes its audio time.
                List<string> appLines = app.Lines.Where(IsActionLine).ToList();
                List<(long Ms, string Line)> twinLines = twin.Lines.Select(StripStamp).Where(t => t.Line != null && IsActionLine(t.Line)).ToList();
                Assert.Equal(twinLines.Select(t => t.Line), appLines);
                if (recording == "sample")
                {
                    Assert.Equal(3, appLines.Count(l => l.StartsWith("DETECT ", StringComparison.Ordinal)));
                }
                else if (recording == "noise")
                {
                    Assert.DoesNotContain(appLines, l => l.StartsWith("DETECT ", StringComparison.Ordinal));
                }

                // LED levels: low from the first hop, then the level of each LED state listen reports, at its time.
                int pin = int.Parse(Regex.Match(app.Output, @"^PINS .* led (\d+)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
                var expected = new List<(long, int)> { (20, 0) };
                foreach ((long ms, string line) in twinLines.Where(t => t.Line.StartsWith("LED ", StringComparison.Ordinal)))
                {
                    int level = line switch
                    {
                        "LED On" => 1,
                        "LED Off" => 0,
                        _ => throw new InvalidOperationException("no level expansion for " + line),
                    };
                    if (level != expected[^1].Item2)
                    {
                        expected.Add((ms, level));
                    }
                }

                var written = app.Lines.Select(l => Regex.Match(l, @"^VB GPIO (\d+) ([01]) (\d+)$")).Where(m => m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == pin)
                    .Select(m => (long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
                Assert.Equal(expected, written);
            }
            finally
            {
                if (recording != "sample")
                {
                    File.Delete(wav);
                }
            }
        }

        private static bool IsActionLine(string line) =>
            line.StartsWith("DETECT ", StringComparison.Ordinal) || line.StartsWith("LED ", StringComparison.Ordinal)
            || line.StartsWith("WAKE", StringComparison.Ordinal) || line.StartsWith("IDLE", StringComparison.Ordinal);

        private static (long Ms, string Line) StripStamp(string line)
        {
            Match m = Regex.Match(line, @"^\[(\d+):(\d\d)\.(\d{3})\] (.*)$");
            if (!m.Success)
            {
                return (0, null);
            }

            long ms = (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) * 1000
                + long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            return (ms, m.Groups[4].Value);
        }

        private static RunResult Listen(string wav)
        {
            // The CLI built in the same configuration as this test assembly (bin/<configuration>/net10.0/).
            string configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)));
            string va = RepoPaths.Of($"tools/VoiceAssistant.Cli/bin/{configuration}/net10.0/va.dll");
            Assert.True(File.Exists(va), "the CLI is not built at " + va);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
            start.ArgumentList.Add(va);
            start.ArgumentList.Add("listen");
            start.ArgumentList.Add(wav);
            return Processes.Run(start, TimeSpan.FromMinutes(5));
        }

        /// <summary>The recordings: the README's sample, real test-list words in a row, background noise only.</summary>
        private static string Recording(string name)
        {
            if (name == "sample")
            {
                return RepoPaths.Of("samples/yes-no.wav");
            }

            string data = SharedData.Require("data/speech_commands");
            short[] noise = WavFile.ReadMono16(Path.Combine(data, "_background_noise_", name == "noise" ? "doing_the_dishes.wav" : "pink_noise.wav"));
            var samples = new List<short>();
            if (name == "noise")
            {
                samples.AddRange(noise.Take(15 * 16000));
            }
            else
            {
                // yes, no, left, yes, go, no (the first clip of each word in name order), 0.6 s of faint noise after each.
                foreach (string word in new[] { "yes", "no", "left", "yes", "go", "no" })
                {
                    string clip = Directory.GetFiles(Path.Combine(data, word), "*.wav").OrderBy(f => f, StringComparer.Ordinal).First();
                    samples.AddRange(WavFile.ReadMono16(clip));
                    samples.AddRange(noise.Skip(samples.Count % 100000).Take(9600).Select(s => (short)(s / 20)));
                }
            }

            string path = Path.Combine(Path.GetTempPath(), $"va-virtual-board-{name}-{Guid.NewGuid():N}.wav");
            WavWriter.WriteMono16(path, samples.ToArray());
            return path;
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceAssistant.Board;
using VoiceAssistant.TestSupport;
using Xunit;
using static VoiceAssistant.Cli.Tests.CliRunner;

namespace VoiceAssistant.Cli.Tests
{
    /// <summary>Bad command lines: messages name the option and value at fault, and every command exits by one rule.</summary>
    [Collection("process-wide state")]
    public sealed class UsageErrorTests : IDisposable
    {
        private readonly string dir = Directory.CreateTempSubdirectory("va-usage").FullName;
        private readonly Func<string[]> originalPorts = PortPicker.ListPorts;

        public void Dispose()
        {
            PortPicker.ListPorts = originalPorts;
            Directory.Delete(dir, true);
        }

        private static string Sample => RepoPaths.Of("samples/yes-no.wav");

        private static void AssertUsage((int Code, string Out, string Err) result, string message)
        {
            Assert.True(result.Code == ExitCodes.UsageOrIo, $"exit {result.Code}: {result.Err}");
            Assert.Contains("error: " + message, result.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", result.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        }

        [Fact]
        public void TrainSaysWhichScheduleOptionIsWrong()
        {
            AssertUsage(Run("train", "--data", dir, "--out", dir, "--steps", "300"),
                "--steps gives 1 stage(s) (300) but --learning-rates gives 2 (the default 0.001,0.0001): give one learning rate per stage, e.g. --steps 300 --learning-rates 0.001");
            AssertUsage(Run("train", "--data", dir, "--out", dir, "--steps", "abc"), "--steps: 'abc' is not a whole number of steps");
            AssertUsage(Run("train", "--data", dir, "--out", dir, "--learning-rates", "0.1,-1"), "--learning-rates: '-1' is not a positive number");
            AssertUsage(Run("train", "--data", dir, "--out", dir, "--eval-every", "-1"), "--eval-every must be at least 0 (got -1)");
            AssertUsage(Run("train", "--data", dir, "--out", dir, "--gain-db", "50"), "--gain-db must be 0..40 (got 50)");
        }

        [Fact]
        public void ListenNamesTheOptionAtFaultAndNoDotNetTypes()
        {
            AssertUsage(Run("listen", Sample, "--threshold", "abc"), "Cannot parse argument 'abc' for option '--threshold': expected a whole number");
            AssertUsage(Run("listen", Sample, "--invoke-every", "0"), "--invoke-every must be at least 1 (got 0)");
            AssertUsage(Run("listen", Sample, "--threshold", "300"), "--threshold must be 0..255 (got 300)");
            AssertUsage(Run("export", "--checkpoint", Sample, "--data", dir, "--out", Path.Combine(dir, "m.tflite"), "--threshold", "-1"), "--threshold must be 0..255 (got -1)");
            AssertUsage(Run("eval", "--model", Sample, "--data", dir, "--streaming-seconds", "5"), "--streaming-seconds must be at least 10 (got 5) or 0 for none");
        }

        [Fact]
        public void MonitorOnAPortThatDoesNotExistSaysSo()
        {
            PortPicker.ListPorts = () => new[] { "/dev/ttyUSB0" };
            AssertUsage(Run("monitor", "--port", "/dev/ttyUSB9"), "serial port '/dev/ttyUSB9' does not exist (ports present: /dev/ttyUSB0)");
        }

        [Fact]
        public void SynthKeepsToItsHelp()
        {
            AssertUsage(Run("synth", "yes", "-o", dir, "--pitches", "500"), "--pitches must be 0..99 (got 500)");
            AssertUsage(Run("synth", "yes", "-o", dir, "--speeds", "20"), "--speeds must be 80..450 (got 20)");
            AssertUsage(Run("synth", "yes", "-o", dir, "--pitches", "x"), "--pitches: 'x' is not a whole number");
            AssertUsage(Run("synth", "yes", "-o", dir, "--noise", "2"), "--noise must be 0..1 (got 2)");
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }

        [Fact]
        public void HelpTextsSayWhatIsAccepted()
        {
            var (_, import, _) = Run("import", "--help");
            Assert.DoesNotContain("16-bit PCM, 16 kHz", import, StringComparison.Ordinal);
            Assert.Contains("any PCM or float WAV", import, StringComparison.Ordinal);
            var (_, run, _) = Run("run", "--help");
            Assert.Contains("exactly as many as the model input has elements", run, StringComparison.Ordinal);
        }

        [Fact]
        public void ValuesAgainstTheHelpAreRefusedBeforeAnythingRuns()
        {
            AssertUsage(Run("import", Sample, "--word", "yes", "--speaker", "me", "--out", dir, "--threshold-db", "25"), "--threshold-db must be at least -120 and below 0 (got 25)");
            AssertUsage(Run("import", Sample, "--word", "yes", "--speaker", "me", "--out", dir, "--min-gap-ms", "-5"), "--min-gap-ms must be at least 0 (got -5)");
            AssertUsage(Run("monitor", "--baud", "0"), "--baud must be at least 1 (got 0)");
            AssertUsage(Run("flash", "--target", "ESP32_REV0", "--baud", "-1"), "--baud must be at least 1 (got -1)");
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }

        [Fact]
        public void ImportWithAWordThatCannotBeAFolderIsAUsageError()
        {
            AssertUsage(Run("import", Sample, "--word", "a_b", "--speaker", "me", "--out", dir), "word 'a_b' may only contain");
        }

        [Fact]
        public void EveryCommandTreatsAnUnknownOptionAsUsage()
        {
            foreach (ICliCommand command in Program.Commands)
            {
                string name = command.Build(new CliConsole(TextWriter.Null, TextWriter.Null)).Name;
                var (code, _, err) = Run(name, "--no-such-option");
                Assert.True(code == ExitCodes.UsageOrIo, $"{name}: exit {code}: {err}");
            }
        }

        [Fact]
        public void TheReadmeDocumentsTheExitCodes()
        {
            string readme = File.ReadAllText(RepoPaths.Of("README.md"));
            string Row(int code) => Regex.Match(readme, $@"^\| {code} \| (.+) \|$", RegexOptions.Multiline).Groups[1].Value;
            Assert.StartsWith("success", Row(ExitCodes.Ok), StringComparison.Ordinal);
            Assert.StartsWith("an input was read but is invalid", Row(ExitCodes.InvalidInput), StringComparison.Ordinal);
            Assert.StartsWith("usage", Row(ExitCodes.UsageOrIo), StringComparison.Ordinal);
            Assert.StartsWith("an external tool", Row(ExitCodes.ExternalTool), StringComparison.Ordinal);
        }
    }
}

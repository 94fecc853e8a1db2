using System.IO;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Cli.Tests
{
    public class InspectCommandTests
    {
        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = Program.Run(args, new CliConsole(o, e));
            return (code, o.ToString(), e.ToString());
        }

        [Fact]
        public void PrintsTheMicroSpeechSummary()
        {
            string model = SharedData.Require("models/tflm_micro_speech/micro_speech_quantized.tflite");
            var (code, output, error) = Run("inspect", model);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            Assert.Contains("DEPTHWISE_CONV_2D (v3)", output);
            Assert.Contains("Parameters: 16,652", output);
            Assert.Contains("labels_softmax int8[1,4]", output);
        }

        [Fact]
        public void MissingFileIsAUsageErrorWithoutStackTrace()
        {
            var (code, output, error) = Run("inspect", Path.Combine(Path.GetTempPath(), "no-such-model.tflite"));
            Assert.Equal(ExitCodes.UsageOrIo, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("not found", error);
            Assert.DoesNotContain("   at ", error);
        }

        [Fact]
        public void InvalidModelIsExitCode1WithTheLoaderMessage()
        {
            string path = Path.Combine(Path.GetTempPath(), $"va-cli-test-{System.Guid.NewGuid():N}.tflite");
            File.WriteAllBytes(path, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 });
            try
            {
                var (code, _, error) = Run("inspect", path);
                Assert.Equal(ExitCodes.InvalidInput, code);
                Assert.Contains("invalid model", error);
                Assert.Contains("identifier", error);
                Assert.DoesNotContain("   at ", error);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void BadUsageIsExitCode2()
        {
            Assert.Equal(ExitCodes.UsageOrIo, Run("inspect").Code);
            Assert.Equal(ExitCodes.UsageOrIo, Run("no-such-command").Code);
        }
    }
}

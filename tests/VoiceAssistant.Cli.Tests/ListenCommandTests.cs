using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.TestSupport;
using Xunit;
using static VoiceAssistant.Cli.Tests.CliRunner;

namespace VoiceAssistant.Cli.Tests
{
    public sealed class ListenCommandTests : IDisposable
    {
        private const string MicroSpeech = "models/tflm_micro_speech/micro_speech_quantized.tflite";
        private readonly string dir = Path.Combine(Path.GetTempPath(), $"va-listen-test-{Guid.NewGuid():N}");

        public ListenCommandTests() => Directory.CreateDirectory(dir);

        public void Dispose() => Directory.Delete(dir, true);

        private string Wav(string name, int samples, int rate = 16000)
        {
            string path = Path.Combine(dir, name);
            WavWriter.WriteMono16(path, Enumerable.Range(0, samples).Select(i => (short)(3000 * Math.Sin(i * 0.05))).ToArray(), rate);
            return path;
        }

        [Fact]
        public void RunsTheDevicePipelineOverEachWavOfAFolder()
        {
            // TFLM's model does not use this project's features, so only the mechanics are checked here.
            string model = SharedData.Require(MicroSpeech);
            Wav("a.wav", 3 * 16000);
            Wav("b.wav", 2 * 8000, rate: 8000);
            var (code, output, err) = Run("listen", dir, "--model", model, "--labels", "silence,unknown,yes,no", "--invoke-every", "2");
            Assert.True(code == 0, err);
            Assert.Contains("a.wav: 3.00 s", output);
            Assert.Contains("b.wav: 2.00 s", output);

            // 3 s: rows 49..149 (1 + (48000 - 480) / 320 = 149), every second one; 2 s: rows 49..99.
            Assert.Contains("in 51 inferences", output);
            Assert.Contains("in 26 inferences", output);
        }

        [Fact]
        public void MissingOrBrokenInputsAreClearErrors()
        {
            string model = SharedData.Require(MicroSpeech);
            var (code, _, err) = Run("listen", Path.Combine(dir, "none.wav"), "--model", model, "--labels", "a,b,c,d");
            Assert.Equal(2, code);
            Assert.Contains("not found", err);

            string wav = Wav("ok.wav", 16000);
            (code, _, err) = Run("listen", wav, "--model", Path.Combine(dir, "none.tflite"));
            Assert.Equal(2, code);
            Assert.Contains("not found", err);

            string broken = Path.Combine(dir, "broken.tflite");
            File.WriteAllBytes(broken, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
            (code, _, err) = Run("listen", wav, "--model", broken, "--labels", "a,b,c,d");
            Assert.Equal(1, code);
            Assert.Contains("invalid model", err);

            (code, _, err) = Run("listen", wav, "--model", model);
            Assert.Equal(1, code);
            Assert.Contains("manifest", err);

            // Labels that do not fit the model are a usage error (the rule in the README's "Exit codes").
            (code, _, err) = Run("listen", wav, "--model", model, "--labels", "a,b");
            Assert.Equal(2, code);
            Assert.Contains("--labels", err);

            string badWav = Path.Combine(dir, "bad.wav");
            File.WriteAllText(badWav, "not a wav");
            (code, _, err) = Run("listen", badWav, "--model", model, "--labels", "a,b,c,d");
            Assert.Equal(1, code);
            Assert.Contains("bad.wav", err);
            Assert.DoesNotContain("   at ", err);
        }
    }
}

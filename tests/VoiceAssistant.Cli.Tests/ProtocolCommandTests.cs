using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceAssistant.Audio;
using Xunit;
using static VoiceAssistant.Cli.Tests.CliRunner;

namespace VoiceAssistant.Cli.Tests
{
    /// <summary>train and eval agree on the evaluation set; silence clips are never dropped; DET and cache outputs.</summary>
    public sealed class ProtocolCommandTests : IDisposable
    {
        private readonly string dir = Path.Combine(Path.GetTempPath(), $"va-protocol-test-{Guid.NewGuid():N}");

        public ProtocolCommandTests() => Directory.CreateDirectory(dir);

        public void Dispose() => Directory.Delete(dir, true);

        [Fact]
        public void TrainAndEvalCountTheSameClipsAndEvalScoresEverySilenceClip()
        {
            string data = Path.Combine(dir, "data");
            for (int s = 0; s < 30; s++)
            {
                string speaker = (s * 2654435761u).ToString("x8", CultureInfo.InvariantCulture);
                Tone(Path.Combine(data, "yes", $"{speaker}_nohash_0.wav"), 300 + (10 * s), 16000);
                Tone(Path.Combine(data, "no", $"{speaker}_nohash_0.wav"), 1500 + (10 * s), 9000); // under one second: padded
                Tone(Path.Combine(data, "cat", $"{speaker}_nohash_0.wav"), 3000 + (10 * s), 16000);
            }

            for (int i = 0; i < 40; i++)
            {
                Tone(Path.Combine(data, "_silence_", $"{i:d4}.wav"), 50 + i, 16000);
            }

            string noise = Path.Combine(dir, "noise");
            Tone(Path.Combine(noise, "hum.wav"), 60, 48000);
            string outDir = Path.Combine(dir, "out");
            string cache = Path.Combine(dir, "cache");
            var (code, trained, err) = Run("train", "--data", data, "--background", noise, "--split-salt", "s", "--out", outDir, "--steps", "20", "--learning-rates", "0.002", "--batch-size", "20", "--variants", "2", "--eval-every", "0", "--feature-cache", cache);
            Assert.True(code == 0, err);
            Assert.Contains("computed", trained);
            Match counts = Regex.Match(trained, @"validation (\d+), testing (\d+)");
            Assert.True(counts.Success, trained);

            string model = Path.Combine(dir, "m", "model.tflite");
            (code, _, err) = Run("export", "--checkpoint", Path.Combine(outDir, "model.ckpt"), "--data", data, "--background", noise, "--split-salt", "s", "--out", model);
            Assert.True(code == 0, err);
            int Clips(string split)
            {
                var (c, o, e) = Run("eval", "--model", model, "--data", data, "--background", noise, "--split-salt", "s", "--split", split);
                Assert.True(c == 0, e);
                return int.Parse(Regex.Match(o, @"(\d+) clips; per label").Groups[1].Value, CultureInfo.InvariantCulture);
            }

            Assert.Equal(int.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture), Clips("validation"));
            Assert.Equal(int.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture), Clips("testing"));

            // Every file is scored, including the silence clips the hash puts in training (the folder has its own
            // silence, so none is generated): 30 × 3 words + 40 silence clips.
            Assert.Equal(130, Clips("all"));

            // The second run reads every feature set from the cache.
            (code, trained, err) = Run("train", "--data", data, "--background", noise, "--split-salt", "s", "--out", Path.Combine(dir, "out2"), "--steps", "20", "--learning-rates", "0.002", "--batch-size", "20", "--variants", "2", "--eval-every", "0", "--feature-cache", cache);
            Assert.True(code == 0, err);
            Assert.Matches(@"\d set\(s\) read, 0 computed", trained);

            // Streaming writes the DET curve beside the report.
            string report = Path.Combine(dir, "r", "eval");
            var (code2, output, err2) = Run("eval", "--model", model, "--data", data, "--background", noise, "--split-salt", "s", "--split", "all", "--streaming-seconds", "30", "--recordings", "2", "--report", report);
            Assert.True(code2 == 0, err2);
            Assert.Contains("Pooled over 2 recording(s)", output);
            Assert.Matches(@"Pooled over 2 recording\(s\).*; (latency after the word's end: median -?\d+ ms, p90 -?\d+ ms \(\d+ words\)|no latency)", output);
            Assert.Contains("averaging 1000 ms, invoking every 3 row(s)", output);
            Assert.True(new FileInfo(report + ".det.png").Length > 1000);
            Assert.Equal(2, Run("eval", "--model", model, "--data", data, "--recordings", "0").Code);
            Assert.Equal(2, Run("eval", "--model", model, "--data", data, "--invoke-every-rows", "0").Code);
            Assert.Equal(2, Run("eval", "--model", model, "--data", data, "--average-window-ms", "10").Code);

            // The float column at the int8 model's operating point: a large negative shift takes every command away.
            var (code3, shifted, err3) = Run("eval", "--model", model, "--checkpoint", Path.Combine(outDir, "model.ckpt"), "--data", data, "--background", noise, "--split-salt", "s", "--split", "all", "--command-bias", "-60");
            Assert.True(code3 == 0, err3);
            Assert.Contains("float, bias -60.00", shifted);
            Assert.Matches(@"false accepts +0\.0%", shifted);
            Assert.Equal(2, Run("eval", "--model", model, "--data", data, "--command-bias", "NaN").Code);
            Assert.Equal(2, Run("eval", "--model", model, "--data", data, "--background", Path.Combine(dir, "nope")).Code);
        }

        private static void Tone(string path, double hz, int samples)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            WavWriter.WriteMono16(path, Enumerable.Range(0, samples).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * hz * i / 16000))).ToArray());
        }
    }
}

using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using Xunit;
using static VoiceAssistant.Cli.Tests.CliRunner;

namespace VoiceAssistant.Cli.Tests
{
    public sealed class TrainCommandTests : IDisposable
    {
        private readonly string dir = Path.Combine(Path.GetTempPath(), $"va-train-test-{Guid.NewGuid():N}");

        public TrainCommandTests() => Directory.CreateDirectory(dir);

        public void Dispose() => Directory.Delete(dir, true);

        private static void WriteTone(string path, double hz)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            WavWriter.WriteMono16(path, Enumerable.Range(0, 16000).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * hz * i / 16000))).ToArray());
        }

        private string Dataset()
        {
            string root = Path.Combine(dir, "data");
            for (int s = 0; s < 20; s++)
            {
                string speaker = (s * 2654435761u).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
                WriteTone(Path.Combine(root, "yes", $"{speaker}_nohash_0.wav"), 300 + (10 * s));
                WriteTone(Path.Combine(root, "no", $"{speaker}_nohash_0.wav"), 1500 + (10 * s));
                WriteTone(Path.Combine(root, "cat", $"{speaker}_nohash_0.wav"), 3000 + (10 * s));
            }

            return root;
        }

        [Fact]
        public void TrainsWritesACheckpointAndResumes()
        {
            string data = Dataset();
            string outDir = Path.Combine(dir, "out");
            var (code, output, err) = Run("train", "--data", data, "--out", outDir, "--steps", "4", "--learning-rates", "0.001", "--batch-size", "10", "--variants", "2", "--eval-every", "2");
            Assert.True(code == 0, err);
            Assert.Contains("Labels _silence_, _unknown_, yes, no", output);
            Assert.Contains("step 2/4 loss", output);
            Assert.Contains("step 4/4 loss", output);
            string checkpoint = Path.Combine(outDir, "model.ckpt");
            Assert.True(File.Exists(checkpoint));
            Assert.Equal(4, VoiceAssistant.Training.CheckpointContents.Read(checkpoint).Step);

            // The checkpoint's own schedule is continued (4 steps), so resuming a finished run does no more steps.
            string copy = Path.Combine(dir, "copy.ckpt");
            File.Copy(checkpoint, copy);
            // Resuming another file into this folder would replace its checkpoint: only with --force.
            Assert.Equal(2, Run("train", "--data", data, "--out", outDir, "--resume", copy, "--variants", "2").Code);
            (code, output, err) = Run("train", "--data", data, "--out", outDir, "--resume", copy, "--variants", "2", "--force");
            Assert.True(code == 0, err);
            Assert.Contains("from step 4", output);
        }

        [Fact]
        public void AugmentationAndDropoutOptionsReachTheRun()
        {
            string data = Dataset();
            string outDir = Path.Combine(dir, "avg");
            var (code, output, err) = Run("train", "--data", data, "--out", outDir, "--steps", "5", "--learning-rates", "0.001", "--batch-size", "10", "--variants", "2",
                "--unknown-variants", "1", "--speed-change", "0.1", "--gain-db", "6", "--confusable-words", "cat", "--dropout", "0.3", "--time-shift-ms", "200", "--eval-every", "0");
            Assert.True(code == 0, err);
            // "cat" is named confusable, so it gets --variants renderings like the words: every clip twice.
            var counts = System.Text.RegularExpressions.Regex.Match(output, @"training clips (\d+) \((\d+) examples\)");
            Assert.True(counts.Success, output);
            Assert.Equal(2 * int.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            var checkpoint = VoiceAssistant.Training.CheckpointContents.Read(Path.Combine(outDir, "model.ckpt"));
            Assert.Equal(5, checkpoint.Step);
            Assert.Equal(0.3f, checkpoint.Options.DropoutRate);
        }

        [Fact]
        public void ExportsAnInt8ModelThatEvalAndListenUse()
        {
            string data = Dataset();
            string outDir = Path.Combine(dir, "out");
            var (code, _, err) = Run("train", "--data", data, "--out", outDir, "--steps", "30", "--learning-rates", "0.002", "--batch-size", "20", "--variants", "2", "--eval-every", "0");
            Assert.True(code == 0, err);
            string checkpoint = Path.Combine(outDir, "model.ckpt");
            string model = Path.Combine(dir, "m", "tones.tflite");
            string output;
            (code, output, err) = Run("export", "--checkpoint", checkpoint, "--data", data, "--out", model);
            Assert.True(code == 0, err);
            Assert.True(File.Exists(model));
            Assert.True(File.Exists(Path.Combine(dir, "m", "tones.manifest.json")));
            Assert.Contains("input scale", output);

            // An operating point chosen on the validation split: the bias is reported and recorded in the manifest.
            string shifted = Path.Combine(dir, "m", "shifted.tflite");
            (code, output, err) = Run("export", "--checkpoint", checkpoint, "--data", data, "--out", shifted, "--false-accept-target", "5");
            Assert.True(code == 0, err);
            Assert.Matches(@"Command bias [+-]?\d+\.\d\d \(log-odds added to yes, no\): validation false accepts", output);
            Assert.Contains("validation false accepts", File.ReadAllText(Path.Combine(dir, "m", "shifted.manifest.json")));
            (code, _, err) = Run("export", "--checkpoint", checkpoint, "--data", data, "--out", shifted, "--false-accept-target", "100");
            Assert.Equal(2, code);
            Assert.Contains("--false-accept-target", err);

            string report = Path.Combine(dir, "report", "eval");
            (code, output, err) = Run("eval", "--model", model, "--checkpoint", checkpoint, "--data", data, "--split", "all", "--report", report, "--streaming-seconds", "20");
            Assert.True(code == 0, err);
            Assert.Contains("plain accuracy", output);
            Assert.Contains("float", output);
            Assert.Contains("int8", output);
            Assert.Contains("false accepts", output);
            Assert.Contains("Streaming", output);
            Assert.Contains("Mistakes by spoken word (int8;", output);
            Assert.True(new FileInfo(report + ".png").Length > 1000);
            Assert.Contains("TF mix accuracy", File.ReadAllText(report + ".txt"));

            // The tones are learnt: the float and int8 models agree with the labels on most clips.
            string plain = output.Split('\n').First(l => l.StartsWith("plain accuracy", StringComparison.Ordinal));
            Assert.DoesNotContain(" 0.0%", plain);

            string wav = Path.Combine(data, "yes", Directory.GetFiles(Path.Combine(data, "yes"))[0]);
            (code, output, err) = Run("listen", wav, "--model", model);
            Assert.True(code == 0, err);
            Assert.Contains("1.00 s", output);
        }

        [Fact]
        public void ExportAndEvalReportMissingInputs()
        {
            var (code, _, err) = Run("export", "--checkpoint", Path.Combine(dir, "none.ckpt"), "--data", dir, "--out", Path.Combine(dir, "m.tflite"));
            Assert.Equal(2, code);
            Assert.Contains("not found", err);
            (code, _, err) = Run("eval", "--model", Path.Combine(dir, "none.tflite"), "--data", dir);
            Assert.Equal(2, code);
            Assert.Contains("not found", err);
            (code, _, err) = Run("eval", "--model", Path.Combine(dir, "none.tflite"), "--data", dir, "--split", "sideways");
            Assert.Equal(2, code);
            Assert.Contains("--split", err);
        }

        [Fact]
        public void ExtraDataGoesToTrainingOnly()
        {
            string data = Dataset();
            string extra = Path.Combine(dir, "extra");
            for (int s = 0; s < 5; s++)
            {
                WriteTone(Path.Combine(extra, "yes", $"synth-v{s}_nohash_0.wav"), 500 + s);
            }

            var (code, output, err) = Run("train", "--data", data, "--extra-data", extra, "--out", Path.Combine(dir, "o"), "--steps", "1", "--learning-rates", "0.001", "--variants", "1");
            Assert.True(code == 0, err);
            var (code2, output2, _) = Run("train", "--data", data, "--out", Path.Combine(dir, "o2"), "--steps", "1", "--learning-rates", "0.001", "--variants", "1");
            Assert.Equal(0, code2);
            int Clips(string o) => int.Parse(o.Split("training clips ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            string Rest(string o) => o.Split("validation ")[1].Split(';')[0];
            Assert.Equal(Clips(output2) + 5, Clips(output));
            Assert.Equal(Rest(output2), Rest(output));
            Assert.Equal(2, Run("train", "--data", data, "--extra-data", Path.Combine(dir, "nope"), "--out", Path.Combine(dir, "o3")).Code);
        }

        [Fact]
        public void AnEarlierRunsCheckpointIsNotOverwrittenWithoutForce()
        {
            string data = Dataset();
            string outDir = Path.Combine(dir, "run");
            string[] args = { "train", "--data", data, "--out", outDir, "--steps", "1", "--learning-rates", "0.001", "--batch-size", "5", "--variants", "1" };
            Assert.Equal(0, Run(args).Code);
            string checkpoint = Path.Combine(outDir, "model.ckpt");
            byte[] first = File.ReadAllBytes(checkpoint);
            File.SetLastWriteTimeUtc(checkpoint, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var (code, output, err) = Run(args);
            Assert.Equal(2, code);
            Assert.Contains($"'{checkpoint}' already exists (an earlier run); continue it with --resume {checkpoint}, choose another --out, or pass --force to overwrite it", err);
            Assert.DoesNotContain("Loading", output);
            Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(checkpoint));
            Assert.Equal(first, File.ReadAllBytes(checkpoint));
            Assert.Equal(0, Run(args.Append("--force").ToArray()).Code);
            Assert.NotEqual(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(checkpoint));
        }

        [Fact]
        public void ExportDoesNotReplaceAModelWithoutForce()
        {
            string data = Dataset();
            string outDir = Path.Combine(dir, "run");
            Assert.Equal(0, Run("train", "--data", data, "--out", outDir, "--steps", "1", "--learning-rates", "0.001", "--batch-size", "5", "--variants", "1").Code);
            string checkpoint = Path.Combine(outDir, "model.ckpt");

            // Without --out the model goes beside the checkpoint, not over the shipped one.
            var (code, _, err) = Run("export", "--checkpoint", checkpoint, "--data", data, "--representative", "5");
            Assert.True(code == 0, err);
            string model = Path.Combine(outDir, "model.tflite");
            byte[] first = File.ReadAllBytes(model);
            (code, _, err) = Run("export", "--checkpoint", checkpoint, "--data", data, "--representative", "5", "--threshold", "100");
            Assert.Equal(2, code);
            Assert.Contains($"'{model}' already exists; choose another --out or pass --force to overwrite it", err);
            Assert.Equal(first, File.ReadAllBytes(model));
            (code, _, err) = Run("export", "--checkpoint", checkpoint, "--data", data, "--representative", "5", "--threshold", "100", "--force");
            Assert.True(code == 0, err);
            Assert.Contains("\"detectionThreshold\": 100", File.ReadAllText(Path.Combine(outDir, "model.manifest.json")));
        }

        [Fact]
        public void ABadResumeFailsBeforeTheFeaturesAreComputed()
        {
            string data = Dataset();
            string notACheckpoint = Path.Combine(dir, "notes.txt");
            File.WriteAllText(notACheckpoint, "hello");
            var (code, output, err) = Run("train", "--data", data, "--out", Path.Combine(dir, "o"), "--resume", notACheckpoint);
            Assert.Equal(1, code);
            Assert.Contains($"'{notACheckpoint}' is not a usable checkpoint: not a training checkpoint or damaged: its magic is 68656C6C, expected 56415443 ('VATC')", err);
            Assert.DoesNotContain("Loading", output);
        }

        [Fact]
        public void FeatureComputationShowsProgressStageByStage()
        {
            string data = Dataset();
            // No cache: this is about computing features (a cached set is read, not computed).
            var (code, output, err) = Run("train", "--data", data, "--out", Path.Combine(dir, "o"), "--steps", "1", "--learning-rates", "0.001", "--batch-size", "5", "--variants", "3", "--no-feature-cache");
            Assert.True(code == 0, err);
            Assert.Contains("  reading training clips: 0/", output);
            Assert.Matches(@"  training variants: [\d,]+/[\d,]+ \(100%\)", output);
            Assert.Contains("  validation features: ", output);
            Assert.True(output.IndexOf("training variants", StringComparison.Ordinal) < output.IndexOf("Labels ", StringComparison.Ordinal));
        }

        [Fact]
        public void CtrlCSaysWhereTheCheckpointIsAndHowToResume()
        {
            string data = Dataset();
            string outDir = Path.Combine(dir, "stopped");
            using var ctrlC = new System.Threading.CancellationTokenSource();

            // Ctrl-C arrives while step 1's validation line is printed.
            var output = new CancellingWriter("step 1/", ctrlC);
            var error = new StringWriter();
            var arguments = new Commands.TrainCommand.Arguments
            {
                Data = new DirectoryInfo(data), Out = new DirectoryInfo(outDir), Steps = "50", Rates = "0.001", BatchSize = 5, Variants = 1, EvaluateEvery = 1, Threads = 1,
            };
            int code = Commands.TrainCommand.Run(arguments, new CliConsole(output, error), ctrlC.Token);
            string checkpoint = Path.Combine(outDir, "model.ckpt");
            Assert.Equal(ExitCodes.Interrupted, code);
            Assert.Contains($"Stopping after the current step; the checkpoint {checkpoint} will hold it. Continue with the same options plus: --resume {checkpoint}", error.ToString());
            Assert.Contains($"Stopped at step 1 of 50; the checkpoint {checkpoint} holds step 1.", output.ToString());
            Assert.Contains($"Continue with the same options plus: --resume {checkpoint}", output.ToString());
            Assert.Equal(1, VoiceAssistant.Training.CheckpointContents.Read(checkpoint).Step);
        }

        /// <summary>Captures output and cancels when a line containing a marker is written (a Ctrl-C at a known point).</summary>
        private sealed class CancellingWriter : StringWriter
        {
            private readonly string marker;
            private readonly System.Threading.CancellationTokenSource source;

            public CancellingWriter(string marker, System.Threading.CancellationTokenSource source)
            {
                this.marker = marker;
                this.source = source;
            }

            public override void WriteLine(string value)
            {
                base.WriteLine(value);
                if (value != null && value.Contains(marker, StringComparison.Ordinal))
                {
                    source.Cancel();
                }
            }
        }

        [Fact]
        public void ResumingWithOtherWordsIsRefused()
        {
            string data = Dataset();
            string outDir = Path.Combine(dir, "out");
            Assert.Equal(0, Run("train", "--data", data, "--out", outDir, "--steps", "1", "--learning-rates", "0.001", "--batch-size", "5", "--variants", "1").Code);
            WriteTone(Path.Combine(data, "cat", "extra_nohash_0.wav"), 100);
            var (code, _, err) = Run("train", "--data", data, "--out", outDir, "--words", "yes,cat", "--resume", Path.Combine(outDir, "model.ckpt"), "--variants", "1");
            Assert.Equal(2, code);
            Assert.Contains("checkpoint labels", err);
        }

        [Theory]
        [InlineData("--steps", "100,10", "--learning-rates", "0.001")]
        [InlineData("--steps", "ten", "--learning-rates", "0.001")]
        [InlineData("--batch-size", "0", "--variants", "1")]
        [InlineData("--words", "yes,_x", "--variants", "1")]
        [InlineData("--variants", "-1", "--threads", "1")]
        [InlineData("--resume", "missing.ckpt", "--threads", "1")]
        [InlineData("--speed-change", "0.5", "--threads", "1")]
        [InlineData("--gain-db", "-1", "--threads", "1")]
        [InlineData("--time-shift-ms", "501", "--threads", "1")]
        [InlineData("--dropout", "1", "--threads", "1")]
        public void BadArgumentsExitWithTwoAndAMessage(string option1, string value1, string option2, string value2)
        {
            string data = Dataset();
            var (code, _, err) = Run("train", "--data", data, "--out", Path.Combine(dir, "out"), option1, value1, option2, value2);
            Assert.Equal(2, code);
            Assert.StartsWith("error: ", err);
            Assert.DoesNotContain("   at ", err);
        }

        [Fact]
        public void MissingDatasetOrWordIsAClearError()
        {
            var (code, _, err) = Run("train", "--data", Path.Combine(dir, "nowhere"), "--out", Path.Combine(dir, "out"));
            Assert.Equal(2, code);
            Assert.Contains("not found", err);

            string data = Dataset();
            (code, _, err) = Run("train", "--data", data, "--out", Path.Combine(dir, "out"), "--words", "yes,maybe");
            Assert.Equal(1, code);
            Assert.Contains("maybe", err);
            Assert.DoesNotContain("   at ", err);
        }
    }
}

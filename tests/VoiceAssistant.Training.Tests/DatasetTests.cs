using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.Data;
using Xunit;

namespace VoiceAssistant.Training.Tests
{
    public sealed class DatasetTests : IDisposable
    {
        private readonly string root = Path.Combine(Path.GetTempPath(), "dataset-" + Guid.NewGuid().ToString("N"));

        public DatasetTests() => Directory.CreateDirectory(root);

        public void Dispose() => Directory.Delete(root, recursive: true);

        // Expected values computed with Python: (int(hashlib.sha1(name).hexdigest(), 16) % 2**27) * (100 / (2**27 - 1)).
        [Theory]
        [InlineData("f2e59fea_nohash_1.wav", 11.76918977327041, DataSplit.Testing)]
        [InlineData("0a7c2a8d_nohash_0.wav", 56.836387193474074, DataSplit.Training)]
        [InlineData("abc_nohash_3.wav", 60.19756615309094, DataSplit.Training)]
        [InlineData("ffd2ba2f_nohash_4.wav", 55.30171137527906, DataSplit.Training)]
        [InlineData("00000000_nohash_0.wav", 9.555729549793373, DataSplit.Validation)]
        [InlineData("0001.wav", 56.41495180439168, DataSplit.Training)]
        public void WhichSetMatchesTensorFlow(string name, double percentage, DataSplit split)
        {
            Assert.Equal(percentage, SpeechCommandsDataset.HashPercentage(name), 1e-9);
            Assert.Equal(split, SpeechCommandsDataset.WhichSet("any/folder/" + name, 10, 10));

            // Only the speaker part counts.
            Assert.Equal(SpeechCommandsDataset.HashPercentage(name), SpeechCommandsDataset.HashPercentage(name.Replace("_nohash_", "_nohash_9_x", StringComparison.Ordinal)));
        }

        private static void WriteClip(string path, short value)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            WavWriter.WriteMono16(path, Enumerable.Repeat(value, 16000).ToArray());
        }

        private void BuildSynthetic(int speakers, int unknownSpeakers, int silenceClips)
        {
            for (int s = 0; s < speakers; s++)
            {
                string speaker = (s * 2654435761u).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
                for (int n = 0; n < 2; n++)
                {
                    WriteClip(Path.Combine(root, "yes", $"{speaker}_nohash_{n}.wav"), 1000);
                    WriteClip(Path.Combine(root, "no", $"{speaker}_nohash_{n}.wav"), 2000);
                }
            }

            for (int s = 0; s < unknownSpeakers; s++)
            {
                WriteClip(Path.Combine(root, s % 2 == 0 ? "cat" : "dog", $"{s + 1000:x8}_nohash_0.wav"), 3000);
            }

            for (int i = 0; i < silenceClips; i++)
            {
                WriteClip(Path.Combine(root, "_silence_", $"{i:d4}.wav"), 10);
            }

            WriteClip(Path.Combine(root, "_background_noise_", "noise.wav"), 500);
        }

        [Fact]
        public void BuildsLabelsSplitsAndTensorFlowProportions()
        {
            BuildSynthetic(speakers: 60, unknownSpeakers: 200, silenceClips: 3);
            var dataset = SpeechCommandsDataset.Load(root);
            Assert.Equal(new[] { "_silence_", "_unknown_", "yes", "no" }, dataset.Labels);
            Assert.Single(dataset.BackgroundFiles);

            var speakerSplit = new Dictionary<string, DataSplit>();
            foreach (DataSplit split in Enum.GetValues<DataSplit>())
            {
                var examples = dataset.Examples(split);
                int words = examples.Count(e => e.Kind == ExampleKind.Word);
                int expectedExtra = (int)Math.Ceiling(words * 0.1);
                Assert.Equal(expectedExtra, examples.Count(e => e.Label == 0));
                Assert.Equal(expectedExtra, examples.Count(e => e.Label == 1));
                Assert.All(examples.Where(e => e.Label == 1), e => Assert.Contains(e.Word, new[] { "cat", "dog" }));
                Assert.All(examples, e => Assert.Equal(split, e.Split));
                foreach (DatasetExample e in examples.Where(e => e.Speaker != null))
                {
                    Assert.Equal(SpeechCommandsDataset.WhichSet(e.Path, 10, 10), split);
                    if (speakerSplit.TryGetValue(e.Speaker, out DataSplit seen))
                    {
                        Assert.Equal(seen, split);
                    }

                    speakerSplit[e.Speaker] = split;
                }
            }

            // Only 3 _silence_ clips exist in all: the rest of the silence examples are generated.
            int silenceClips = Enum.GetValues<DataSplit>().Sum(s => dataset.Examples(s).Count(e => e.Kind == ExampleKind.SilenceClip));
            Assert.Equal(3, silenceClips);
            Assert.Contains(dataset.Examples(DataSplit.Training), e => e.Kind == ExampleKind.GeneratedSilence && e.Path == null);

            int training = dataset.Examples(DataSplit.Training).Count(e => e.Kind == ExampleKind.Word);
            Assert.InRange(training, 0.6 * 240, 0.95 * 240);

            // Loading again gives the same examples in the same order.
            var again = SpeechCommandsDataset.Load(root);
            Assert.Equal(dataset.Examples(DataSplit.Training), again.Examples(DataSplit.Training));
        }

        [Fact]
        public void AddingFilesNeverMovesExistingOnes()
        {
            BuildSynthetic(speakers: 20, unknownSpeakers: 10, silenceClips: 0);
            File.WriteAllBytes(Path.Combine(root, "yes", "._00000001_nohash_0.wav"), new byte[] { 0, 5, 22 });
            WriteClip(Path.Combine(root, "no", "UPPER000_nohash_0.WAV"), 1);
            var before = SpeechCommandsDataset.Load(root);
            var all = Enum.GetValues<DataSplit>().SelectMany(s => before.Examples(s)).Select(e => Path.GetFileName(e.Path)).ToArray();
            Assert.DoesNotContain("._00000001_nohash_0.wav", all);
            Assert.Contains("UPPER000_nohash_0.WAV", all);
            WriteClip(Path.Combine(root, "yes", "deadbeef_nohash_0.wav"), 1);
            WriteClip(Path.Combine(root, "no", "0badf00d_nohash_0.wav"), 1);
            var after = SpeechCommandsDataset.Load(root);
            foreach (DataSplit split in Enum.GetValues<DataSplit>())
            {
                var old = before.Examples(split).Where(e => e.Kind == ExampleKind.Word).Select(e => e.Path).ToHashSet();
                var now = after.Examples(split).Where(e => e.Kind == ExampleKind.Word).Select(e => e.Path).ToHashSet();
                Assert.Subset(now, old);
            }
        }

        [Fact]
        public void MissingWantedWordIsAClearError()
        {
            BuildSynthetic(speakers: 3, unknownSpeakers: 2, silenceClips: 0);
            var e = Assert.Throws<InvalidDataException>(() => SpeechCommandsDataset.Load(root, new DatasetOptions { WantedWords = new[] { "yes", "stop" } }));
            Assert.Contains("stop", e.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidDataException>(() => SpeechCommandsDataset.Load(Path.Combine(root, "nothing-here")));
        }

        [Fact]
        public void FeatureCacheHoldsTheUnaugmentedFeaturesOfEachClip()
        {
            BuildSynthetic(speakers: 30, unknownSpeakers: 20, silenceClips: 4);
            var dataset = SpeechCommandsDataset.Load(root);
            var backgrounds = AudioExampleSource.LoadBackgrounds(dataset.BackgroundFiles);
            var augmenter = new Augmenter(new AugmentationOptions(), backgrounds);
            var examples = dataset.Examples(DataSplit.Training);
            var source = new AudioExampleSource(examples, augmenter, () => new StandInFeatures(), training: false);
            FeatureSet cache = FeatureSet.Compute(source, 77);
            var extractor = new StandInFeatures();
            var expected = new float[49 * 40];
            for (int i = 0; i < examples.Count; i++)
            {
                Assert.Equal(examples[i].Label, cache.LabelOf(i));
                if (examples[i].Path == null)
                {
                    // Generated silence: the constant background (500/32768, loaded at peak 1) at a volume in [0, 1).
                    Assert.All(cache.FeaturesOf(i), v => Assert.InRange(v, 0f, 1f + 1e-6f));
                    continue;
                }

                extractor.Compute(WavReader.ReadMono16k(examples[i].Path), expected);
                Assert.Equal(expected, cache.FeaturesOf(i));
            }
        }

        [Fact]
        public void EndToEndTrainingOnADatasetFolderRunsAndResumes()
        {
            BuildSynthetic(speakers: 40, unknownSpeakers: 20, silenceClips: 4);
            var data = TrainingData.Prepare(root, null, null, () => new StandInFeatures());
            Assert.NotNull(data.Validation);
            // Validation figures are on the evaluation set: every clip of the split, not TF's sampled proportions.
            var evaluation = SpeechCommandsDataset.Load(root, DatasetOptions.Evaluation(new[] { "yes", "no" }, string.Empty, null));
            Assert.Equal(evaluation.Examples(DataSplit.Validation).Count, data.Validation.Count);
            var options = new TrainingOptions
            {
                BatchSize = 20,
                Schedule = new LearningRateSchedule(new[] { new LearningRateStage(4, 0.001f) }),
                EvaluateEverySteps = 2,
                CheckpointEverySteps = 2,
                CheckpointPath = Path.Combine(root, "run.ckpt"),
            };
            var straight = new Trainer(TinyConvConfig.Default(data.Labels.Count), data.Labels, options, data.Training, data.Validation);
            straight.Run(null, TestContext.Current.CancellationToken);

            var first = new Trainer(TinyConvConfig.Default(data.Labels.Count), data.Labels, options, data.Training, data.Validation);
            first.RunUntil(2, null, TestContext.Current.CancellationToken);
            Trainer resumed = Trainer.Resume(options.CheckpointPath, data.Training, data.Validation);
            resumed.Run(null, TestContext.Current.CancellationToken);
            Assert.Equal(straight.Model.Weights.FcWeights, resumed.Model.Weights.FcWeights);
            Assert.Equal(straight.Model.Weights.ConvWeights, resumed.Model.Weights.ConvWeights);
            EvaluationReport report = resumed.Evaluate(data.Testing ?? data.Validation);
            Assert.InRange(report.Accuracy, 0f, 1f);
        }

        [Fact]
        public void ABadClipInTheDatasetIsReportedByName()
        {
            BuildSynthetic(speakers: 10, unknownSpeakers: 4, silenceClips: 0);
            string bad = Path.Combine(root, "yes", "0badc0de_nohash_0.wav");
            File.WriteAllBytes(bad, new byte[] { 1, 2, 3 });
            var dataset = SpeechCommandsDataset.Load(root);
            var all = Enum.GetValues<DataSplit>().SelectMany(s => dataset.Examples(s)).ToArray();
            var augmenter = new Augmenter(new AugmentationOptions(), Array.Empty<float[]>());
            var e = Assert.Throws<WavFormatException>(() => new AudioExampleSource(all, augmenter, () => new StandInFeatures(), training: true));
            Assert.Equal(bad, e.File);
        }

        [Fact]
        public void RealSpeechCommandsPipelineLoadsAndTrains()
        {
            string dir = TestSupport.SharedData.Require("data/speech_commands");
            var data = TrainingData.Prepare(dir, new DatasetOptions { SplitSalt = "va1" }, null, () => new StandInFeatures());
            Assert.Equal(new[] { "_silence_", "_unknown_", "yes", "no" }, data.Labels);
            Assert.True(data.Training.Count > 400, $"{data.Training.Count} training examples");
            Assert.NotNull(data.Validation);
            var examples = data.Dataset.Examples(DataSplit.Training);
            Assert.Contains(examples, e => e.Kind == ExampleKind.SilenceClip);
            Assert.Contains(examples, e => e.Kind == ExampleKind.Unknown);
            var options = new TrainingOptions { BatchSize = 50, Schedule = new LearningRateSchedule(new[] { new LearningRateStage(3, 0.001f) }) };
            var trainer = new Trainer(TinyConvConfig.Default(4), data.Labels, options, data.Training, data.Validation);
            var progress = new List<StepReport>();
            trainer.Run(new StepRecorder(progress), TestContext.Current.CancellationToken);
            Assert.Equal(3, progress.Count);
            Assert.All(progress, p => Assert.True(float.IsFinite(p.Loss) && p.Loss > 0));
        }

        private sealed class StepRecorder : ITrainingProgress
        {
            private readonly List<StepReport> steps;

            public StepRecorder(List<StepReport> steps) => this.steps = steps;

            public void OnStep(StepReport report) => steps.Add(report);

            public void OnEvaluation(EvaluationReport report)
            {
            }

            public void OnCheckpoint(long step, string path)
            {
            }
        }

        [Fact]
        public void SharedSpeechCommandsSplitIsSpeakerDisjoint()
        {
            string dir = TestSupport.SharedData.Require("data/speech_commands");
            var dataset = SpeechCommandsDataset.Load(dir);
            var splitsOfSpeaker = new Dictionary<string, HashSet<DataSplit>>();
            int words = 0;
            foreach (DataSplit split in Enum.GetValues<DataSplit>())
            {
                foreach (DatasetExample e in dataset.Examples(split))
                {
                    if (e.Speaker != null)
                    {
                        if (!splitsOfSpeaker.TryGetValue(e.Speaker, out var set))
                        {
                            splitsOfSpeaker[e.Speaker] = set = new HashSet<DataSplit>();
                        }

                        set.Add(split);
                    }

                    words += e.Kind == ExampleKind.Word ? 1 : 0;
                }
            }

            // Every yes/no clip of the shared set is used (README: 293 + 284), each speaker in exactly one split.
            Assert.Equal(293 + 284, words);
            Assert.All(splitsOfSpeaker.Values, s => Assert.Single(s));

            // The shared clips are the official v0.02 test list, which TensorFlow's which_set itself produced
            // (testing = hash percentage in [10, 20)): an independent check of the hash, the modulus and the scaling.
            Assert.True(splitsOfSpeaker.Count > 100);
            Assert.All(splitsOfSpeaker.Values, s => Assert.Equal(DataSplit.Testing, s.Single()));
            Assert.Equal(6, dataset.BackgroundFiles.Count);

            // With a salt the same clips spread over all three splits, still speaker-disjoint.
            var salted = SpeechCommandsDataset.Load(dir, new DatasetOptions { SplitSalt = "va1" });
            var bySpeaker = Enum.GetValues<DataSplit>().SelectMany(s => salted.Examples(s)).Where(e => e.Speaker != null)
                .GroupBy(e => e.Speaker).ToArray();
            Assert.All(bySpeaker, g => Assert.Single(g.Select(e => e.Split).Distinct()));
            int trainingSpeakers = bySpeaker.Count(g => g.First().Split == DataSplit.Training);
            Assert.InRange(trainingSpeakers / (double)bySpeaker.Length, 0.65, 0.92);
            Assert.True(bySpeaker.Count(g => g.First().Split == DataSplit.Validation) >= 5);
        }
    }
}

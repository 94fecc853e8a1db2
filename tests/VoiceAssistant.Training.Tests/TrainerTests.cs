using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Data;
using Xunit;

namespace VoiceAssistant.Training.Tests
{
    public sealed class TrainerTests : IDisposable
    {
        private static readonly TinyConvConfig Small = new TinyConvConfig(12, 10, 4, 3, 4, 2, 2, 3);
        private readonly string dir = Path.Combine(Path.GetTempPath(), "trainer-" + Guid.NewGuid().ToString("N"));

        public TrainerTests() => Directory.CreateDirectory(dir);

        public void Dispose() => Directory.Delete(dir, recursive: true);

        /// <summary>Three classes: a bright band in the top, middle or bottom rows, plus noise.</summary>
        private static FeatureSet Synthetic(int count, ulong seed)
        {
            var rng = new Rng(seed);
            var features = new float[count][];
            var labels = new int[count];
            for (int i = 0; i < count; i++)
            {
                int label = i % 3;
                var f = new float[Small.InputSize];
                for (int r = 0; r < Small.InputRows; r++)
                {
                    for (int c = 0; c < Small.InputColumns; c++)
                    {
                        bool band = r / 4 == label;
                        f[r * Small.InputColumns + c] = (float)((band ? 1.0 : 0.0) + rng.NextDouble(-0.3, 0.3));
                    }
                }

                features[i] = f;
                labels[i] = label;
            }

            return new FeatureSet(features, labels);
        }

        private static TrainingOptions Options(OptimizerKind kind = OptimizerKind.Adam, int parallelism = 2, int steps = 30) => new TrainingOptions
        {
            Seed = 5,
            BatchSize = 16,
            DropoutRate = 0.25f,
            Optimizer = kind,
            Schedule = new LearningRateSchedule(new[] { new LearningRateStage(steps / 2, 0.01f), new LearningRateStage(steps - steps / 2, 0.003f) }),
            InitStddev = 0.1,
            EvaluateEverySteps = 0,
            CheckpointEverySteps = 0,
            MaxDegreeOfParallelism = parallelism,
        };

        private static string[] Labels => new[] { "a", "b", "c" };

        private static void AssertSameWeights(TinyConvParameters expected, TinyConvParameters actual)
        {
            for (int a = 0; a < 4; a++)
            {
                Assert.Equal(expected.Arrays[a], actual.Arrays[a]);
            }
        }

        [Theory]
        [InlineData(OptimizerKind.Adam)]
        [InlineData(OptimizerKind.Sgd)]
        public void TrainingReducesLossAndLearnsTheSyntheticSet(OptimizerKind kind)
        {
            FeatureSet train = Synthetic(60, 1), validation = Synthetic(30, 2);
            var options = Options(kind, steps: 150);
            if (kind == OptimizerKind.Sgd)
            {
                options.Schedule = new LearningRateSchedule(new[] { new LearningRateStage(150, 0.5f) });
            }

            var trainer = new Trainer(Small, Labels, options, train, validation);
            EvaluationReport before = trainer.Evaluate(validation);
            var progress = new RecordingProgress();
            trainer.Run(progress, TestContext.Current.CancellationToken);
            EvaluationReport after = trainer.Evaluate(validation);
            Assert.Equal(150, trainer.Step);
            Assert.Equal(150, progress.Steps);
            Assert.Single(progress.Evaluations);
            Assert.True(after.Loss < before.Loss * 0.3, $"loss {before.Loss} -> {after.Loss}");
            Assert.True(after.Accuracy > 0.95f, $"accuracy {after.Accuracy}");
            Assert.Equal(30, after.Confusion.Sum());
        }

        [Fact]
        public void SameSeedGivesIdenticalWeightsAndParallelEqualsSequential()
        {
            FeatureSet train = Synthetic(40, 3);
            var a = new Trainer(Small, Labels, Options(parallelism: 2), train, null);
            var b = new Trainer(Small, Labels, Options(parallelism: 2), train, null);
            var sequential = new Trainer(Small, Labels, Options(parallelism: 1), train, null);
            a.RunUntil(10, null, TestContext.Current.CancellationToken);
            b.RunUntil(10, null, TestContext.Current.CancellationToken);
            sequential.RunUntil(10, null, TestContext.Current.CancellationToken);
            AssertSameWeights(a.Model.Weights, b.Model.Weights);
            AssertSameWeights(a.Model.Weights, sequential.Model.Weights);

            var evalParallel = a.Evaluate(train);
            var evalSequential = sequential.Evaluate(train);
            Assert.Equal(evalParallel.Loss, evalSequential.Loss);
            Assert.Equal(evalParallel.Confusion, evalSequential.Confusion);

            var other = Options();
            other.Seed = 6;
            var c = new Trainer(Small, Labels, other, train, null);
            c.RunUntil(10, null, TestContext.Current.CancellationToken);
            Assert.NotEqual(a.Model.Weights.FcWeights, c.Model.Weights.FcWeights);
        }

        [Theory]
        [InlineData(OptimizerKind.Adam)]
        [InlineData(OptimizerKind.Sgd)]
        public void ResumingFromACheckpointEqualsNotStopping(OptimizerKind kind)
        {
            FeatureSet train = Synthetic(40, 4), validation = Synthetic(9, 5);
            var straight = new Trainer(Small, Labels, Options(kind), train, validation);
            straight.RunUntil(12, null, TestContext.Current.CancellationToken);

            string path = Path.Combine(dir, "run.ckpt");
            var options = Options(kind);
            options.CheckpointPath = path;
            options.CheckpointEverySteps = 5;
            var first = new Trainer(Small, Labels, options, train, validation);
            var progress = new RecordingProgress();
            first.RunUntil(7, progress, TestContext.Current.CancellationToken);
            Assert.Equal(new long[] { 5, 7 }, progress.Checkpoints.ToArray());

            Trainer resumed = Trainer.Resume(path, train, validation, maxDegreeOfParallelism: 1);
            Assert.Equal(7, resumed.Step);
            Assert.Equal(Labels, resumed.Labels);
            Assert.Equal(Small, resumed.Model.Config);
            resumed.RunUntil(12, null, TestContext.Current.CancellationToken);
            AssertSameWeights(straight.Model.Weights, resumed.Model.Weights);
            if (kind == OptimizerKind.Adam)
            {
                var x = (AdamOptimizer)straight.Optimizer;
                var y = (AdamOptimizer)resumed.Optimizer;
                Assert.Equal(x.StepCount, y.StepCount);
                AssertSameWeights(x.M, y.M);
                AssertSameWeights(x.V, y.V);
            }

            Assert.Equal(new[] { "run.ckpt" }, Directory.GetFiles(dir).Select(Path.GetFileName));
        }

        [Fact]
        public void CheckpointHasTheDocumentedLayout()
        {
            FeatureSet train = Synthetic(10, 6);
            var trainer = new Trainer(Small, Labels, Options(OptimizerKind.Sgd), train, null);
            trainer.RunUntil(2, null, TestContext.Current.CancellationToken);
            string path = Path.Combine(dir, "layout.ckpt");
            trainer.SaveCheckpoint(path);
            byte[] bytes = File.ReadAllBytes(path);
            using var r = new BinaryReader(new MemoryStream(bytes));
            Assert.Equal("VATC"u8.ToArray(), r.ReadBytes(4));
            Assert.Equal(1, r.ReadInt32());
            Assert.Equal(new[] { 12, 10, 4, 3, 4, 2, 2, 3 }, Enumerable.Range(0, 8).Select(_ => r.ReadInt32()).ToArray());
            Assert.Equal(3, r.ReadInt32());
            Assert.Equal(Labels, Enumerable.Range(0, 3).Select(_ => r.ReadString()).ToArray());
            Assert.Equal(5UL, r.ReadUInt64());
            Assert.Equal(16, r.ReadInt32());
            Assert.Equal(0.25f, r.ReadSingle());
            Assert.Equal((int)OptimizerKind.Sgd, r.ReadInt32());
            Assert.Equal(0.1, r.ReadDouble());
            r.ReadBytes(12); // eval interval, checkpoint interval, shards
            Assert.Equal(2, r.ReadInt32());
            Assert.Equal((15, 0.01f), (r.ReadInt32(), r.ReadSingle()));
            Assert.Equal((15, 0.003f), (r.ReadInt32(), r.ReadSingle()));
            Assert.Equal(2L, r.ReadInt64());
            r.ReadBytes(32);
            Assert.Equal(Small.ConvWeightCount, r.ReadInt32());
            Assert.Equal(trainer.Model.Weights.ConvWeights[0], r.ReadSingle());
            int rest = Small.ConvWeightCount - 1;
            r.ReadBytes(rest * 4);
            Assert.Equal(Small.FilterCount, r.ReadInt32());
            r.ReadBytes(Small.FilterCount * 4);
            Assert.Equal(Small.FcWeightCount, r.ReadInt32());
            r.ReadBytes(Small.FcWeightCount * 4);
            Assert.Equal(Small.LabelCount, r.ReadInt32());
            r.ReadBytes(Small.LabelCount * 4);
            Assert.Equal((int)OptimizerKind.Sgd, r.ReadInt32());
            Assert.Equal("END."u8.ToArray(), r.ReadBytes(4));
            Assert.Equal(bytes.Length, r.BaseStream.Position);

            CheckpointContents contents = CheckpointContents.Read(path);
            Assert.Equal(2, contents.Step);
            Assert.Equal(Labels, contents.Labels);
            AssertSameWeights(trainer.Model.Weights, contents.Model.Weights);
        }

        [Fact]
        public void DamagedCheckpointsAreRejectedClearly()
        {
            FeatureSet train = Synthetic(10, 7);
            var trainer = new Trainer(Small, Labels, Options(), train, null);
            string path = Path.Combine(dir, "ok.ckpt");
            trainer.SaveCheckpoint(path);
            byte[] bytes = File.ReadAllBytes(path);

            File.WriteAllBytes(path, bytes.Take(bytes.Length - 10).ToArray());
            Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => Trainer.Resume(path, train, null)).Message, StringComparison.Ordinal);

            byte[] bad = (byte[])bytes.Clone();
            bad[0] = (byte)'X';
            File.WriteAllBytes(path, bad);
            Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => Trainer.Resume(path, train, null)).Message, StringComparison.Ordinal);

            bad = (byte[])bytes.Clone();
            bad[4] = 9;
            File.WriteAllBytes(path, bad);
            Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => Trainer.Resume(path, train, null)).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ScheduleParsesTensorFlowListsAndSteps()
        {
            var s = LearningRateSchedule.Parse("15000,3000", "0.001,0.0001");
            Assert.Equal(18000, s.TotalSteps);
            Assert.Equal(0.001f, s.RateAt(0));
            Assert.Equal(0.001f, s.RateAt(14999));
            Assert.Equal(0.0001f, s.RateAt(15000));
            Assert.Equal(0.0001f, s.RateAt(99999));
            Assert.Throws<FormatException>(() => LearningRateSchedule.Parse("1,2", "0.1"));
            Assert.Throws<ArgumentException>(() => LearningRateSchedule.Parse("0", "0.1"));
        }

        [Fact]
        public void AdamFirstStepMovesEachWeightByTheLearningRate()
        {
            // With m0 = v0 = 0, TF's Adam step 1 is lr * g / (|g| + eps') = lr * sign(g) for |g| >> eps.
            var config = new TinyConvConfig(2, 2, 1, 1, 1, 1, 1, 2);
            var w = new TinyConvParameters(config);
            var g = new TinyConvParameters(config);
            g.FcWeights[0] = 0.3f;
            g.FcWeights[1] = -2f;
            var adam = new AdamOptimizer(config);
            adam.Step(w, g, 0.01f);
            Assert.Equal(-0.01f, w.FcWeights[0], 1e-6f);
            Assert.Equal(0.01f, w.FcWeights[1], 1e-6f);
            Assert.Equal(0f, w.FcWeights[2]);
        }

        private sealed class RecordingProgress : ITrainingProgress
        {
            public int Steps { get; private set; }

            public System.Collections.Generic.List<EvaluationReport> Evaluations { get; } = new();

            public System.Collections.Generic.List<long> Checkpoints { get; } = new();

            public void OnStep(StepReport report) => Steps++;

            public void OnEvaluation(EvaluationReport report) => Evaluations.Add(report);

            public void OnCheckpoint(long step, string path) => Checkpoints.Add(step);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using VoiceAssistant.Audio;
using VoiceAssistant.Data;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// Mini-batch training of a <see cref="TinyConvModel"/>: batches drawn with replacement from the training
    /// source, mean cross-entropy, gradients accumulated per shard in parallel then summed in shard order (so runs
    /// are reproducible bit for bit whatever the thread count), Adam or SGD, validation and atomic checkpoints.
    /// </summary>
    /// <remarks>
    /// Every random choice comes from one <see cref="Rng"/> whose state is checkpointed: per step it draws each batch
    /// slot's example index and a per-example seed (augmentation, then dropout). Resuming from a checkpoint
    /// therefore continues exactly as an uninterrupted run would.
    /// </remarks>
    public sealed class Trainer
    {
        private readonly IExampleSource training;
        private readonly IExampleSource validation;
        private readonly Optimizer optimizer;
        private readonly Rng rng;
        private readonly Shard[] shards;
        private readonly TinyConvParameters gradient;
        private readonly Stopwatch clock = Stopwatch.StartNew();

        /// <summary>Creates a trainer with freshly initialised weights.</summary>
        /// <param name="config">Model shape (its input size must match the sources' feature length).</param>
        /// <param name="labels">Label names (as many as the model's outputs).</param>
        /// <param name="options">Options.</param>
        /// <param name="training">Training examples.</param>
        /// <param name="validation">Validation examples, or null.</param>
        public Trainer(TinyConvConfig config, IReadOnlyList<string> labels, TrainingOptions options, IExampleSource training, IExampleSource validation)
            : this(TinyConvModel.Create(config, Rng.Derive(options?.Seed ?? 0, 0, 0).NextUInt64(), options?.InitStddev ?? TinyConvModel.DefaultInitStddev),
                   labels, options, training, validation, null, 0, null)
        {
        }

        private Trainer(TinyConvModel model, IReadOnlyList<string> labels, TrainingOptions options, IExampleSource training, IExampleSource validation, ulong[] rngState, long step, Optimizer restoredOptimizer)
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(labels);
            options.Validate();
            Model = model;
            Options = options;
            Labels = labels.ToArray();
            this.training = training ?? throw new ArgumentNullException(nameof(training));
            this.validation = validation;
            if (Labels.Count != model.Config.LabelCount)
            {
                throw new ArgumentException($"{Labels.Count} label names for a model with {model.Config.LabelCount} outputs", nameof(labels));
            }

            foreach (IExampleSource s in new[] { training, validation })
            {
                if (s != null && s.FeatureLength != model.Config.InputSize)
                {
                    throw new ArgumentException($"examples have {s.FeatureLength} features, the model takes {model.Config.InputSize}");
                }
            }

            rng = new Rng(options.Seed);
            if (rngState != null)
            {
                rng.SetState(rngState);
            }

            Step = step;
            optimizer = restoredOptimizer ?? Optimizer.Create(options.Optimizer, model.Config);
            gradient = new TinyConvParameters(model.Config);
            shards = new Shard[options.GradientShards];
            for (int i = 0; i < shards.Length; i++)
            {
                shards[i] = new Shard(model.Weights, training.CreateReader(), training.FeatureLength);
            }
        }

        /// <summary>The model being trained.</summary>
        public TinyConvModel Model { get; }

        /// <summary>Label names.</summary>
        public IReadOnlyList<string> Labels { get; }

        /// <summary>Options.</summary>
        public TrainingOptions Options { get; }

        /// <summary>Steps completed.</summary>
        public long Step { get; private set; }

        /// <summary>The optimiser (for inspection).</summary>
        public Optimizer Optimizer => optimizer;

        /// <summary>Trains until the schedule's end, evaluating and checkpointing on the configured intervals.</summary>
        /// <param name="progress">Receives progress, or null.</param>
        /// <param name="cancellation">Stops after the current step (a checkpoint is written when a path is set).</param>
        public void Run(ITrainingProgress progress = null, CancellationToken cancellation = default) => RunUntil(Options.Schedule.TotalSteps, progress, cancellation);

        /// <summary>Trains until <paramref name="lastStep"/> steps are complete.</summary>
        /// <param name="lastStep">Step count to reach.</param>
        /// <param name="progress">Receives progress, or null.</param>
        /// <param name="cancellation">Stops after the current step.</param>
        public void RunUntil(long lastStep, ITrainingProgress progress = null, CancellationToken cancellation = default)
        {
            while (Step < lastStep)
            {
                StepReport report = TrainStep();
                progress?.OnStep(report);
                bool end = Step == lastStep || cancellation.IsCancellationRequested;
                if (validation != null && (end || (Options.EvaluateEverySteps > 0 && Step % Options.EvaluateEverySteps == 0)))
                {
                    progress?.OnEvaluation(Evaluate(validation));
                }

                if (Options.CheckpointPath != null && (end || (Options.CheckpointEverySteps > 0 && Step % Options.CheckpointEverySteps == 0)))
                {
                    SaveCheckpoint(Options.CheckpointPath);
                    progress?.OnCheckpoint(Step, Options.CheckpointPath);
                }

                if (cancellation.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        /// <summary>Runs one step: draw a batch, accumulate gradients in parallel, update the weights.</summary>
        public StepReport TrainStep()
        {
            int batch = Options.BatchSize;
            float rate = Options.Schedule.RateAt(Step);
            var indices = new int[batch];
            var seeds = new ulong[batch];
            for (int i = 0; i < batch; i++)
            {
                indices[i] = rng.NextInt(training.Count);
                seeds[i] = rng.NextUInt64();
            }

            float scale = 1f / batch;
            RunShards(batch, shards, (shard, slot) =>
            {
                var exampleRng = new Rng(seeds[slot]);
                int label = shard.Reader.Read(indices[slot], exampleRng, shard.Features);
                float loss = shard.Worker.Accumulate(shard.Features, label, scale, Options.DropoutRate, exampleRng);
                return (loss, TensorArgMax(shard.Worker.Probabilities) == label);
            }, clearGradients: true);

            gradient.Clear();
            double lossSum = 0;
            int correct = 0;
            foreach (Shard s in shards)
            {
                float[][] from = s.Worker.Gradient.Arrays, to = gradient.Arrays;
                for (int a = 0; a < to.Length; a++)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(to[a], from[a], to[a]);
                }

                lossSum += s.LossSum;
                correct += s.Correct;
            }

            optimizer.Step(Model.Weights, gradient, rate);
            Step++;
            return new StepReport(Step, Options.Schedule.TotalSteps, rate, (float)(lossSum / batch), (float)correct / batch, clock.Elapsed);
        }

        /// <summary>Accuracy, loss and confusion matrix on a set (no dropout, no augmentation randomness beyond the source's own).</summary>
        /// <param name="set">The examples.</param>
        public EvaluationReport Evaluate(IExampleSource set)
        {
            ArgumentNullException.ThrowIfNull(set);
            int labels = Model.Config.LabelCount;
            var confusion = new int[labels * labels];
            var evalShards = shards.Select(_ => new Shard(Model.Weights, set.CreateReader(), set.FeatureLength)).ToArray();
            var perExample = new (int Label, int Predicted)[set.Count];
            RunShards(set.Count, evalShards, (shard, i) =>
            {
                int label = shard.Reader.Read(i, Rng.Derive(Options.Seed, 3, i), shard.Features);
                int predicted = shard.Worker.Forward(shard.Features);
                perExample[i] = (label, predicted);
                return (shard.Worker.Loss(label), predicted == label);
            }, clearGradients: false);
            double loss = 0;
            int correct = 0;
            foreach (Shard s in evalShards)
            {
                loss += s.LossSum;
                correct += s.Correct;
            }

            foreach ((int label, int predicted) in perExample)
            {
                confusion[label * labels + predicted]++;
            }

            return new EvaluationReport(Step, (float)correct / set.Count, (float)(loss / set.Count), set.Count, confusion);
        }

        /// <summary>
        /// Writes a checkpoint atomically (temporary file + rename). Layout, little-endian: "VATC", int32 version (1),
        /// config (8 × int32: input rows, columns, filter height, width, count, stride rows, columns, labels), labels
        /// (int32 count + length-prefixed UTF-8), options (uint64 seed, int32 batch, float32 dropout, int32 optimiser,
        /// float64 init stddev, int32 eval interval, int32 checkpoint interval, int32 shards, int32 stage count +
        /// (int32 steps, float32 rate) per stage), int64 step, 4 × uint64 RNG state, weights (4 arrays: conv W HWIO,
        /// conv bias, FC W [labels][flat], FC bias; each int32 length + float32s), int32 optimiser kind again, optimiser
        /// state (Adam: int64 t, then m and v as 4 arrays each; SGD: nothing), "END.". <see cref="CheckpointContents.Read"/>
        /// reads it (e.g. to export the weights).
        /// </summary>
        /// <param name="path">Destination file.</param>
        public void SaveCheckpoint(string path)
        {
            AtomicFile.Write(path, stream =>
            {
                using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                w.Write(CheckpointIo.Magic);
                w.Write(CheckpointIo.Version);
                CheckpointIo.WriteConfig(w, Model.Config);
                CheckpointIo.WriteLabels(w, Labels);
                CheckpointIo.WriteOptions(w, Options);
                w.Write(Step);
                foreach (ulong s in rng.GetState())
                {
                    w.Write(s);
                }

                CheckpointIo.WriteParameters(w, Model.Weights);
                w.Write((int)optimizer.Kind);
                optimizer.WriteState(w);
                w.Write(CheckpointIo.EndMagic);
            });
        }

        /// <summary>Recreates a trainer from a checkpoint; training continues exactly where it stopped.</summary>
        /// <param name="path">Checkpoint file.</param>
        /// <param name="training">The same training source as before.</param>
        /// <param name="validation">Validation source, or null.</param>
        /// <param name="maxDegreeOfParallelism">Threads (does not affect results).</param>
        /// <param name="checkpointPath">Where to keep writing checkpoints (null: the file resumed from).</param>
        /// <exception cref="InvalidDataException">The file is not a complete checkpoint of a supported version.</exception>
        public static Trainer Resume(string path, IExampleSource training, IExampleSource validation, int maxDegreeOfParallelism = 2, string checkpointPath = null)
        {
            CheckpointContents c = CheckpointContents.Read(path);
            c.Options.MaxDegreeOfParallelism = maxDegreeOfParallelism;
            c.Options.CheckpointPath = checkpointPath ?? path;
            return new Trainer(c.Model, c.Labels, c.Options, training, validation, c.RngState, c.Step, c.Optimizer);
        }

        private static int TensorArgMax(ReadOnlySpan<float> values) => System.Numerics.Tensors.TensorPrimitives.IndexOfMax(values);

        // Runs body over [0, count) split into fixed contiguous ranges, one per shard; each shard's loss and
        // correct count are kept apart so the caller can combine them in shard order (deterministic sums).
        private void RunShards(int count, Shard[] work, Func<Shard, int, (float Loss, bool Correct)> body, bool clearGradients)
        {
            int n = work.Length;
            Parallelism.For(n, Options.MaxDegreeOfParallelism, s =>
            {
                Shard shard = work[s];
                if (clearGradients)
                {
                    shard.Worker.ClearGradient();
                }

                double loss = 0;
                int correct = 0;
                for (int i = s * count / n; i < (s + 1) * count / n; i++)
                {
                    var result = body(shard, i);
                    loss += result.Loss;
                    correct += result.Correct ? 1 : 0;
                }

                shard.LossSum = loss;
                shard.Correct = correct;
            });
        }

        private sealed class Shard
        {
            public Shard(TinyConvParameters weights, IExampleReader reader, int featureLength)
            {
                Worker = new TinyConvWorker(weights);
                Reader = reader;
                Features = new float[featureLength];
            }

            public TinyConvWorker Worker { get; }

            public IExampleReader Reader { get; }

            public float[] Features { get; }

            public double LossSum { get; set; }

            public int Correct { get; set; }
        }
    }
}

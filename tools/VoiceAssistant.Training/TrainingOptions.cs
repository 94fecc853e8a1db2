using System;

namespace VoiceAssistant.Training
{
    /// <summary>Trainer settings (TensorFlow speech_commands defaults where it has one).</summary>
    public sealed class TrainingOptions
    {
        /// <summary>Seed of the initial weights, the batch sampling, augmentation and dropout.</summary>
        public ulong Seed { get; set; } = 59185;

        /// <summary>Examples per step (default 100).</summary>
        public int BatchSize { get; set; } = 100;

        /// <summary>Fraction of FC inputs dropped in training (default 0.5).</summary>
        public float DropoutRate { get; set; } = 0.5f;

        /// <summary>Update rule (default Adam).</summary>
        public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

        /// <summary>Learning rates and run length (default 15000 at 0.001, 3000 at 0.0001).</summary>
        public LearningRateSchedule Schedule { get; set; } = LearningRateSchedule.TensorFlowDefault;

        /// <summary>Deviation of the truncated-normal initial weights (default 0.01).</summary>
        public double InitStddev { get; set; } = TinyConvModel.DefaultInitStddev;

        /// <summary>Evaluate on the validation set every this many steps, and at the end (default 400; 0 = only at the end).</summary>
        public int EvaluateEverySteps { get; set; } = 400;

        /// <summary>Write a checkpoint every this many steps, and at the end, when <see cref="CheckpointPath"/> is set (default 100).</summary>
        public int CheckpointEverySteps { get; set; } = 100;

        /// <summary>
        /// Fixed partition of every batch for gradient accumulation (default 2). Results depend on it (summation order),
        /// not on how many threads run the shards, so parallel and sequential runs are bit-identical.
        /// </summary>
        public int GradientShards { get; set; } = 2;

        /// <summary>Threads working on a batch (default 2; 1 = sequential). Not part of the result.</summary>
        public int MaxDegreeOfParallelism { get; set; } = 2;

        /// <summary>Checkpoint file, or null for none. Not part of the result.</summary>
        public string CheckpointPath { get; set; }

        /// <summary>Throws when a value is out of range.</summary>
        public void Validate()
        {
            if (BatchSize < 1 || BatchSize > 100_000)
            {
                throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "1..100000");
            }

            if (!(DropoutRate >= 0f && DropoutRate < 1f))
            {
                throw new ArgumentOutOfRangeException(nameof(DropoutRate), DropoutRate, "0 <= rate < 1");
            }

            if (!(InitStddev > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(InitStddev), InitStddev, "must be positive");
            }

            if (GradientShards < 1 || GradientShards > 256 || MaxDegreeOfParallelism < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(GradientShards), "shards 1..256, parallelism >= 1");
            }

            if (EvaluateEverySteps < 0 || CheckpointEverySteps < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(EvaluateEverySteps), "intervals must not be negative");
            }

            ArgumentNullException.ThrowIfNull(Schedule, nameof(Schedule));
        }
    }

    /// <summary>Figures of one training step.</summary>
    /// <param name="Step">Steps completed (1 after the first).</param>
    /// <param name="TotalSteps">Length of the run.</param>
    /// <param name="LearningRate">Rate used by this step.</param>
    /// <param name="Loss">Mean cross-entropy of the batch.</param>
    /// <param name="Accuracy">Share of the batch predicted right (with dropout, before the update).</param>
    /// <param name="Elapsed">Time since this trainer object started.</param>
    public readonly record struct StepReport(long Step, long TotalSteps, float LearningRate, float Loss, float Accuracy, TimeSpan Elapsed);

    /// <summary>Result of evaluating a set.</summary>
    /// <param name="Step">Steps completed when evaluated.</param>
    /// <param name="Accuracy">Share predicted right.</param>
    /// <param name="Loss">Mean cross-entropy.</param>
    /// <param name="Count">Examples evaluated.</param>
    /// <param name="Confusion">Counts indexed [trueLabel * labels + predictedLabel].</param>
    public sealed record EvaluationReport(long Step, float Accuracy, float Loss, int Count, int[] Confusion);

    /// <summary>Receives training progress (the CLI renders it).</summary>
    public interface ITrainingProgress
    {
        /// <summary>Called after every step.</summary>
        /// <param name="report">The step's figures.</param>
        void OnStep(StepReport report);

        /// <summary>Called after every validation pass.</summary>
        /// <param name="report">The result.</param>
        void OnEvaluation(EvaluationReport report);

        /// <summary>Called after a checkpoint was written.</summary>
        /// <param name="step">Steps completed.</param>
        /// <param name="path">The file.</param>
        void OnCheckpoint(long step, string path);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VoiceAssistant.Training
{
    /// <summary>One stage of a schedule: a learning rate used for a number of steps.</summary>
    /// <param name="Steps">Steps in the stage (positive).</param>
    /// <param name="Rate">Learning rate (positive).</param>
    public readonly record struct LearningRateStage(int Steps, float Rate);

    /// <summary>
    /// Piecewise-constant learning rate, as TensorFlow's speech_commands train.py expresses it with
    /// <c>--how_many_training_steps=15000,3000 --learning_rate=0.001,0.0001</c> (its defaults).
    /// </summary>
    public sealed class LearningRateSchedule
    {
        /// <summary>Creates a schedule from its stages.</summary>
        /// <param name="stages">At least one stage.</param>
        public LearningRateSchedule(IEnumerable<LearningRateStage> stages)
        {
            ArgumentNullException.ThrowIfNull(stages);
            Stages = stages.ToArray();
            if (Stages.Count == 0)
            {
                throw new ArgumentException("a schedule needs at least one stage", nameof(stages));
            }

            foreach (LearningRateStage s in Stages)
            {
                if (s.Steps <= 0 || !(s.Rate > 0f) || float.IsInfinity(s.Rate))
                {
                    throw new ArgumentException($"stage ({s.Steps} steps, rate {s.Rate}) needs positive steps and a positive finite rate", nameof(stages));
                }
            }

            TotalSteps = Stages.Sum(s => (long)s.Steps);
        }

        /// <summary>TensorFlow's default: 15000 steps at 0.001, then 3000 at 0.0001.</summary>
        public static LearningRateSchedule TensorFlowDefault => new LearningRateSchedule(new[] { new LearningRateStage(15000, 0.001f), new LearningRateStage(3000, 0.0001f) });

        /// <summary>The stages in order.</summary>
        public IReadOnlyList<LearningRateStage> Stages { get; }

        /// <summary>Sum of the stages' steps: the length of a full run.</summary>
        public long TotalSteps { get; }

        /// <summary>Rate for a 0-based step; steps past the end keep the last rate.</summary>
        /// <param name="step">0-based step.</param>
        public float RateAt(long step)
        {
            long end = 0;
            foreach (LearningRateStage s in Stages)
            {
                end += s.Steps;
                if (step < end)
                {
                    return s.Rate;
                }
            }

            return Stages[^1].Rate;
        }

        /// <summary>Parses TensorFlow-style comma lists, e.g. "15000,3000" and "0.001,0.0001".</summary>
        /// <param name="steps">Comma-separated step counts.</param>
        /// <param name="rates">Comma-separated rates, as many as step counts.</param>
        public static LearningRateSchedule Parse(string steps, string rates)
        {
            ArgumentNullException.ThrowIfNull(steps);
            ArgumentNullException.ThrowIfNull(rates);
            string[] s = steps.Split(',', StringSplitOptions.TrimEntries);
            string[] r = rates.Split(',', StringSplitOptions.TrimEntries);
            if (s.Length != r.Length)
            {
                throw new FormatException($"{s.Length} step counts but {r.Length} learning rates");
            }

            var stages = new LearningRateStage[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                if (!int.TryParse(s[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
                    || !float.TryParse(r[i], NumberStyles.Float, CultureInfo.InvariantCulture, out float rate))
                {
                    throw new FormatException($"stage {i + 1}: '{s[i]}' steps / '{r[i]}' rate are not numbers");
                }

                stages[i] = new LearningRateStage(n, rate);
            }

            return new LearningRateSchedule(stages);
        }

        /// <inheritdoc />
        public override string ToString() => string.Join(", ", Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Steps}@{s.Rate}")));
    }
}

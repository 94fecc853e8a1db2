using System;
using System.Collections.Generic;
using VoiceAssistant.Core.Recognition;

namespace VoiceAssistant.Evaluation
{
    /// <summary>
    /// The project's keyword-spotting figures, with the exact definitions:
    /// plain accuracy over all clips; "TF mix" accuracy = recalls weighted silence 10%, unknown 10% and the
    /// command words sharing the other 80% equally (yes 40%, no 40% for a yes/no model); each command's recall;
    /// false-accept rate = share of silence and unknown clips classified as any command word.
    /// </summary>
    public sealed class KeywordMetrics
    {
        /// <summary>TF mix weight of silence.</summary>
        public const double SilenceWeight = 0.1;

        /// <summary>TF mix weight of unknown.</summary>
        public const double UnknownWeight = 0.1;

        private KeywordMetrics()
        {
        }

        /// <summary>The matrix the figures come from.</summary>
        public ConfusionMatrix Matrix { get; private set; }

        /// <summary>Index of the silence label (-1 when the model has none).</summary>
        public int SilenceIndex { get; private set; }

        /// <summary>Index of the unknown label (-1 when the model has none).</summary>
        public int UnknownIndex { get; private set; }

        /// <summary>Indices of the command words (every label that is not silence or unknown).</summary>
        public int[] CommandIndices { get; private set; }

        /// <summary>Plain accuracy over all clips, Wilson interval.</summary>
        public Estimate PlainAccuracy { get; private set; }

        /// <summary>TF mix accuracy; its interval is the normal approximation of the weighted sum of independent recalls.</summary>
        public Estimate TfMixAccuracy { get; private set; }

        /// <summary>Recall of every label (index order), Wilson intervals.</summary>
        public Estimate[] Recall { get; private set; }

        /// <summary>Precision of every label (index order), Wilson intervals.</summary>
        public Estimate[] Precision { get; private set; }

        /// <summary>Share of silence and unknown clips classified as a command word, Wilson interval.</summary>
        public Estimate FalseAcceptRate { get; private set; }

        /// <summary>Computes the figures; silence and unknown are found by name (<see cref="BackgroundLabels"/>).</summary>
        /// <param name="matrix">Confusion matrix.</param>
        public static KeywordMetrics Compute(ConfusionMatrix matrix)
        {
            var m = new KeywordMetrics { Matrix = matrix, SilenceIndex = -1, UnknownIndex = -1 };
            var commands = new List<int>();
            for (int i = 0; i < matrix.Size; i++)
            {
                string label = matrix.Labels[i];
                if (label == BackgroundLabels.Silence || label == "_silence_")
                {
                    m.SilenceIndex = i;
                }
                else if (label == BackgroundLabels.Unknown || label == "_unknown_")
                {
                    m.UnknownIndex = i;
                }
                else
                {
                    commands.Add(i);
                }
            }

            m.CommandIndices = commands.ToArray();
            m.PlainAccuracy = Estimate.Wilson(matrix.Correct, matrix.Total);
            m.Recall = new Estimate[matrix.Size];
            m.Precision = new Estimate[matrix.Size];
            for (int i = 0; i < matrix.Size; i++)
            {
                m.Recall[i] = Estimate.Wilson(matrix[i, i], matrix.ActualCount(i));
                m.Precision[i] = Estimate.Wilson(matrix[i, i], matrix.PredictedCount(i));
            }

            int background = 0, accepted = 0;
            foreach (int b in new[] { m.SilenceIndex, m.UnknownIndex })
            {
                if (b < 0)
                {
                    continue;
                }

                background += matrix.ActualCount(b);
                foreach (int c in m.CommandIndices)
                {
                    accepted += matrix[b, c];
                }
            }

            m.FalseAcceptRate = Estimate.Wilson(accepted, background);
            m.TfMixAccuracy = m.WeightedRecall();
            return m;
        }

        /// <summary>The TF mix weight of a label (0 for a label the mix does not use).</summary>
        /// <param name="label">Label index.</param>
        public double Weight(int label)
        {
            if (label == SilenceIndex)
            {
                return SilenceWeight;
            }

            if (label == UnknownIndex)
            {
                return UnknownWeight;
            }

            double rest = 1.0 - (SilenceIndex >= 0 ? SilenceWeight : 0) - (UnknownIndex >= 0 ? UnknownWeight : 0);
            return CommandIndices.Length == 0 ? 0 : rest / CommandIndices.Length;
        }

        private Estimate WeightedRecall()
        {
            double value = 0, variance = 0;
            int n = 0;
            for (int i = 0; i < Matrix.Size; i++)
            {
                double w = Weight(i);
                Estimate r = Recall[i];
                if (double.IsNaN(r.Value))
                {
                    // A weighted class without clips makes the mix undefined.
                    return new Estimate(double.NaN, double.NaN, double.NaN, Matrix.Total);
                }

                value += w * r.Value;
                variance += w * w * r.Value * (1 - r.Value) / r.Count;
                n += r.Count;
            }

            double half = Estimate.Z95 * Math.Sqrt(variance);
            return new Estimate(value, Math.Max(0, value - half), Math.Min(1, value + half), n);
        }
    }
}

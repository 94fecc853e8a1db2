using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VoiceAssistant.Evaluation
{
    /// <summary>One column of a report: a name (e.g. "float", "int8") and one predicted label index per clip.</summary>
    public sealed class PredictionColumn
    {
        /// <summary>Creates the column.</summary>
        /// <param name="name">Column title.</param>
        /// <param name="predicted">Predicted label per clip, in the order of the actual labels.</param>
        public PredictionColumn(string name, int[] predicted)
        {
            Name = name;
            Predicted = predicted;
        }

        /// <summary>Column title.</summary>
        public string Name { get; }

        /// <summary>Predicted label per clip.</summary>
        public int[] Predicted { get; }
    }

    /// <summary>
    /// Text report of a classification evaluation with any number of prediction columns side by side
    /// (float and int8, whoever predicted them): the keyword metrics with 95% intervals, per-class
    /// precision/recall and each column's confusion matrix.
    /// </summary>
    public static class EvaluationReport
    {
        /// <summary>Computes each column's metrics.</summary>
        /// <param name="labels">Labels.</param>
        /// <param name="actual">Actual label per clip.</param>
        /// <param name="columns">Prediction columns.</param>
        public static KeywordMetrics[] Compute(string[] labels, int[] actual, IReadOnlyList<PredictionColumn> columns)
        {
            var result = new KeywordMetrics[columns.Count];
            for (int i = 0; i < columns.Count; i++)
            {
                result[i] = KeywordMetrics.Compute(ConfusionMatrix.From(labels, actual, columns[i].Predicted));
            }

            return result;
        }

        /// <summary>Renders the report.</summary>
        /// <param name="title">First line (e.g. the data set and split).</param>
        /// <param name="labels">Labels.</param>
        /// <param name="actual">Actual label per clip.</param>
        /// <param name="columns">Prediction columns (at least one).</param>
        public static string Render(string title, string[] labels, int[] actual, IReadOnlyList<PredictionColumn> columns)
        {
            if (columns == null || columns.Count == 0)
            {
                throw new ArgumentException("at least one prediction column is needed", nameof(columns));
            }

            KeywordMetrics[] metrics = Compute(labels, actual, columns);
            var sb = new StringBuilder();
            sb.AppendLine(title);
            sb.Append(CultureInfo.InvariantCulture, $"{actual.Length} clips; per label:");
            for (int i = 0; i < labels.Length; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {labels[i]} {metrics[0].Matrix.ActualCount(i)}");
            }

            sb.AppendLine();
            sb.AppendLine("Figures are percentages with 95% confidence intervals (Wilson; TF mix: normal approximation).");
            sb.AppendLine();

            const int nameWidth = 26, colWidth = 26;
            Row(sb, nameWidth, colWidth, "metric", columns, c => c.Name);
            Row(sb, nameWidth, colWidth, "plain accuracy", metrics, m => m.PlainAccuracy.ToString());
            Row(sb, nameWidth, colWidth, "TF mix accuracy", metrics, m => m.TfMixAccuracy.ToString());
            foreach (int c in metrics[0].CommandIndices)
            {
                Row(sb, nameWidth, colWidth, "recall " + labels[c], metrics, m => m.Recall[c].ToString());
            }

            Row(sb, nameWidth, colWidth, "false accepts", metrics, m => m.FalseAcceptRate.ToString());
            sb.AppendLine();
            sb.AppendLine("Per class precision / recall:");
            for (int i = 0; i < labels.Length; i++)
            {
                Row(sb, nameWidth, colWidth, "precision " + labels[i], metrics, m => m.Precision[i].ToString());
                Row(sb, nameWidth, colWidth, "recall " + labels[i], metrics, m => m.Recall[i].ToString());
            }

            for (int k = 0; k < columns.Count; k++)
            {
                sb.AppendLine();
                sb.AppendLine($"Confusion matrix ({columns[k].Name}; rows actual, columns predicted):");
                sb.Append(RenderMatrix(metrics[k].Matrix));
            }

            return sb.ToString();
        }

        /// <summary>The matrix as an aligned text table.</summary>
        /// <param name="matrix">The matrix.</param>
        public static string RenderMatrix(ConfusionMatrix matrix)
        {
            int width = 6;
            foreach (string l in matrix.Labels)
            {
                width = Math.Max(width, l.Length + 1);
            }

            var sb = new StringBuilder();
            sb.Append(new string(' ', width));
            foreach (string l in matrix.Labels)
            {
                sb.Append(l.PadLeft(width));
            }

            sb.AppendLine();
            for (int a = 0; a < matrix.Size; a++)
            {
                sb.Append(matrix.Labels[a].PadRight(width));
                for (int p = 0; p < matrix.Size; p++)
                {
                    sb.Append(matrix[a, p].ToString(CultureInfo.InvariantCulture).PadLeft(width));
                }

                sb.AppendLine();
            }

            return sb.ToString();
        }

        /// <summary>
        /// Where the mistakes come from, per spoken word (the clip's folder): for every word with at least one wrong
        /// prediction, how many of its clips went to which label, worst words first. Shows which unknown words are
        /// taken for a command, which a label alone cannot.
        /// </summary>
        /// <param name="labels">Labels.</param>
        /// <param name="words">Spoken word (folder name) per clip.</param>
        /// <param name="actual">Actual label per clip.</param>
        /// <param name="predicted">Predicted label per clip.</param>
        public static string RenderMistakesByWord(string[] labels, IReadOnlyList<string> words, int[] actual, int[] predicted)
        {
            ArgumentNullException.ThrowIfNull(labels);
            ArgumentNullException.ThrowIfNull(words);
            ArgumentNullException.ThrowIfNull(actual);
            ArgumentNullException.ThrowIfNull(predicted);
            if (words.Count != actual.Length || predicted.Length != actual.Length)
            {
                throw new ArgumentException("need one word, actual and predicted label per clip");
            }

            var clips = new Dictionary<string, int>(StringComparer.Ordinal);
            var wrong = new Dictionary<string, int[]>(StringComparer.Ordinal);
            for (int i = 0; i < actual.Length; i++)
            {
                clips[words[i]] = clips.GetValueOrDefault(words[i]) + 1;
                if (predicted[i] != actual[i])
                {
                    if (!wrong.TryGetValue(words[i], out int[] counts))
                    {
                        wrong[words[i]] = counts = new int[labels.Length];
                    }

                    counts[predicted[i]]++;
                }
            }

            var order = new List<string>(wrong.Keys);
            order.Sort((a, b) =>
            {
                int byCount = wrong[b].Sum().CompareTo(wrong[a].Sum());
                return byCount != 0 ? byCount : string.CompareOrdinal(a, b);
            });
            var sb = new StringBuilder();
            if (order.Count == 0)
            {
                sb.AppendLine("  none");
            }

            foreach (string word in order)
            {
                var parts = new List<string>();
                for (int l = 0; l < labels.Length; l++)
                {
                    if (wrong[word][l] > 0)
                    {
                        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{labels[l]} {wrong[word][l]}"));
                    }
                }

                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {word,-12} {wrong[word].Sum(),3} of {clips[word],-4} -> {string.Join(", ", parts)}"));
            }

            return sb.ToString();
        }

        private static void Row<T>(StringBuilder sb, int nameWidth, int colWidth, string name, IReadOnlyList<T> items, Func<T, string> cell)
        {
            sb.Append(name.PadRight(nameWidth));
            foreach (T item in items)
            {
                sb.Append(cell(item).PadRight(colWidth));
            }

            sb.Length = sb.ToString().TrimEnd().Length;
            sb.AppendLine();
        }
    }
}

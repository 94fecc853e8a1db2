using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VoiceAssistant.Export.Evaluation
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

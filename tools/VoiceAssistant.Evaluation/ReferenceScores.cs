using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace VoiceAssistant.Evaluation
{
    /// <summary>
    /// Another model's int8 scores per clip, read from a CSV (<c>path,class,predicted,score_&lt;label&gt;...</c>, e.g.
    /// TFLM's own micro_speech scores in <c>golden/micro_speech/anchor_dev_scores.csv</c>), so its figures can be
    /// recomputed on exactly the clips of an evaluation by the same metrics code as our model's.
    /// </summary>
    public sealed class ReferenceScores
    {
        private readonly Dictionary<string, sbyte[]> scores;

        private ReferenceScores(string[] labels, Dictionary<string, sbyte[]> scores)
        {
            Labels = labels;
            this.scores = scores;
        }

        /// <summary>Label order of the score columns (from the <c>score_&lt;label&gt;</c> headers).</summary>
        public string[] Labels { get; }

        /// <summary>Number of clips in the file.</summary>
        public int Count => scores.Count;

        /// <summary>Reads the CSV.</summary>
        /// <param name="path">CSV file.</param>
        /// <exception cref="InvalidDataException">The file is not such a CSV (message says where).</exception>
        public static ReferenceScores Load(string path)
        {
            string[] lines = File.ReadAllLines(path);
            if (lines.Length < 2)
            {
                throw new InvalidDataException($"'{path}' has no score rows");
            }

            string[] header = lines[0].Split(',');
            var scoreColumns = new List<int>();
            var labels = new List<string>();
            for (int c = 0; c < header.Length; c++)
            {
                if (header[c].StartsWith("score_", StringComparison.Ordinal))
                {
                    scoreColumns.Add(c);
                    labels.Add(header[c]["score_".Length..]);
                }
            }

            if (header[0] != "path" || scoreColumns.Count < 2)
            {
                throw new InvalidDataException($"'{path}' is not a score CSV: expected a header 'path,...,score_<label>,...'");
            }

            var rows = new Dictionary<string, sbyte[]>(StringComparer.Ordinal);
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                string[] cells = lines[i].Split(',');
                var s = new sbyte[scoreColumns.Count];
                for (int k = 0; k < s.Length; k++)
                {
                    if (cells.Length != header.Length || !sbyte.TryParse(cells[scoreColumns[k]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out s[k]))
                    {
                        throw new InvalidDataException($"'{path}' line {i + 1}: expected {header.Length} cells with int8 scores");
                    }
                }

                if (!rows.TryAdd(Normalize(cells[0]), s))
                {
                    throw new InvalidDataException($"'{path}' line {i + 1}: clip '{cells[0]}' listed twice");
                }
            }

            return new ReferenceScores(labels.ToArray(), rows);
        }

        /// <summary>
        /// The reference model's prediction (argmax of its scores, ties to the lower index, as TFLM's example) for
        /// each clip, in the given label order.
        /// </summary>
        /// <param name="relativePaths">Clip paths relative to the dataset folder.</param>
        /// <param name="labels">The evaluation's labels (same names as the CSV's, any order).</param>
        /// <exception cref="InvalidDataException">A clip is not in the file, or a label is missing.</exception>
        public int[] Predict(IReadOnlyList<string> relativePaths, IReadOnlyList<string> labels)
        {
            ArgumentNullException.ThrowIfNull(relativePaths);
            ArgumentNullException.ThrowIfNull(labels);
            var toEvaluation = new int[Labels.Length];
            for (int k = 0; k < Labels.Length; k++)
            {
                toEvaluation[k] = IndexOf(labels, Labels[k]);
                if (toEvaluation[k] < 0)
                {
                    throw new InvalidDataException($"the reference scores' label '{Labels[k]}' is not one of the model's ({string.Join(", ", labels)})");
                }
            }

            var predicted = new int[relativePaths.Count];
            for (int i = 0; i < predicted.Length; i++)
            {
                if (!scores.TryGetValue(Normalize(relativePaths[i]), out sbyte[] s))
                {
                    throw new InvalidDataException($"clip '{relativePaths[i]}' has no reference scores; they cover other clips than this evaluation");
                }

                int best = 0;
                for (int k = 1; k < s.Length; k++)
                {
                    if (s[k] > s[best])
                    {
                        best = k;
                    }
                }

                predicted[i] = toEvaluation[best];
            }

            return predicted;
        }

        // Label names differ only in the underscores of silence/unknown ("_silence_" vs "silence").
        private static int IndexOf(IReadOnlyList<string> labels, string name)
        {
            for (int i = 0; i < labels.Count; i++)
            {
                if (labels[i].Trim('_') == name.Trim('_'))
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Normalize(string relativePath) => relativePath.Replace('\\', '/');
    }
}

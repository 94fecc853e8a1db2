using System;

namespace VoiceAssistant.Evaluation
{
    /// <summary>Counts of (actual, predicted) label pairs; rows are actual labels, columns predicted ones.</summary>
    public sealed class ConfusionMatrix
    {
        private readonly int[] counts;

        /// <summary>Creates an empty matrix.</summary>
        /// <param name="labels">Labels in index order.</param>
        public ConfusionMatrix(string[] labels)
        {
            if (labels == null || labels.Length == 0)
            {
                throw new ArgumentException("at least one label is needed", nameof(labels));
            }

            Labels = (string[])labels.Clone();
            counts = new int[labels.Length * labels.Length];
        }

        /// <summary>Labels in index order.</summary>
        public string[] Labels { get; }

        /// <summary>Number of labels.</summary>
        public int Size => Labels.Length;

        /// <summary>Number of clips counted.</summary>
        public int Total { get; private set; }

        /// <summary>Number of clips on the diagonal.</summary>
        public int Correct
        {
            get
            {
                int sum = 0;
                for (int i = 0; i < Size; i++)
                {
                    sum += this[i, i];
                }

                return sum;
            }
        }

        /// <summary>Clips of actual label <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
        /// <param name="actual">Actual label index.</param>
        /// <param name="predicted">Predicted label index.</param>
        public int this[int actual, int predicted] => counts[actual * Size + predicted];

        /// <summary>Builds a matrix from parallel arrays of actual and predicted label indices.</summary>
        /// <param name="labels">Labels.</param>
        /// <param name="actual">Actual label per clip.</param>
        /// <param name="predicted">Predicted label per clip.</param>
        public static ConfusionMatrix From(string[] labels, int[] actual, int[] predicted)
        {
            if (actual.Length != predicted.Length)
            {
                throw new ArgumentException($"{actual.Length} actual labels but {predicted.Length} predictions");
            }

            var m = new ConfusionMatrix(labels);
            for (int i = 0; i < actual.Length; i++)
            {
                m.Add(actual[i], predicted[i]);
            }

            return m;
        }

        /// <summary>Counts one clip.</summary>
        /// <param name="actual">Actual label index.</param>
        /// <param name="predicted">Predicted label index.</param>
        /// <param name="count">How many clips (default 1).</param>
        public void Add(int actual, int predicted, int count = 1)
        {
            if ((uint)actual >= (uint)Size || (uint)predicted >= (uint)Size)
            {
                throw new ArgumentOutOfRangeException(nameof(actual), $"label index ({actual}, {predicted}) outside 0..{Size - 1}");
            }

            counts[actual * Size + predicted] += count;
            Total += count;
        }

        /// <summary>Clips whose actual label is <paramref name="label"/>.</summary>
        /// <param name="label">Label index.</param>
        public int ActualCount(int label)
        {
            int sum = 0;
            for (int p = 0; p < Size; p++)
            {
                sum += this[label, p];
            }

            return sum;
        }

        /// <summary>Clips predicted as <paramref name="label"/>.</summary>
        /// <param name="label">Label index.</param>
        public int PredictedCount(int label)
        {
            int sum = 0;
            for (int a = 0; a < Size; a++)
            {
                sum += this[a, label];
            }

            return sum;
        }

        /// <summary>Share of all clips on the diagonal (NaN when empty).</summary>
        public double Accuracy => Total == 0 ? double.NaN : (double)Correct / Total;

        /// <summary>Recall of a label: correct / actual (NaN when it has no clips).</summary>
        /// <param name="label">Label index.</param>
        public double Recall(int label)
        {
            int n = ActualCount(label);
            return n == 0 ? double.NaN : (double)this[label, label] / n;
        }

        /// <summary>Precision of a label: correct / predicted (NaN when never predicted).</summary>
        /// <param name="label">Label index.</param>
        public double Precision(int label)
        {
            int n = PredictedCount(label);
            return n == 0 ? double.NaN : (double)this[label, label] / n;
        }

        /// <summary>Index of a label, or -1.</summary>
        /// <param name="label">Label text.</param>
        public int IndexOf(string label) => Array.IndexOf(Labels, label);
    }
}

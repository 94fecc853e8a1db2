using System;

namespace VoiceAssistant.Evaluation
{
    /// <summary>A proportion with its 95% confidence interval.</summary>
    public readonly struct Estimate
    {
        /// <summary>z of a two-sided 95% interval.</summary>
        public const double Z95 = 1.959963984540054;

        /// <summary>Creates the estimate.</summary>
        /// <param name="value">Point estimate (NaN when undefined).</param>
        /// <param name="low">Lower bound.</param>
        /// <param name="high">Upper bound.</param>
        /// <param name="count">Number of clips it rests on.</param>
        public Estimate(double value, double low, double high, int count)
        {
            Value = value;
            Low = low;
            High = high;
            Count = count;
        }

        /// <summary>Point estimate (NaN when there were no clips).</summary>
        public double Value { get; }

        /// <summary>Lower bound of the 95% interval.</summary>
        public double Low { get; }

        /// <summary>Upper bound of the 95% interval.</summary>
        public double High { get; }

        /// <summary>Number of clips it rests on.</summary>
        public int Count { get; }

        /// <summary>
        /// Wilson score interval of <paramref name="successes"/> out of <paramref name="n"/>:
        /// (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n).
        /// </summary>
        /// <param name="successes">Successes.</param>
        /// <param name="n">Trials.</param>
        /// <param name="z">Normal quantile (default 95%).</param>
        public static Estimate Wilson(int successes, int n, double z = Z95)
        {
            if (n < 0 || successes < 0 || successes > n)
            {
                throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} successes out of {n}");
            }

            if (n == 0)
            {
                return new Estimate(double.NaN, double.NaN, double.NaN, 0);
            }

            double p = (double)successes / n;
            double z2 = z * z;
            double denominator = 1 + z2 / n;
            double centre = (p + z2 / (2.0 * n)) / denominator;
            double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
            return new Estimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half), n);
        }

        /// <summary>"91.3% [87.6, 94.0]" (percent), or "n/a" when undefined.</summary>
        public override string ToString() =>
            double.IsNaN(Value) ? "n/a" : FormattableString.Invariant($"{100 * Value:0.0}% [{100 * Low:0.0}, {100 * High:0.0}]");
    }
}

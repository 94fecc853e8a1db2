using System;
using System.Collections.Generic;
using System.Globalization;

namespace VoiceAssistant.Evaluation
{
    /// <summary>
    /// Detection latencies (detection time minus the end of the spoken word, ms) summarised by nearest-rank percentiles:
    /// the p-th percentile of n sorted values is the value at rank ceil(p/100 × n), so the median of an even count is
    /// the lower of the two middle values and every figure is a latency that occurred.
    /// </summary>
    public sealed class LatencySummary
    {
        private LatencySummary(int count, int medianMs, int p90Ms)
        {
            Count = count;
            MedianMs = medianMs;
            P90Ms = p90Ms;
        }

        /// <summary>Number of latencies.</summary>
        public int Count { get; }

        /// <summary>Median (nearest rank), ms; 0 when <see cref="Count"/> is 0.</summary>
        public int MedianMs { get; }

        /// <summary>90th percentile (nearest rank), ms; 0 when <see cref="Count"/> is 0.</summary>
        public int P90Ms { get; }

        /// <summary>Summarises latencies (any order; not changed).</summary>
        /// <param name="latenciesMs">Latencies in ms.</param>
        public static LatencySummary From(IEnumerable<int> latenciesMs)
        {
            ArgumentNullException.ThrowIfNull(latenciesMs);
            var sorted = new List<int>(latenciesMs);
            sorted.Sort();
            return sorted.Count == 0 ? new LatencySummary(0, 0, 0) : new LatencySummary(sorted.Count, NearestRank(sorted, 50), NearestRank(sorted, 90));
        }

        /// <summary>"latency after the word's end: median 240 ms, p90 400 ms (31 words)", or a note that there is none.</summary>
        public override string ToString() => Count == 0
            ? "no latency (no detected word with a known end)"
            : string.Format(CultureInfo.InvariantCulture, "latency after the word's end: median {0} ms, p90 {1} ms ({2} words)", MedianMs, P90Ms, Count);

        private static int NearestRank(List<int> sorted, int percent) => sorted[((percent * sorted.Count) + 99) / 100 - 1];
    }
}

using System;

namespace VoiceAssistant.TestSupport
{
    /// <summary>
    /// Measures what a round of work allocates on the calling thread once the runtime has settled.
    /// </summary>
    /// <remarks>
    /// The runtime itself can allocate a few KB on the calling thread the first times a hot loop runs (tiered JIT,
    /// on-stack replacement, lazy type initialisation), which made single-shot checks fail now and then on a loaded
    /// machine. An allocation the code under test makes happens in every round, so the least over several rounds
    /// still exposes it.
    /// </remarks>
    public static class SteadyStateAllocation
    {
        /// <summary>Runs <paramref name="round"/> once to warm up, then up to <paramref name="rounds"/> times more, and returns the fewest bytes one round allocated.</summary>
        /// <param name="round">The work; it must be repeatable (advance any clock it uses itself).</param>
        /// <param name="rounds">How many measured rounds at most (stops early at zero).</param>
        public static long Bytes(Action round, int rounds = 5)
        {
            ArgumentNullException.ThrowIfNull(round);
            ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
            round();
            long least = long.MaxValue;
            for (int i = 0; i < rounds && least > 0; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                round();
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            return least;
        }
    }
}

using System;

namespace VoiceAssistant.Data
{
    /// <summary>
    /// Deterministic random numbers (xoshiro256**, seeded through SplitMix64) whose whole state can be saved in a
    /// checkpoint and restored, so a resumed run draws exactly the numbers an uninterrupted one would.
    /// </summary>
    public sealed class Rng
    {
        private ulong s0, s1, s2, s3;

        /// <summary>Creates a generator from a seed.</summary>
        /// <param name="seed">Any value; equal seeds give equal sequences.</param>
        public Rng(ulong seed)
        {
            ulong x = seed;
            s0 = SplitMix(ref x);
            s1 = SplitMix(ref x);
            s2 = SplitMix(ref x);
            s3 = SplitMix(ref x);
        }

        /// <summary>Creates a generator for one item of a larger deterministic process (e.g. example <paramref name="b"/> of step <paramref name="a"/>).</summary>
        /// <param name="seed">Run seed.</param>
        /// <param name="a">First coordinate.</param>
        /// <param name="b">Second coordinate.</param>
        public static Rng Derive(ulong seed, long a, long b)
        {
            ulong x = seed ^ 0x9E3779B97F4A7C15UL;
            ulong h = SplitMix(ref x) ^ (ulong)a;
            h = SplitMix(ref h) ^ (ulong)b;
            return new Rng(SplitMix(ref h));
        }

        /// <summary>The four state words (for checkpoints).</summary>
        public ulong[] GetState() => new[] { s0, s1, s2, s3 };

        /// <summary>Restores state saved by <see cref="GetState"/>.</summary>
        /// <param name="state">Four words, not all zero.</param>
        public void SetState(ulong[] state)
        {
            ArgumentNullException.ThrowIfNull(state);
            if (state.Length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0)
            {
                throw new ArgumentException("RNG state must be four words, not all zero", nameof(state));
            }

            s0 = state[0];
            s1 = state[1];
            s2 = state[2];
            s3 = state[3];
        }

        /// <summary>Next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            ulong result = RotateLeft(s1 * 5, 7) * 9;
            ulong t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 45);
            return result;
        }

        /// <summary>Uniform double in [0, 1).</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
        /// <param name="low">Inclusive lower bound.</param>
        /// <param name="high">Exclusive upper bound.</param>
        public double NextDouble(double low, double high) => low + (high - low) * NextDouble();

        /// <summary>Uniform integer in [0, <paramref name="count"/>), unbiased.</summary>
        /// <param name="count">Positive exclusive bound.</param>
        public int NextInt(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
            ulong bound = (ulong)count;
            ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
            ulong r;
            do
            {
                r = NextUInt64();
            }
            while (r >= limit);
            return (int)(r % bound);
        }

        /// <summary>Uniform integer in [<paramref name="low"/>, <paramref name="high"/>] (both inclusive).</summary>
        /// <param name="low">Lower bound.</param>
        /// <param name="high">Upper bound, at least <paramref name="low"/>.</param>
        public int NextIntInclusive(int low, int high) => low + NextInt(high - low + 1);

        /// <summary>Standard normal sample (Box–Muller, no cached second value so the state stays four words).</summary>
        public double NextGaussian()
        {
            double u1 = 1.0 - NextDouble();
            double u2 = NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        /// <summary>Normal sample with the given deviation, redrawn while beyond two deviations (TensorFlow's truncated_normal).</summary>
        /// <param name="stddev">Standard deviation of the untruncated normal.</param>
        public double NextTruncatedNormal(double stddev)
        {
            double z;
            do
            {
                z = NextGaussian();
            }
            while (Math.Abs(z) > 2.0);
            return z * stddev;
        }

        /// <summary>Shuffles a list in place (Fisher–Yates).</summary>
        /// <typeparam name="T">Element type.</typeparam>
        /// <param name="items">The list.</param>
        public void Shuffle<T>(System.Collections.Generic.IList<T> items)
        {
            for (int i = items.Count - 1; i > 0; i--)
            {
                int j = NextInt(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        private static ulong SplitMix(ref ulong x)
        {
            x += 0x9E3779B97F4A7C15UL;
            ulong z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
    }
}

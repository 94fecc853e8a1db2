using System;
using System.Linq;
using VoiceAssistant.Data;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// A fixed number of augmented renderings per training clip, computed once in parallel, as the training source.
    /// </summary>
    /// <remarks>
    /// The real MFCC costs about a millisecond per clip per core, so rendering every draw of a default run
    /// (18,000 steps × 100) would cost half an hour of feature work alone; the model's own step is about 0.3 ms per
    /// example. With K variants per clip the feature work is K × clips once, and a uniform draw over the
    /// K × clips examples is a uniform draw of a clip and then one of its K augmentations. Each variant is rendered
    /// with <see cref="Rng.Derive"/>(seed, 4, index), so the set is the same whatever the thread count.
    /// </remarks>
    public static class AugmentedVariants
    {
        /// <summary>Renders and featurises <paramref name="variants"/> augmentations of every example.</summary>
        /// <param name="source">Augmenting training source.</param>
        /// <param name="variants">Renderings per example (at least 1).</param>
        /// <param name="seed">Seed of the augmentation draws.</param>
        /// <param name="maxDegreeOfParallelism">Threads.</param>
        /// <param name="progress">Receives the number of variants done so far (called from worker threads), or null.</param>
        /// <returns>A set of Count × variants examples; example i × variants + k is variant k of example i.</returns>
        public static FeatureSet Compute(IExampleSource source, int variants, ulong seed, int maxDegreeOfParallelism = 2, Action<int> progress = null)
        {
            ArgumentNullException.ThrowIfNull(source);
            var counts = new int[source.Count];
            Array.Fill(counts, variants);
            return Compute(source, counts, seed, maxDegreeOfParallelism, progress);
        }

        /// <summary>
        /// Renders and featurises a per-example number of augmentations, e.g. fewer per unknown-word clip so that
        /// every such clip is used while the unknown share of the draws stays moderate.
        /// </summary>
        /// <param name="source">Augmenting training source.</param>
        /// <param name="variants">Renderings of each example (each at least 1).</param>
        /// <param name="seed">Seed of the augmentation draws.</param>
        /// <param name="maxDegreeOfParallelism">Threads.</param>
        /// <param name="progress">Receives the number of variants done so far (called from worker threads), or null.</param>
        /// <returns>A set of Count × variants examples; example i × variants + k is variant k of example i.</returns>
        /// <returns>The renderings, example by example (all variants of example 0 first).</returns>
        public static FeatureSet Compute(IExampleSource source, int[] variants, ulong seed, int maxDegreeOfParallelism = 2, Action<int> progress = null)
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentNullException.ThrowIfNull(variants);
            if (variants.Length != source.Count)
            {
                throw new ArgumentException("need one variant count per example", nameof(variants));
            }

            var owner = new int[variants.Sum()];
            for (int e = 0, at = 0; e < variants.Length; e++)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(variants[e], 1, nameof(variants));
                owner.AsSpan(at, variants[e]).Fill(e);
                at += variants[e];
            }

            int n = owner.Length;
            var features = new float[n][];
            var labels = new int[n];
            int workers = Math.Max(1, Math.Min(maxDegreeOfParallelism, n));
            int done = 0;
            Parallelism.For(workers, workers, w =>
            {
                IExampleReader reader = source.CreateReader();
                for (int i = w * n / workers; i < (w + 1) * n / workers; i++)
                {
                    features[i] = new float[source.FeatureLength];
                    labels[i] = reader.Read(owner[i], Rng.Derive(seed, 4, i), features[i]);
                    int count = System.Threading.Interlocked.Increment(ref done);
                    if (progress != null && (count % 256 == 0 || count == n))
                    {
                        progress(count);
                    }
                }
            });
            return new FeatureSet(features, labels);
        }
    }
}

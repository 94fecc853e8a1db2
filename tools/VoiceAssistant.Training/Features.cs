using System;
using System.Collections.Generic;
using VoiceAssistant.Data;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// Turns one second of 16 kHz mono audio into a feature matrix (Rows frames × Columns coefficients, row-major).
    /// Implementations may keep scratch buffers, so each thread uses its own instance.
    /// </summary>
    public interface IFeatureExtractor
    {
        /// <summary>Frames (model input height).</summary>
        int Rows { get; }

        /// <summary>Coefficients per frame (model input width).</summary>
        int Columns { get; }

        /// <summary>Computes the features of one clip.</summary>
        /// <param name="clip16k1s">16000 samples at 16 kHz.</param>
        /// <param name="features">Receives Rows × Columns values.</param>
        void Compute(short[] clip16k1s, float[] features);
    }

    /// <summary>A set of examples the trainer can draw from; readers are per thread.</summary>
    public interface IExampleSource
    {
        /// <summary>Number of examples.</summary>
        int Count { get; }

        /// <summary>Values per example's features.</summary>
        int FeatureLength { get; }

        /// <summary>Creates a reader for one thread.</summary>
        IExampleReader CreateReader();
    }

    /// <summary>Produces the features of examples; not thread-safe.</summary>
    public interface IExampleReader
    {
        /// <summary>Fills the features of an example and returns its label.</summary>
        /// <param name="index">Example index, 0..Count−1.</param>
        /// <param name="rng">Random source for augmentation (deterministic per example and step).</param>
        /// <param name="features">Receives <see cref="IExampleSource.FeatureLength"/> values.</param>
        int Read(int index, Rng rng, float[] features);
    }

    /// <summary>Precomputed features with labels: the cache for validation/test sets (and synthetic sets in tests).</summary>
    public sealed class FeatureSet : IExampleSource, IExampleReader
    {
        private readonly float[][] features;
        private readonly int[] labels;

        /// <summary>Wraps precomputed features.</summary>
        /// <param name="features">One array per example, all of the same length.</param>
        /// <param name="labels">Label per example.</param>
        public FeatureSet(float[][] features, int[] labels)
        {
            ArgumentNullException.ThrowIfNull(features);
            ArgumentNullException.ThrowIfNull(labels);
            if (features.Length != labels.Length || features.Length == 0)
            {
                throw new ArgumentException("need as many labels as feature arrays, and at least one example");
            }

            FeatureLength = features[0].Length;
            foreach (float[] f in features)
            {
                if (f == null || f.Length != FeatureLength)
                {
                    throw new ArgumentException("all feature arrays must have the same length", nameof(features));
                }
            }

            this.features = features;
            this.labels = labels;
        }

        /// <inheritdoc />
        public int Count => labels.Length;

        /// <inheritdoc />
        public int FeatureLength { get; }

        /// <summary>Label of an example.</summary>
        /// <param name="index">Example index.</param>
        public int LabelOf(int index) => labels[index];

        /// <summary>Features of an example (not copied).</summary>
        /// <param name="index">Example index.</param>
        public float[] FeaturesOf(int index) => features[index];

        /// <summary>
        /// Computes the features of a split once, without augmentation (generated silence still gets its background at
        /// a volume drawn from a per-example seed), in parallel on up to <paramref name="maxDegreeOfParallelism"/> threads.
        /// </summary>
        /// <param name="source">Audio examples of the split.</param>
        /// <param name="seed">Seed for generated silence.</param>
        /// <param name="maxDegreeOfParallelism">Threads.</param>
        public static FeatureSet Compute(IExampleSource source, ulong seed, int maxDegreeOfParallelism = 2)
        {
            ArgumentNullException.ThrowIfNull(source);
            int n = source.Count;
            var all = new float[n][];
            var labels = new int[n];
            int workers = Math.Max(1, Math.Min(maxDegreeOfParallelism, n));
            Parallelism.For(workers, workers, w =>
            {
                IExampleReader reader = source.CreateReader();
                for (int i = w * n / workers; i < (w + 1) * n / workers; i++)
                {
                    all[i] = new float[source.FeatureLength];
                    labels[i] = reader.Read(i, Rng.Derive(seed, 2, i), all[i]);
                }
            });
            return new FeatureSet(all, labels);
        }

        /// <inheritdoc />
        IExampleReader IExampleSource.CreateReader() => this;

        /// <inheritdoc />
        int IExampleReader.Read(int index, Rng rng, float[] destination)
        {
            features[index].AsSpan().CopyTo(destination);
            return labels[index];
        }
    }

    /// <summary>Audio options of TensorFlow's speech_commands input pipeline (its defaults).</summary>
    public sealed class AugmentationOptions
    {
        /// <summary>Share of training clips with background noise mixed in (default 0.8).</summary>
        public double BackgroundFrequency { get; set; } = 0.8;

        /// <summary>Highest background volume for word clips; the volume is uniform in [0, this) (default 0.1).</summary>
        public double BackgroundVolume { get; set; } = 0.1;

        /// <summary>Largest random time shift in ms, either way, padded with zeros (default 100).</summary>
        public int TimeShiftMs { get; set; } = 100;

        /// <summary>
        /// Augmented renderings computed once per training clip (default 0: render and featurise every draw, as
        /// TensorFlow does). A positive value trades augmentation variety for speed; see <see cref="AugmentedVariants"/>.
        /// </summary>
        public int PrecomputedVariants { get; set; }

        /// <summary>
        /// Renderings per unknown-word clip when <see cref="PrecomputedVariants"/> is positive (default 0: the same
        /// number). Fewer than for the wanted words lets a run use every unknown clip of a large vocabulary without
        /// unknown dominating the draws.
        /// </summary>
        public int UnknownVariants { get; set; }

        /// <summary>
        /// Unknown words that sound like a wanted word (e.g. "go" for "no"): their clips get
        /// <see cref="PrecomputedVariants"/> renderings like the wanted words instead of <see cref="UnknownVariants"/>,
        /// so the model meets them as often as the words they are mistaken for (default none). Folder names,
        /// case-insensitive.
        /// </summary>
        public IReadOnlyList<string> ConfusableWords { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Largest relative change of speaking rate, either way (default 0: none, as TensorFlow). A training word clip
        /// is played at a rate drawn uniformly from [1 − this, 1 + this] (tempo and pitch together, like a tape),
        /// centred, before the time shift. Must be below 0.5.
        /// </summary>
        public double SpeedChange { get; set; }

        /// <summary>
        /// Largest gain change in dB, either way (default 0: none, as TensorFlow). A training word clip is scaled by a
        /// gain drawn uniformly in dB from [−this, +this] before the background is mixed in, so the model meets
        /// quieter and louder speakers than the recordings hold.
        /// </summary>
        public double GainDb { get; set; }

        /// <summary>Clip length in samples (one second at 16 kHz).</summary>
        public int ClipSamples { get; set; } = 16000;

        /// <summary>Throws when a value is out of range.</summary>
        public void Validate()
        {
            if (!(SpeedChange >= 0 && SpeedChange < 0.5))
            {
                throw new ArgumentOutOfRangeException(nameof(SpeedChange), SpeedChange, "0 <= speed change < 0.5");
            }

            if (!(GainDb >= 0 && GainDb <= 40))
            {
                throw new ArgumentOutOfRangeException(nameof(GainDb), GainDb, "0..40 dB");
            }
        }
    }

    /// <summary>Mixes a foreground clip, a time shift and background noise the way TensorFlow's get_data does.</summary>
    public sealed class Augmenter
    {
        private readonly IReadOnlyList<float[]> backgrounds;

        /// <summary>Creates an augmenter.</summary>
        /// <param name="options">Options.</param>
        /// <param name="backgrounds">Background recordings (16 kHz mono; those shorter than a clip are ignored).</param>
        public Augmenter(AugmentationOptions options, IReadOnlyList<float[]> backgrounds)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            options.Validate();
            var usable = new List<float[]>();
            foreach (float[] b in backgrounds ?? Array.Empty<float[]>())
            {
                if (b != null && b.Length >= options.ClipSamples)
                {
                    usable.Add(b);
                }
            }

            this.backgrounds = usable;
        }

        /// <summary>The options.</summary>
        public AugmentationOptions Options { get; }

        /// <summary>
        /// Renders one example: foreground (null = generated silence), in training played at a random speed and gain
        /// when those are enabled and shifted by a random amount, plus a
        /// random excerpt of a random background at a random volume (training word clips: with probability
        /// <see cref="AugmentationOptions.BackgroundFrequency"/>, volume in [0, BackgroundVolume); generated
        /// silence: always, volume in [0, 1)), clipped to [-1, 1].
        /// </summary>
        /// <param name="foreground">ClipSamples samples, or null for generated silence.</param>
        /// <param name="training">Whether to apply the random shift and background.</param>
        /// <param name="rng">Random source.</param>
        /// <param name="output">Receives ClipSamples samples.</param>
        public void Render(float[] foreground, bool training, Rng rng, float[] output)
        {
            ArgumentNullException.ThrowIfNull(rng);
            int n = Options.ClipSamples;
            if (output.Length != n || (foreground != null && foreground.Length != n))
            {
                throw new ArgumentException($"clips must be {n} samples");
            }

            Array.Clear(output);
            if (foreground != null)
            {
                // Draws happen only for enabled options, so TF-default runs keep their random sequence.
                if (training && (Options.SpeedChange > 0 || Options.GainDb > 0))
                {
                    double rate = Options.SpeedChange > 0 ? rng.NextDouble(1 - Options.SpeedChange, 1 + Options.SpeedChange) : 1;
                    double gain = Options.GainDb > 0 ? Math.Pow(10, rng.NextDouble(-Options.GainDb, Options.GainDb) / 20) : 1;
                    foreground = Resample(foreground, rate, (float)gain);
                }

                int maxShift = Options.TimeShiftMs * n / 1000;
                int shift = training && maxShift > 0 ? rng.NextIntInclusive(-maxShift, maxShift) : 0;

                // Positive shift delays the clip (zeros in front), negative advances it (zeros at the end).
                if (shift >= 0)
                {
                    foreground.AsSpan(0, n - shift).CopyTo(output.AsSpan(shift));
                }
                else
                {
                    foreground.AsSpan(-shift).CopyTo(output);
                }
            }

            bool silence = foreground == null;
            if (backgrounds.Count == 0 || !(training || silence))
            {
                return;
            }

            float[] background = backgrounds[rng.NextInt(backgrounds.Count)];
            int offset = rng.NextInt(background.Length - n + 1);
            double volume;
            if (silence)
            {
                volume = rng.NextDouble();
            }
            else
            {
                volume = rng.NextDouble() < Options.BackgroundFrequency ? rng.NextDouble(0, Options.BackgroundVolume) : 0;
            }

            float v = (float)volume;
            for (int i = 0; i < n; i++)
            {
                output[i] = Math.Clamp(output[i] + v * background[offset + i], -1f, 1f);
            }
        }

        /// <summary>
        /// The clip played at <paramref name="rate"/> times its speed (linear interpolation) and scaled by
        /// <paramref name="gain"/>, centred on the clip's middle; samples outside the source are zero.
        /// </summary>
        private static float[] Resample(float[] clip, double rate, float gain)
        {
            int n = clip.Length;
            var result = new float[n];
            double middle = (n - 1) / 2.0;
            for (int i = 0; i < n; i++)
            {
                double at = middle + (i - middle) * rate;
                int left = (int)Math.Floor(at);
                if (left < 0 || left >= n - 1)
                {
                    result[i] = left == n - 1 ? clip[n - 1] * gain : 0f;
                    continue;
                }

                float t = (float)(at - left);
                result[i] = (clip[left] + t * (clip[left + 1] - clip[left])) * gain;
            }

            return result;
        }
    }
}

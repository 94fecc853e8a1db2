using System;
using System.Collections.Generic;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.Data;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// Examples of one dataset split as audio: clips are read once (16 kHz mono, padded or cut to one second) and
    /// kept in memory; every read renders the clip through the <see cref="Augmenter"/> and computes its features.
    /// </summary>
    public sealed class AudioExampleSource : IExampleSource
    {
        private readonly float[][] clips;
        private readonly int[] labels;
        private readonly Func<IFeatureExtractor> extractorFactory;

        /// <summary>Loads the clips of a split.</summary>
        /// <param name="examples">The split's examples.</param>
        /// <param name="augmenter">Renders clips (with backgrounds).</param>
        /// <param name="extractorFactory">Creates one feature extractor per reader (thread).</param>
        /// <param name="training">True to apply random shift and background mixing.</param>
        /// <param name="maxDegreeOfParallelism">Threads for loading.</param>
        /// <exception cref="WavFormatException">A clip cannot be read.</exception>
        public AudioExampleSource(IReadOnlyList<DatasetExample> examples, Augmenter augmenter, Func<IFeatureExtractor> extractorFactory, bool training, int maxDegreeOfParallelism = 2)
        {
            ArgumentNullException.ThrowIfNull(examples);
            Augmenter = augmenter ?? throw new ArgumentNullException(nameof(augmenter));
            this.extractorFactory = extractorFactory ?? throw new ArgumentNullException(nameof(extractorFactory));
            if (examples.Count == 0)
            {
                throw new ArgumentException("no examples", nameof(examples));
            }

            IFeatureExtractor probe = extractorFactory();
            FeatureLength = probe.Rows * probe.Columns;
            Training = training;
            labels = examples.Select(e => e.Label).ToArray();
            clips = new float[examples.Count][];
            int n = augmenter.Options.ClipSamples;
            Parallelism.For(examples.Count, maxDegreeOfParallelism, i =>
            {
                string path = examples[i].Path;
                clips[i] = path == null ? null : FitLength(WavReader.ReadMono16kFloat(path), n);
            });
        }

        /// <summary>The clips as loaded (one second each; null for generated silence), e.g. for a cache key.</summary>
        public IReadOnlyList<float[]> Clips => clips;

        /// <summary>Label of every example.</summary>
        public IReadOnlyList<int> Labels => labels;

        /// <summary>Whether reads are augmented.</summary>
        public bool Training { get; }

        /// <summary>The augmenter.</summary>
        public Augmenter Augmenter { get; }

        /// <inheritdoc />
        public int Count => labels.Length;

        /// <summary>Label of an example (without rendering it).</summary>
        /// <param name="index">Example index.</param>
        public int LabelOf(int index) => labels[index];

        /// <inheritdoc />
        public int FeatureLength { get; }

        /// <summary>
        /// Loads and resamples background recordings to 16 kHz mono, each scaled to a peak of full scale (as
        /// TensorFlow's own noise files are), so "volume" means the same for every recording: the shared copies are
        /// 40 dB quieter (white noise peaks at 0.01), which made generated silence far quieter than the silence clips
        /// of the Speech Commands test list.
        /// </summary>
        /// <param name="files">WAV files.</param>
        public static float[][] LoadBackgrounds(IEnumerable<string> files) => files.Select(f => PeakNormalized(WavReader.ReadMono16kFloat(f))).ToArray();

        /// <summary>The samples scaled so that the largest magnitude is 1 (all-zero input unchanged).</summary>
        /// <param name="samples">Samples (scaled in place).</param>
        public static float[] PeakNormalized(float[] samples)
        {
            ArgumentNullException.ThrowIfNull(samples);
            float peak = Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(samples));
            if (peak > 0f)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(samples, 1f / peak, samples);
            }

            return samples;
        }

        /// <summary>Pads with zeros or cuts a clip to exactly <paramref name="length"/> samples.</summary>
        /// <param name="samples">The clip.</param>
        /// <param name="length">Wanted length.</param>
        public static float[] FitLength(float[] samples, int length)
        {
            if (samples.Length == length)
            {
                return samples;
            }

            var fitted = new float[length];
            samples.AsSpan(0, Math.Min(length, samples.Length)).CopyTo(fitted);
            return fitted;
        }

        /// <inheritdoc />
        public IExampleReader CreateReader() => new Reader(this, extractorFactory());

        private sealed class Reader : IExampleReader
        {
            private readonly AudioExampleSource source;
            private readonly IFeatureExtractor extractor;
            private readonly float[] audio;
            private readonly short[] pcm;

            public Reader(AudioExampleSource source, IFeatureExtractor extractor)
            {
                this.source = source;
                this.extractor = extractor;
                audio = new float[source.Augmenter.Options.ClipSamples];
                pcm = new short[audio.Length];
            }

            public int Read(int index, Rng rng, float[] features)
            {
                source.Augmenter.Render(source.clips[index], source.Training, rng, audio);
                PcmConversion.ToShorts(audio, pcm);
                extractor.Compute(pcm, features);
                return source.labels[index];
            }
        }
    }
}

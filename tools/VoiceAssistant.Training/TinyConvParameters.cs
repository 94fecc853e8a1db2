using System;
using VoiceAssistant.Data;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// One set of tinyConv-shaped values: the weights themselves, or gradients, or optimiser moments.
    /// Layouts match TFLite so export is a copy: conv weights HWIO <c>[filterH][filterW][1][filters]</c> (also TFLite's
    /// depthwise layout [1,H,W,filters]), FC weights <c>[labels][FlatSize]</c> (TFLite FULLY_CONNECTED [out][in]),
    /// FC inputs flattened NHWC <c>(y * OutputColumns + x) * filters + c</c>.
    /// </summary>
    public sealed class TinyConvParameters
    {
        /// <summary>Creates zero-filled arrays for a configuration.</summary>
        /// <param name="config">The shape.</param>
        public TinyConvParameters(TinyConvConfig config)
        {
            Config = config ?? throw new ArgumentNullException(nameof(config));
            ConvWeights = new float[config.ConvWeightCount];
            ConvBias = new float[config.FilterCount];
            FcWeights = new float[config.FcWeightCount];
            FcBias = new float[config.LabelCount];
        }

        /// <summary>The shape.</summary>
        public TinyConvConfig Config { get; }

        /// <summary>Convolution weights, [filterH][filterW][1][filters].</summary>
        public float[] ConvWeights { get; }

        /// <summary>Convolution bias, [filters].</summary>
        public float[] ConvBias { get; }

        /// <summary>Fully connected weights, [labels][FlatSize].</summary>
        public float[] FcWeights { get; }

        /// <summary>Fully connected bias, [labels].</summary>
        public float[] FcBias { get; }

        /// <summary>The four arrays in a fixed order (conv weights, conv bias, FC weights, FC bias).</summary>
        public float[][] Arrays => new[] { ConvWeights, ConvBias, FcWeights, FcBias };

        /// <summary>Sets every value to zero.</summary>
        public void Clear()
        {
            foreach (float[] a in Arrays)
            {
                Array.Clear(a);
            }
        }

        /// <summary>Copies every value from another set of the same shape.</summary>
        /// <param name="source">The source.</param>
        public void CopyFrom(TinyConvParameters source)
        {
            CheckShape(source);
            float[][] from = source.Arrays, to = Arrays;
            for (int i = 0; i < to.Length; i++)
            {
                from[i].AsSpan().CopyTo(to[i]);
            }
        }

        /// <summary>A deep copy.</summary>
        public TinyConvParameters Clone()
        {
            var copy = new TinyConvParameters(Config);
            copy.CopyFrom(this);
            return copy;
        }

        /// <summary>Fills the weights TensorFlow's way for tiny_conv: truncated normal (redrawn beyond 2σ), zero biases.</summary>
        /// <param name="rng">Random source.</param>
        /// <param name="stddev">Standard deviation (TensorFlow uses 0.01).</param>
        public void InitializeTruncatedNormal(Rng rng, double stddev)
        {
            ArgumentNullException.ThrowIfNull(rng);
            for (int i = 0; i < ConvWeights.Length; i++)
            {
                ConvWeights[i] = (float)rng.NextTruncatedNormal(stddev);
            }

            for (int i = 0; i < FcWeights.Length; i++)
            {
                FcWeights[i] = (float)rng.NextTruncatedNormal(stddev);
            }

            Array.Clear(ConvBias);
            Array.Clear(FcBias);
        }

        /// <summary>Throws unless <paramref name="other"/> has the same shape.</summary>
        /// <param name="other">The other set.</param>
        public void CheckShape(TinyConvParameters other)
        {
            ArgumentNullException.ThrowIfNull(other);
            if (!Config.Equals(other.Config))
            {
                throw new ArgumentException($"shape mismatch: {Config} vs {other.Config}", nameof(other));
            }
        }
    }
}

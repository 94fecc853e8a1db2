using System;
using VoiceAssistant.Data;

namespace VoiceAssistant.Training
{
    /// <summary>A float tinyConv network: configuration, labels and weights.</summary>
    public sealed class TinyConvModel
    {
        /// <summary>TensorFlow's initial weight deviation for tiny_conv (truncated normal).</summary>
        public const double DefaultInitStddev = 0.01;

        /// <summary>Wraps existing weights.</summary>
        /// <param name="weights">The weights (kept, not copied).</param>
        public TinyConvModel(TinyConvParameters weights)
        {
            Weights = weights ?? throw new ArgumentNullException(nameof(weights));
        }

        /// <summary>Creates a model with TensorFlow-style initial weights.</summary>
        /// <param name="config">The shape.</param>
        /// <param name="seed">Seed of the initialisation.</param>
        /// <param name="stddev">Deviation of the truncated normal.</param>
        public static TinyConvModel Create(TinyConvConfig config, ulong seed, double stddev = DefaultInitStddev)
        {
            var weights = new TinyConvParameters(config);
            weights.InitializeTruncatedNormal(new Rng(seed), stddev);
            return new TinyConvModel(weights);
        }

        /// <summary>The shape.</summary>
        public TinyConvConfig Config => Weights.Config;

        /// <summary>The weights.</summary>
        public TinyConvParameters Weights { get; }

        /// <summary>Label probabilities for one example (allocates a worker; use <see cref="TinyConvWorker"/> in loops).</summary>
        /// <param name="features">InputRows × InputColumns values.</param>
        public float[] Predict(ReadOnlySpan<float> features)
        {
            var worker = new TinyConvWorker(Weights);
            worker.Forward(features);
            return worker.Probabilities.ToArray();
        }
    }
}

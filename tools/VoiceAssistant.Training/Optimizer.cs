using System;
using System.IO;

namespace VoiceAssistant.Training
{
    /// <summary>Which update rule the trainer uses.</summary>
    public enum OptimizerKind
    {
        /// <summary>Adam (TensorFlow 1 AdamOptimizer formulation, β1 0.9, β2 0.999, ε 1e-8).</summary>
        Adam = 0,

        /// <summary>Plain gradient descent (TensorFlow speech_commands' own default optimiser).</summary>
        Sgd = 1,
    }

    /// <summary>An update rule with state that checkpoints can save and restore.</summary>
    public abstract class Optimizer
    {
        /// <summary>Which rule this is.</summary>
        public abstract OptimizerKind Kind { get; }

        /// <summary>Creates an optimiser of the given kind for a parameter shape.</summary>
        /// <param name="kind">The rule.</param>
        /// <param name="config">The parameter shape.</param>
        public static Optimizer Create(OptimizerKind kind, TinyConvConfig config)
        {
            switch (kind)
            {
                case OptimizerKind.Adam: return new AdamOptimizer(config);
                case OptimizerKind.Sgd: return new SgdOptimizer();
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown optimiser");
            }
        }

        /// <summary>Applies one update.</summary>
        /// <param name="weights">Weights to update in place.</param>
        /// <param name="gradient">Gradient of the mean batch loss.</param>
        /// <param name="rate">Learning rate.</param>
        public abstract void Step(TinyConvParameters weights, TinyConvParameters gradient, float rate);

        /// <summary>Writes the optimiser state.</summary>
        /// <param name="writer">Destination.</param>
        public abstract void WriteState(BinaryWriter writer);

        /// <summary>Reads state written by <see cref="WriteState"/>.</summary>
        /// <param name="reader">Source.</param>
        public abstract void ReadState(BinaryReader reader);
    }

    /// <summary>Plain gradient descent: w -= rate × g. Stateless.</summary>
    public sealed class SgdOptimizer : Optimizer
    {
        /// <inheritdoc />
        public override OptimizerKind Kind => OptimizerKind.Sgd;

        /// <inheritdoc />
        public override void Step(TinyConvParameters weights, TinyConvParameters gradient, float rate)
        {
            weights.CheckShape(gradient);
            float[][] w = weights.Arrays, g = gradient.Arrays;
            for (int a = 0; a < w.Length; a++)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(g[a], -rate, w[a], w[a]);
            }
        }

        /// <inheritdoc />
        public override void WriteState(BinaryWriter writer)
        {
        }

        /// <inheritdoc />
        public override void ReadState(BinaryReader reader)
        {
        }
    }

    /// <summary>
    /// Adam as TensorFlow 1's AdamOptimizer computes it: m and v moments, and the bias correction folded into the
    /// step size, lr_t = lr·√(1−β2^t)/(1−β1^t), w -= lr_t·m/(√v + ε).
    /// </summary>
    public sealed class AdamOptimizer : Optimizer
    {
        /// <summary>First-moment decay.</summary>
        public const double Beta1 = 0.9;

        /// <summary>Second-moment decay.</summary>
        public const double Beta2 = 0.999;

        /// <summary>Denominator guard.</summary>
        public const float Epsilon = 1e-8f;

        /// <summary>Creates zero moments for a parameter shape.</summary>
        /// <param name="config">The shape.</param>
        public AdamOptimizer(TinyConvConfig config)
        {
            M = new TinyConvParameters(config);
            V = new TinyConvParameters(config);
        }

        /// <inheritdoc />
        public override OptimizerKind Kind => OptimizerKind.Adam;

        /// <summary>Updates applied so far.</summary>
        public long StepCount { get; private set; }

        /// <summary>First moments.</summary>
        public TinyConvParameters M { get; }

        /// <summary>Second moments.</summary>
        public TinyConvParameters V { get; }

        /// <inheritdoc />
        public override void Step(TinyConvParameters weights, TinyConvParameters gradient, float rate)
        {
            weights.CheckShape(gradient);
            weights.CheckShape(M);
            StepCount++;
            float b1 = (float)Beta1, b2 = (float)Beta2;
            float lrT = (float)(rate * Math.Sqrt(1 - Math.Pow(Beta2, StepCount)) / (1 - Math.Pow(Beta1, StepCount)));
            float[][] w = weights.Arrays, g = gradient.Arrays, m = M.Arrays, v = V.Arrays;
            for (int a = 0; a < w.Length; a++)
            {
                float[] wa = w[a], ga = g[a], ma = m[a], va = v[a];
                for (int i = 0; i < wa.Length; i++)
                {
                    float gi = ga[i];
                    ma[i] = b1 * ma[i] + (1 - b1) * gi;
                    va[i] = b2 * va[i] + (1 - b2) * gi * gi;
                    wa[i] -= lrT * ma[i] / (MathF.Sqrt(va[i]) + Epsilon);
                }
            }
        }

        /// <inheritdoc />
        public override void WriteState(BinaryWriter writer)
        {
            writer.Write(StepCount);
            CheckpointIo.WriteParameters(writer, M);
            CheckpointIo.WriteParameters(writer, V);
        }

        /// <inheritdoc />
        public override void ReadState(BinaryReader reader)
        {
            StepCount = reader.ReadInt64();
            CheckpointIo.ReadParameters(reader, M);
            CheckpointIo.ReadParameters(reader, V);
        }
    }
}

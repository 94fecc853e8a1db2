using System;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using VoiceAssistant.Data;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// Forward and backward passes of tinyConv for one example at a time, with its own scratch buffers and its own
    /// gradient accumulator. One worker per thread; the weights it reads are shared and must not change while it runs.
    /// </summary>
    /// <remarks>
    /// The convolution is computed as im2col: every output position gets its input patch (zeros where SAME padding
    /// reaches outside the input); each patch value is then broadcast against the contiguous filters of its tap
    /// (HWIO layout), 8 or 4 filters per SIMD operation. The FC layer and softmax use <see cref="TensorPrimitives"/>.
    /// </remarks>
    public sealed class TinyConvWorker
    {
        private readonly TinyConvConfig config;
        private readonly TinyConvParameters weights;
        private readonly float[] patches;
        private readonly float[] preActivation;
        private readonly float[] activation;
        private readonly float[] mask;
        private readonly float[] logits;
        private readonly float[] probabilities;
        private readonly float[] flatGradient;
        private bool masked;

        /// <summary>Creates a worker reading the given weights.</summary>
        /// <param name="weights">Shared weights (read only while the worker runs).</param>
        public TinyConvWorker(TinyConvParameters weights)
        {
            this.weights = weights ?? throw new ArgumentNullException(nameof(weights));
            config = weights.Config;
            patches = new float[config.OutputPositions * config.PatchSize];
            preActivation = new float[config.FlatSize];
            activation = new float[config.FlatSize];
            mask = new float[config.FlatSize];
            logits = new float[config.LabelCount];
            probabilities = new float[config.LabelCount];
            flatGradient = new float[config.FlatSize];
            Gradient = new TinyConvParameters(config);
        }

        /// <summary>Accumulated gradient.</summary>
        public TinyConvParameters Gradient { get; }

        /// <summary>Softmax output of the last forward pass.</summary>
        public ReadOnlySpan<float> Probabilities => probabilities;

        /// <summary>Convolution outputs before ReLU of the last forward pass (NHWC flattened).</summary>
        public ReadOnlySpan<float> PreActivations => preActivation;

        /// <summary>Pre-softmax output of the last forward pass.</summary>
        public ReadOnlySpan<float> Logits => logits;

        /// <summary>Runs the network on one example.</summary>
        /// <param name="features">InputRows × InputColumns values, row-major (frame by frame).</param>
        /// <param name="dropoutRate">Fraction of FC inputs dropped (0 for inference).</param>
        /// <param name="dropoutRng">Random source for the dropout mask (unused when the rate is 0).</param>
        /// <returns>Index of the most probable label.</returns>
        public int Forward(ReadOnlySpan<float> features, float dropoutRate = 0f, Rng dropoutRng = null)
        {
            if (features.Length != config.InputSize)
            {
                throw new ArgumentException($"expected {config.InputSize} features, got {features.Length}", nameof(features));
            }

            BuildPatches(features);
            int p = config.PatchSize, c = config.FilterCount;
            for (int pos = 0; pos < config.OutputPositions; pos++)
            {
                ConvolvePosition(patches.AsSpan(pos * p, p), preActivation.AsSpan(pos * c, c));
            }

            TensorPrimitives.Max(preActivation, 0f, activation);
            masked = dropoutRate > 0f;
            if (masked)
            {
                if (dropoutRate >= 1f || dropoutRng == null)
                {
                    throw new ArgumentException("dropout needs a rate below 1 and a random source");
                }

                float keep = 1f / (1f - dropoutRate);
                for (int i = 0; i < mask.Length; i++)
                {
                    mask[i] = dropoutRng.NextDouble() < dropoutRate ? 0f : keep;
                }

                TensorPrimitives.Multiply(activation, mask, activation);
            }

            float[] fcW = weights.FcWeights;
            int flat = config.FlatSize;
            for (int l = 0; l < config.LabelCount; l++)
            {
                logits[l] = weights.FcBias[l] + TensorPrimitives.Dot(fcW.AsSpan(l * flat, flat), activation);
            }

            // Shift by the largest logit first: TensorPrimitives.SoftMax exponentiates as is, and the firmware MFCC's
            // large coefficients (c0 of a quiet clip is in the hundreds) can push a logit past exp's float range.
            TensorPrimitives.Subtract(logits, TensorPrimitives.Max(logits), probabilities);
            TensorPrimitives.SoftMax(probabilities, probabilities);
            return TensorPrimitives.IndexOfMax(logits);
        }

        /// <summary>Cross-entropy loss of the last forward pass, computed stably from the logits.</summary>
        /// <param name="label">True label.</param>
        public float Loss(int label)
        {
            float max = TensorPrimitives.Max(logits);
            double sum = 0;
            for (int l = 0; l < logits.Length; l++)
            {
                sum += Math.Exp(logits[l] - max);
            }

            return (float)(Math.Log(sum) + max - logits[label]);
        }

        /// <summary>Forward pass, then adds <paramref name="scale"/> × the gradient of the cross-entropy loss to <see cref="Gradient"/>.</summary>
        /// <param name="features">The example.</param>
        /// <param name="label">True label.</param>
        /// <param name="scale">Weight of this example (1 / batch size for a batch mean).</param>
        /// <param name="dropoutRate">Dropout rate (0 for none).</param>
        /// <param name="dropoutRng">Random source for the dropout mask.</param>
        /// <returns>The example's loss.</returns>
        public float Accumulate(ReadOnlySpan<float> features, int label, float scale, float dropoutRate = 0f, Rng dropoutRng = null)
        {
            if ((uint)label >= (uint)config.LabelCount)
            {
                throw new ArgumentOutOfRangeException(nameof(label), label, "label out of range");
            }

            Forward(features, dropoutRate, dropoutRng);
            float loss = Loss(label);
            int flat = config.FlatSize, labels = config.LabelCount;
            float[] fcW = weights.FcWeights;
            for (int l = 0; l < labels; l++)
            {
                float d = scale * (probabilities[l] - (l == label ? 1f : 0f));
                Gradient.FcBias[l] += d;
                Span<float> gRow = Gradient.FcWeights.AsSpan(l * flat, flat);
                TensorPrimitives.MultiplyAdd(activation, d, gRow, gRow);
                if (l == 0)
                {
                    TensorPrimitives.Multiply(fcW.AsSpan(0, flat), d, flatGradient);
                }
                else
                {
                    TensorPrimitives.MultiplyAdd(fcW.AsSpan(l * flat, flat), d, flatGradient, flatGradient);
                }
            }

            // Through dropout (act = relu(pre) * mask) and ReLU (zero gradient where pre <= 0).
            if (masked)
            {
                TensorPrimitives.Multiply(flatGradient, mask, flatGradient);
            }

            int p = config.PatchSize, c = config.FilterCount;
            for (int i = 0; i < flatGradient.Length; i++)
            {
                if (preActivation[i] <= 0f)
                {
                    flatGradient[i] = 0f;
                }
            }

            for (int pos = 0; pos < config.OutputPositions; pos++)
            {
                Span<float> g = flatGradient.AsSpan(pos * c, c);
                if (g.IndexOfAnyExcept(0f) < 0)
                {
                    continue;
                }

                TensorPrimitives.Add(Gradient.ConvBias, g, Gradient.ConvBias);
                AccumulateFilterGradient(patches.AsSpan(pos * p, p), g);
            }

            return loss;
        }

        /// <summary>Zeroes the accumulated gradient.</summary>
        public void ClearGradient()
        {
            Gradient.Clear();
        }

        // Outputs of all filters at one position: out[f] = bias[f] + sum_k patch[k] * w[k][f]. The HWIO layout keeps
        // the filters of one tap contiguous, so each tap is one broadcast multiply-add over a vector of filters.
        private void ConvolvePosition(ReadOnlySpan<float> patch, Span<float> output)
        {
            float[] w = weights.ConvWeights;
            int c = config.FilterCount, f0 = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; f0 + 8 <= c; f0 += 8)
                {
                    Vector256<float> acc = Vector256.LoadUnsafe(ref weights.ConvBias[f0]);
                    for (int k = 0; k < patch.Length; k++)
                    {
                        acc += Vector256.Create(patch[k]) * Vector256.LoadUnsafe(ref w[k * c + f0]);
                    }

                    acc.CopyTo(output[f0..]);
                }
            }

            for (; f0 + 4 <= c; f0 += 4)
            {
                Vector128<float> acc = Vector128.LoadUnsafe(ref weights.ConvBias[f0]);
                for (int k = 0; k < patch.Length; k++)
                {
                    acc += Vector128.Create(patch[k]) * Vector128.LoadUnsafe(ref w[k * c + f0]);
                }

                acc.CopyTo(output[f0..]);
            }

            for (; f0 < c; f0++)
            {
                float acc = weights.ConvBias[f0];
                for (int k = 0; k < patch.Length; k++)
                {
                    acc += patch[k] * w[k * c + f0];
                }

                output[f0] = acc;
            }
        }

        // dW[k][f] += patch[k] * g[f] for one position, vectorised over filters like the forward pass.
        private void AccumulateFilterGradient(ReadOnlySpan<float> patch, ReadOnlySpan<float> g)
        {
            float[] dw = Gradient.ConvWeights;
            int c = config.FilterCount, f0 = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; f0 + 8 <= c; f0 += 8)
                {
                    Vector256<float> gv = Vector256.Create(g.Slice(f0, 8));
                    for (int k = 0; k < patch.Length; k++)
                    {
                        ref float target = ref dw[k * c + f0];
                        (Vector256.LoadUnsafe(ref target) + Vector256.Create(patch[k]) * gv).StoreUnsafe(ref target);
                    }
                }
            }

            for (; f0 + 4 <= c; f0 += 4)
            {
                Vector128<float> gv = Vector128.Create(g.Slice(f0, 4));
                for (int k = 0; k < patch.Length; k++)
                {
                    ref float target = ref dw[k * c + f0];
                    (Vector128.LoadUnsafe(ref target) + Vector128.Create(patch[k]) * gv).StoreUnsafe(ref target);
                }
            }

            for (; f0 < c; f0++)
            {
                float gf = g[f0];
                for (int k = 0; k < patch.Length; k++)
                {
                    dw[k * c + f0] += patch[k] * gf;
                }
            }
        }

        private void BuildPatches(ReadOnlySpan<float> input)
        {
            int fh = config.FilterHeight, fw = config.FilterWidth, rows = config.InputRows, cols = config.InputColumns;
            int p = config.PatchSize;
            for (int oy = 0; oy < config.OutputRows; oy++)
            {
                for (int ox = 0; ox < config.OutputColumns; ox++)
                {
                    Span<float> patch = patches.AsSpan((oy * config.OutputColumns + ox) * p, p);
                    int x0 = ox * config.StrideColumns - config.PadLeft;
                    int xStart = Math.Max(0, -x0), xEnd = Math.Min(fw, cols - x0);
                    for (int fy = 0; fy < fh; fy++)
                    {
                        Span<float> row = patch.Slice(fy * fw, fw);
                        int iy = oy * config.StrideRows - config.PadTop + fy;
                        if (iy < 0 || iy >= rows || xStart >= xEnd)
                        {
                            row.Clear();
                            continue;
                        }

                        row[..xStart].Clear();
                        input.Slice(iy * cols + x0 + xStart, xEnd - xStart).CopyTo(row[xStart..]);
                        row[xEnd..].Clear();
                    }
                }
            }
        }
    }
}

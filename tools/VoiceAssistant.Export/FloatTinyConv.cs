using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Export
{
    /// <summary>
    /// Plain float inference of tinyConv (no dropout), used for calibration and for the float column of
    /// evaluation. Simple loops; not thread-safe (owns its activation buffer).
    /// </summary>
    public sealed class FloatTinyConv
    {
        private readonly TinyConvWeights weights;
        private readonly float[] activations = new float[TinyConvWeights.FcInputs];
        private readonly int padTop;
        private readonly int padLeft;

        /// <summary>Creates the runner over <paramref name="weights"/> (not copied).</summary>
        /// <param name="weights">The model weights.</param>
        public FloatTinyConv(TinyConvWeights weights)
        {
            weights.Validate();
            this.weights = weights;

            // TFLite SAME padding: total = max((out - 1) * stride + filter - in, 0), the smaller half before.
            padTop = SamePadBefore(TinyConvWeights.InputHeight, TinyConvWeights.ConvHeight, TinyConvWeights.FilterHeight);
            padLeft = SamePadBefore(TinyConvWeights.InputWidth, TinyConvWeights.ConvWidth, TinyConvWeights.FilterWidth);
        }

        /// <summary>The post-ReLU conv activations of the last <see cref="Forward"/> call (NHWC, 4000 values).</summary>
        public ReadOnlySpan<float> Activations => activations;

        /// <summary>Computes the logits (pre-softmax) of one clip's 49×40 float features.</summary>
        /// <param name="features">1960 features, row-major [frame][coefficient].</param>
        /// <param name="logits">Destination, one value per label.</param>
        public void Forward(ReadOnlySpan<float> features, Span<float> logits)
        {
            if (features.Length != AssistantSettings.WindowFeatures)
            {
                throw new ArgumentException($"features must have {AssistantSettings.WindowFeatures} values, got {features.Length}");
            }

            Conv(features);
            int n = TinyConvWeights.FcInputs;
            for (int o = 0; o < weights.Labels; o++)
            {
                ReadOnlySpan<float> row = weights.FcWeights.AsSpan(o * n, n);
                double sum = weights.FcBias[o];
                for (int i = 0; i < n; i++)
                {
                    sum += row[i] * activations[i];
                }

                logits[o] = (float)sum;
            }
        }

        /// <summary>Computes softmax probabilities of one clip.</summary>
        /// <param name="features">1960 features.</param>
        /// <returns>One probability per label.</returns>
        public float[] Predict(ReadOnlySpan<float> features)
        {
            var logits = new float[weights.Labels];
            Forward(features, logits);
            Softmax(logits);
            return logits;
        }

        /// <summary>Index of the largest logit for one clip.</summary>
        /// <param name="features">1960 features.</param>
        public int Classify(ReadOnlySpan<float> features)
        {
            Span<float> logits = stackalloc float[weights.Labels];
            Forward(features, logits);
            return ArgMax(logits);
        }

        /// <summary>In-place numerically stable softmax.</summary>
        /// <param name="values">Logits in, probabilities out.</param>
        public static void Softmax(Span<float> values)
        {
            float max = float.NegativeInfinity;
            foreach (float v in values)
            {
                max = Math.Max(max, v);
            }

            double sum = 0;
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = MathF.Exp(values[i] - max);
                sum += values[i];
            }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)(values[i] / sum);
            }
        }

        /// <summary>Index of the first largest value.</summary>
        /// <param name="values">Values.</param>
        public static int ArgMax(ReadOnlySpan<float> values)
        {
            int best = 0;
            for (int i = 1; i < values.Length; i++)
            {
                if (values[i] > values[best])
                {
                    best = i;
                }
            }

            return best;
        }

        private static int SamePadBefore(int input, int output, int filter)
        {
            int total = Math.Max((output - 1) * TinyConvWeights.Stride + filter - input, 0);
            return total / 2;
        }

        private void Conv(ReadOnlySpan<float> input)
        {
            const int C = TinyConvWeights.Channels;
            for (int oy = 0; oy < TinyConvWeights.ConvHeight; oy++)
            {
                for (int ox = 0; ox < TinyConvWeights.ConvWidth; ox++)
                {
                    Span<float> acc = activations.AsSpan((oy * TinyConvWeights.ConvWidth + ox) * C, C);
                    weights.ConvBias.AsSpan().CopyTo(acc);
                    for (int ky = 0; ky < TinyConvWeights.FilterHeight; ky++)
                    {
                        int iy = oy * TinyConvWeights.Stride - padTop + ky;
                        if (iy < 0 || iy >= TinyConvWeights.InputHeight)
                        {
                            continue;
                        }

                        for (int kx = 0; kx < TinyConvWeights.FilterWidth; kx++)
                        {
                            int ix = ox * TinyConvWeights.Stride - padLeft + kx;
                            if (ix < 0 || ix >= TinyConvWeights.InputWidth)
                            {
                                continue;
                            }

                            float x = input[iy * TinyConvWeights.InputWidth + ix];
                            int w = (ky * TinyConvWeights.FilterWidth + kx) * C;
                            for (int c = 0; c < C; c++)
                            {
                                acc[c] += x * weights.ConvWeights[w + c];
                            }
                        }
                    }

                    for (int c = 0; c < C; c++)
                    {
                        acc[c] = Math.Max(acc[c], 0f);
                    }
                }
            }
        }
    }
}

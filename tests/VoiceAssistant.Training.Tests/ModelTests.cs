using System;
using System.Linq;
using VoiceAssistant.Data;
using Xunit;

namespace VoiceAssistant.Training.Tests
{
    public class ModelTests
    {
        // 7x5 input, 4x3 filter, stride 2: output 4x3, SAME padding 3 rows (1 top, 2 bottom) and 2 columns (1 left, 1 right).
        internal static TinyConvConfig Tiny => new TinyConvConfig(7, 5, 4, 3, 2, 2, 2, 3);

        [Fact]
        public void DefaultShapeMatchesTensorFlowTinyConv()
        {
            var c = TinyConvConfig.Default(4);

            // ceil(49/2)=25, ceil(40/2)=20; padding rows (24*2+10-49)=9 -> top 4; columns (19*2+8-40)=6 -> left 3.
            Assert.Equal((25, 20, 4, 3, 4000), (c.OutputRows, c.OutputColumns, c.PadTop, c.PadLeft, c.FlatSize));
            Assert.Equal(640 + 8 + 16000 + 4, c.ParameterCount);
            var t = Tiny;
            Assert.Equal((4, 3, 1, 1), (t.OutputRows, t.OutputColumns, t.PadTop, t.PadLeft));
        }

        /// <summary>Direct textbook evaluation: explicit loops over HWIO weights with the padding as TensorFlow defines it.</summary>
        internal static double[] ReferenceLogits(TinyConvParameters p, float[] input, float[] mask)
        {
            TinyConvConfig c = p.Config;
            int outH = (c.InputRows + c.StrideRows - 1) / c.StrideRows;
            int outW = (c.InputColumns + c.StrideColumns - 1) / c.StrideColumns;
            int padTop = Math.Max(0, (outH - 1) * c.StrideRows + c.FilterHeight - c.InputRows) / 2;
            int padLeft = Math.Max(0, (outW - 1) * c.StrideColumns + c.FilterWidth - c.InputColumns) / 2;
            var flat = new double[outH * outW * c.FilterCount];
            for (int y = 0; y < outH; y++)
            {
                for (int x = 0; x < outW; x++)
                {
                    for (int f = 0; f < c.FilterCount; f++)
                    {
                        double sum = p.ConvBias[f];
                        for (int fy = 0; fy < c.FilterHeight; fy++)
                        {
                            for (int fx = 0; fx < c.FilterWidth; fx++)
                            {
                                int iy = y * c.StrideRows + fy - padTop, ix = x * c.StrideColumns + fx - padLeft;
                                if (iy >= 0 && iy < c.InputRows && ix >= 0 && ix < c.InputColumns)
                                {
                                    sum += input[iy * c.InputColumns + ix] * (double)p.ConvWeights[(fy * c.FilterWidth + fx) * c.FilterCount + f];
                                }
                            }
                        }

                        int index = (y * outW + x) * c.FilterCount + f;
                        flat[index] = Math.Max(0, sum) * (mask == null ? 1 : mask[index]);
                    }
                }
            }

            var logits = new double[c.LabelCount];
            for (int l = 0; l < c.LabelCount; l++)
            {
                double s = p.FcBias[l];
                for (int i = 0; i < flat.Length; i++)
                {
                    s += p.FcWeights[l * flat.Length + i] * flat[i];
                }

                logits[l] = s;
            }

            return logits;
        }

        internal static TinyConvParameters RandomParameters(TinyConvConfig config, ulong seed, double stddev, double biasScale)
        {
            var p = new TinyConvParameters(config);
            var rng = new Rng(seed);
            p.InitializeTruncatedNormal(rng, stddev);
            for (int i = 0; i < p.ConvBias.Length; i++)
            {
                p.ConvBias[i] = (float)rng.NextDouble(-biasScale, biasScale);
            }

            for (int i = 0; i < p.FcBias.Length; i++)
            {
                p.FcBias[i] = (float)rng.NextDouble(-biasScale, biasScale);
            }

            return p;
        }

        internal static float[] RandomInput(int n, ulong seed)
        {
            var rng = new Rng(seed);
            var x = new float[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (float)rng.NextDouble(-1, 1);
            }

            return x;
        }

        [Theory]
        [InlineData(0)]
        [InlineData(13)]
        [InlineData(8)]
        public void ForwardMatchesTheReferenceOnTinyAndFullShapes(int filters)
        {
            bool full = filters == 8;
            TinyConvConfig config = full ? TinyConvConfig.Default(4) : filters == 0 ? Tiny : new TinyConvConfig(7, 5, 4, 3, filters, 2, 2, 3);
            TinyConvParameters p = RandomParameters(config, 11, full ? 0.1 : 0.5, 0.2);
            var worker = new TinyConvWorker(p);
            for (int trial = 0; trial < 3; trial++)
            {
                float[] input = RandomInput(config.InputSize, 100 + (ulong)trial);
                worker.Forward(input);
                double[] expected = ReferenceLogits(p, input, null);
                double max = 0;
                for (int l = 0; l < config.LabelCount; l++)
                {
                    Assert.Equal(expected[l], worker.Logits[l], 1e-3 * Math.Max(1, Math.Abs(expected[l])));
                    max = Math.Max(max, expected[l]);
                }

                double z = 0;
                foreach (double e in expected)
                {
                    z += Math.Exp(e - max);
                }

                for (int l = 0; l < config.LabelCount; l++)
                {
                    Assert.Equal(Math.Exp(expected[l] - max) / z, worker.Probabilities[l], 1e-5);
                }
            }
        }

        [Fact]
        public void SoftmaxStaysFiniteWhenLogitsExceedTheFloatExpRange()
        {
            // Inputs of the size a quiet clip's MFCC c0 reaches with large weights: logits in the thousands.
            TinyConvConfig config = Tiny;
            TinyConvParameters p = RandomParameters(config, 11, 0.5, 0.2);
            var worker = new TinyConvWorker(p);
            float[] input = RandomInput(config.InputSize, 7);
            for (int i = 0; i < input.Length; i++)
            {
                input[i] *= 5000f;
            }

            worker.Forward(input);
            double[] expected = ReferenceLogits(p, input, null);
            double max = expected.Max();
            Assert.True(Math.Abs(max) > 100, $"largest logit {max} should over- or underflow exp in float");
            double z = expected.Sum(e => Math.Exp(e - max));
            for (int l = 0; l < config.LabelCount; l++)
            {
                Assert.True(float.IsFinite(worker.Probabilities[l]));
                Assert.Equal(Math.Exp(expected[l] - max) / z, worker.Probabilities[l], 1e-4);
            }
        }

        [Fact]
        public void DropoutScalesKeptUnitsAndMatchesTheReferenceWithTheSameMask()
        {
            TinyConvParameters p = RandomParameters(Tiny, 3, 0.5, 0.2);
            float[] input = RandomInput(Tiny.InputSize, 5);
            var worker = new TinyConvWorker(p);
            worker.Forward(input, 0.5f, new Rng(42));

            // Rebuild the mask the way the worker draws it: one uniform per FC input, dropped below the rate.
            var maskRng = new Rng(42);
            var mask = new float[Tiny.FlatSize];
            for (int i = 0; i < mask.Length; i++)
            {
                mask[i] = maskRng.NextDouble() < 0.5 ? 0f : 2f;
            }

            double[] expected = ReferenceLogits(p, input, mask);
            for (int l = 0; l < Tiny.LabelCount; l++)
            {
                Assert.Equal(expected[l], worker.Logits[l], 1e-4);
            }
        }

        // 2 filters use the scalar path, 13 = 8 + 4 + 1 every SIMD width and the scalar tail.
        [Theory]
        [InlineData(0f, 2)]
        [InlineData(0.3f, 2)]
        [InlineData(0f, 13)]
        [InlineData(0.3f, 13)]
        public void GradientMatchesFiniteDifferences(float dropout, int filters)
        {
            TinyConvConfig config = new TinyConvConfig(7, 5, 4, 3, filters, 2, 2, 3);
            TinyConvParameters p = RandomParameters(config, 21, 0.5, 0.3);
            float[] input = RandomInput(config.InputSize, 8);
            const int label = 1;
            var worker = new TinyConvWorker(p);
            worker.ClearGradient();
            worker.Accumulate(input, label, 1f, dropout, new Rng(9));
            TinyConvParameters analytic = worker.Gradient.Clone();

            bool[] pattern = ReluPattern(new TinyConvWorker(p), input, dropout);

            // Loss at perturbed weights, or null when the perturbation flips a ReLU (a kink, where the finite
            // difference does not measure the derivative).
            double? Loss()
            {
                var w = new TinyConvWorker(p);
                bool[] now = ReluPattern(w, input, dropout);
                return now.AsSpan().SequenceEqual(pattern) ? w.Loss(label) : null;
            }

            const float eps = 1e-3f;
            float[][] weights = p.Arrays, grads = analytic.Arrays;
            int checkedCount = 0, nonZero = 0, kinks = 0;
            for (int a = 0; a < weights.Length; a++)
            {
                for (int i = 0; i < weights[a].Length; i++)
                {
                    float original = weights[a][i];
                    weights[a][i] = original + eps;
                    double? plus = Loss();
                    weights[a][i] = original - eps;
                    double? minus = Loss();
                    weights[a][i] = original;
                    if (plus == null || minus == null)
                    {
                        kinks++;
                        continue;
                    }

                    double numeric = (plus.Value - minus.Value) / (2 * eps);
                    double g = grads[a][i];
                    Assert.True(Math.Abs(numeric - g) <= 2e-3 + 2e-2 * Math.Abs(g), $"array {a} index {i}: analytic {g}, numeric {numeric}");
                    checkedCount++;
                    nonZero += Math.Abs(g) > 1e-4 ? 1 : 0;
                }
            }

            Assert.True(kinks < config.ParameterCount / 20, $"{kinks} parameters skipped at ReLU kinks");
            checkedCount += kinks;
            Assert.Equal(config.ParameterCount, checkedCount);
            Assert.True(nonZero > config.ParameterCount / 3, $"only {nonZero} non-zero gradients: the check would be weak");
        }

        private static bool[] ReluPattern(TinyConvWorker worker, float[] input, float dropout)
        {
            worker.Forward(input, dropout, new Rng(9));
            var pattern = new bool[worker.PreActivations.Length];
            for (int i = 0; i < pattern.Length; i++)
            {
                pattern[i] = worker.PreActivations[i] > 0;
            }

            return pattern;
        }

        [Fact]
        public void GradientOfABatchIsTheScaledSumOfExampleGradients()
        {
            TinyConvParameters p = RandomParameters(Tiny, 4, 0.5, 0.1);
            float[] a = RandomInput(Tiny.InputSize, 1), b = RandomInput(Tiny.InputSize, 2);
            var both = new TinyConvWorker(p);
            both.ClearGradient();
            both.Accumulate(a, 0, 0.5f);
            both.Accumulate(b, 2, 0.5f);
            var single = new TinyConvWorker(p);
            single.ClearGradient();
            single.Accumulate(a, 0, 1f);
            var first = single.Gradient.Clone();
            single.ClearGradient();
            single.Accumulate(b, 2, 1f);
            for (int k = 0; k < 4; k++)
            {
                for (int i = 0; i < first.Arrays[k].Length; i++)
                {
                    Assert.Equal(0.5 * (first.Arrays[k][i] + single.Gradient.Arrays[k][i]), both.Gradient.Arrays[k][i], 1e-5);
                }
            }
        }

        [Fact]
        public void InitialisationIsTruncatedNormalWithZeroBiases()
        {
            var model = TinyConvModel.Create(TinyConvConfig.Default(4), 1);
            Assert.All(model.Weights.ConvBias, b => Assert.Equal(0f, b));
            Assert.All(model.Weights.FcBias, b => Assert.Equal(0f, b));
            float[] w = model.Weights.FcWeights;
            double mean = 0, sq = 0;
            foreach (float x in w)
            {
                Assert.InRange(x, -0.02f, 0.02f);
                mean += x;
                sq += x * x;
            }

            mean /= w.Length;
            double std = Math.Sqrt(sq / w.Length - mean * mean);

            // A normal truncated at 2 sigma has deviation 0.8796 sigma.
            Assert.InRange(std, 0.0086, 0.0090);
            Assert.InRange(mean, -0.0003, 0.0003);
        }
    }
}

using System;
using VoiceAssistant.Tflite.Kernels;
using Xunit;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>
    /// The native int8 depthwise kernel (native-interop/kernels, registered in the TFLM host) against the C# int8
    /// interpreter's port of TFLM's reference kernel (<see cref="DepthwiseConv2D.EvalReference"/>), with the C#
    /// Prepare computing padding and per-channel multipliers from float scales as TFLM does.
    /// </summary>
    public class DepthwiseKernelEqualityTests
    {
        private const int Channels = 8;

        public DepthwiseKernelEqualityTests()
        {
            NativeApi.Require();
        }

        [Fact]
        public void TinyConvShapeEqualsTheCSharpReference()
        {
            var rng = new Random(49);
            int compared = 0;
            for (int trial = 0; trial < 60; trial++)
            {
                // The shipped model's input quantisation in half the trials, random otherwise.
                var input = trial % 2 == 0 ? new TensorQuantization(0.333097816f, 52) : RandomQuantization(rng);
                ConvParams p = Prepare(rng, new Shape4(1, 49, 40, 1), 10, 8, 2, 2, PaddingKind.Same, input);
                compared += CompareOnce(rng, p, withBias: true);
            }

            Assert.Equal(60 * 4000, compared);
        }

        [Fact]
        public void OtherShapesStridesAndPaddingsEqualTheCSharpReference()
        {
            var rng = new Random(1960);
            for (int trial = 0; trial < 400; trial++)
            {
                var shape = new Shape4(rng.Next(1, 3), rng.Next(1, 20), rng.Next(1, 20), 1);
                ConvParams p = Prepare(rng, shape, rng.Next(1, 7), rng.Next(1, 7), rng.Next(1, 4), rng.Next(1, 4),
                    rng.Next(2) == 0 ? PaddingKind.Same : PaddingKind.Valid, RandomQuantization(rng));
                if (p == null)
                {
                    continue; // VALID window larger than the input
                }

                CompareOnce(rng, p, withBias: rng.Next(4) != 0);
            }
        }

        [Fact]
        public void ComparisonDetectsAWrongMultiplier()
        {
            var rng = new Random(7);
            ConvParams p = Prepare(rng, new Shape4(1, 49, 40, 1), 10, 8, 2, 2, PaddingKind.Same, new TensorQuantization(0.333097816f, 52));
            var (x, w, b) = RandomTensors(rng, p);
            var expected = new sbyte[p.Output.FlatSize];
            DepthwiseConv2D.EvalReference(p, x, w, b, expected);
            int[] multipliers = (int[])p.OutputMultiplier.Clone();
            multipliers[3] += 1 << 20;
            sbyte[] actual = RunNative(p, x, w, b, multipliers);
            Assert.NotEqual(0, Differences(expected, actual));
        }

        private static int CompareOnce(Random rng, ConvParams p, bool withBias)
        {
            var (x, w, b) = RandomTensors(rng, p);
            if (!withBias)
            {
                b = Array.Empty<int>();
            }

            var expected = new sbyte[p.Output.FlatSize];
            DepthwiseConv2D.EvalReference(p, x, w, b, expected);
            sbyte[] actual = RunNative(p, x, w, b, p.OutputMultiplier);
            Assert.Equal(0, Differences(expected, actual));
            return expected.Length;
        }

        private static TensorQuantization RandomQuantization(Random rng)
            => new TensorQuantization((float)(0.01 + rng.NextDouble()), rng.Next(-128, 128));

        /// <summary>C# Prepare with random filter scales and output quantisation; null when the shape is impossible.</summary>
        private static ConvParams Prepare(Random rng, Shape4 input, int fh, int fw, int sh, int sw, PaddingKind padding, TensorQuantization inputQuantization)
        {
            if (padding == PaddingKind.Valid && (fh > input.Height || fw > input.Width))
            {
                return null;
            }

            var options = new ConvOptions
            {
                Padding = padding,
                StrideHeight = sh,
                StrideWidth = sw,
                DepthMultiplier = Channels,
                Activation = rng.Next(2) == 0 ? FusedActivation.Relu : FusedActivation.None,
            };
            var filterScales = new float[Channels];
            for (int c = 0; c < Channels; c++)
            {
                filterScales[c] = (float)(1e-4 + rng.NextDouble() * 1e-3);
            }

            var output = new TensorQuantization((float)(0.02 + rng.NextDouble() * 0.2), rng.Next(-128, 128));
            return DepthwiseConv2D.Prepare(options, input, new Shape4(1, fh, fw, Channels), inputQuantization, filterScales, output);
        }

        private static (sbyte[] Input, sbyte[] Filter, int[] Bias) RandomTensors(Random rng, ConvParams p)
        {
            var x = new sbyte[p.Input.FlatSize];
            var w = new sbyte[p.Filter.FlatSize];
            var b = new int[Channels];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = (sbyte)rng.Next(-128, 128);
            }

            for (int i = 0; i < w.Length; i++)
            {
                w[i] = (sbyte)rng.Next(-127, 128);
            }

            for (int i = 0; i < b.Length; i++)
            {
                b[i] = rng.Next(-20000, 20000);
            }

            return (x, w, b);
        }

        private static sbyte[] RunNative(ConvParams p, sbyte[] x, sbyte[] w, int[] b, int[] multipliers)
        {
            int[] parameters =
            {
                p.Input.Batches, p.Input.Height, p.Input.Width, p.Filter.Height, p.Filter.Width, p.Output.Height, p.Output.Width,
                p.StrideHeight, p.StrideWidth, p.Padding.Height, p.Padding.Width, p.InputOffset, p.OutputOffset, p.Activation.Min, p.Activation.Max,
            };
            var output = new sbyte[p.Output.FlatSize];
            int status = NativeApi.va_depthwise_conv_s8(parameters, parameters.Length, x, x.Length, w, w.Length, b.Length == 0 ? null : b,
                multipliers, p.OutputShift, output, output.Length);
            Assert.Equal(0, status);
            return output;
        }

        private static int Differences(sbyte[] a, sbyte[] b)
        {
            int n = 0;
            for (int i = 0; i < a.Length; i++)
            {
                n += a[i] != b[i] ? 1 : 0;
            }

            return n;
        }
    }
}

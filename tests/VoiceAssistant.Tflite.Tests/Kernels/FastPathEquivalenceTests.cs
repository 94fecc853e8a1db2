using System;
using VoiceAssistant.Tflite.Kernels;
using Xunit;
using FcKernel = VoiceAssistant.Tflite.Kernels.FullyConnected;

namespace VoiceAssistant.Tflite.Tests.Kernels
{
    /// <summary>
    /// The fast kernels against the straight reference ports on seeded random tensors and geometries (the
    /// reference ports themselves are pinned to TFLM by the golden and hand-verified tests).
    /// </summary>
    public class FastPathEquivalenceTests
    {
        public static TheoryData<int, int, int, int, int, int, int, int, PaddingKind, FusedActivation> DepthwiseGeometries()
        {
            // inH, inW, inD, multiplier, fh, fw, stride, dilation, padding, activation
            return new TheoryData<int, int, int, int, int, int, int, int, PaddingKind, FusedActivation>
            {
                { 49, 40, 1, 8, 10, 8, 2, 1, PaddingKind.Same, FusedActivation.Relu }, // micro_speech geometry
                { 7, 9, 1, 16, 3, 3, 1, 1, PaddingKind.Same, FusedActivation.None }, // register path, two blocks
                { 7, 9, 1, 5, 3, 3, 1, 1, PaddingKind.Same, FusedActivation.Relu6 }, // one input channel, odd width
                { 8, 8, 3, 2, 3, 3, 2, 1, PaddingKind.Same, FusedActivation.None }, // generic path
                { 8, 8, 4, 1, 5, 5, 1, 2, PaddingKind.Same, FusedActivation.ReluN1To1 }, // dilation
                { 9, 6, 2, 3, 3, 2, 3, 2, PaddingKind.Valid, FusedActivation.None }, // VALID, stride 3, dilation
                { 3, 3, 1, 8, 5, 5, 1, 1, PaddingKind.Same, FusedActivation.None }, // filter larger than input
                { 5, 5, 8, 1, 3, 3, 2, 1, PaddingKind.Valid, FusedActivation.Relu }, // multiplier 1
                { 9, 9, 1, 8, 3, 4, 2, 2, PaddingKind.Same, FusedActivation.None }, // pair path with dilation
                { 8, 10, 1, 16, 2, 6, 1, 1, PaddingKind.Same, FusedActivation.None }, // row-vector path, 8-byte read near the end falls back
                { 12, 12, 1, 8, 3, 2, 1, 1, PaddingKind.Valid, FusedActivation.Relu }, // row-vector path, narrow filter
            };
        }

        [Theory]
        [MemberData(nameof(DepthwiseGeometries))]
        public void DepthwiseFastEqualsReference(int inH, int inW, int inD, int mult, int fh, int fw, int stride, int dilation, PaddingKind padding, FusedActivation activation)
        {
            var rng = new Random(inH * 1000 + inW * 100 + inD * 10 + mult);
            int outD = inD * mult;
            for (int trial = 0; trial < 5; trial++)
            {
                var options = new ConvOptions { Padding = padding, StrideHeight = stride, StrideWidth = stride, DilationHeight = dilation, DilationWidth = dilation, DepthMultiplier = mult, Activation = activation };
                var scales = new float[outD];
                for (int c = 0; c < outD; c++)
                {
                    scales[c] = (float)(Math.Pow(2, rng.Next(-12, -4)) * (0.5 + rng.NextDouble()));
                }

                var inQ = new TensorQuantization((float)(0.02 + rng.NextDouble() * 0.2), rng.Next(-128, 128));
                var outQ = new TensorQuantization((float)(0.01 + rng.NextDouble() * 0.1), rng.Next(-128, 128));
                ConvParams p = DepthwiseConv2D.Prepare(options, new Shape4(2, inH, inW, inD), new Shape4(1, fh, fw, outD), inQ, scales, outQ);
                sbyte[] input = RandomBytes(rng, p.Input.FlatSize);
                sbyte[] filter = RandomBytes(rng, p.Filter.FlatSize);
                int[] bias = new int[outD];
                for (int c = 0; c < outD; c++)
                {
                    bias[c] = rng.Next(-20000, 20000);
                }

                var reference = new sbyte[p.Output.FlatSize];
                var fast = new sbyte[p.Output.FlatSize];
                ReadOnlySpan<int> biasOrNone = trial == 4 ? default : bias;
                DepthwiseConv2D.EvalReference(p, input, filter, biasOrNone, reference);
                DepthwiseConv2D.EvalFast(p, input, filter, biasOrNone, fast, new int[DepthwiseConv2D.FastScratchLength(p)]);
                Assert.Equal(reference, fast);
                Array.Clear(fast);
                DepthwiseConv2D.EvalFastCore(p, input, filter, biasOrNone, fast, new int[DepthwiseConv2D.FastScratchLength(p)], allowAvx2: false);
                Assert.Equal(reference, fast);
            }
        }

        [Theory]
        [InlineData(1, 4000, 4, false)]
        [InlineData(3, 37, 5, false)]
        [InlineData(2, 64, 3, true)]
        [InlineData(1, 95, 7, true)]
        [InlineData(4, 1, 2, false)]
        public void FullyConnectedFastEqualsReference(int batches, int depth, int outputs, bool perChannel)
        {
            var rng = new Random(batches * 7919 + depth * 31 + outputs);
            for (int trial = 0; trial < 10; trial++)
            {
                float[] scales = new float[perChannel ? outputs : 1];
                for (int c = 0; c < scales.Length; c++)
                {
                    scales[c] = (float)(Math.Pow(2, rng.Next(-12, -6)) * (0.5 + rng.NextDouble()));
                }

                // Include the extreme zero points -128 and 127 (input offsets 128 and -127).
                int inZp = trial == 0 || trial == 2 ? -128 : trial == 1 ? 127 : rng.Next(-128, 128);
                FullyConnectedParams p = FcKernel.Prepare(FusedActivation.None, batches, depth, outputs, new TensorQuantization(0.1f, inZp), scales, 0, new TensorQuantization((float)(0.05 + rng.NextDouble()), rng.Next(-128, 128)));
                sbyte[] input = RandomBytes(rng, batches * depth);
                sbyte[] filter = RandomBytes(rng, outputs * depth);
                if (trial == 2)
                {
                    // Extreme product: filter -128 times (127 + offset 128) = -32640 must not wrap the int16 lanes.
                    Array.Fill(filter, sbyte.MinValue);
                    Array.Fill(input, sbyte.MaxValue);
                }

                int[] bias = new int[outputs];
                for (int c = 0; c < outputs; c++)
                {
                    bias[c] = rng.Next(-50000, 50000);
                }

                var reference = new sbyte[batches * outputs];
                var fast = new sbyte[batches * outputs];
                FcKernel.EvalReference(p, input, filter, bias, reference);
                FcKernel.EvalFast(p, input, filter, bias, fast);
                Assert.Equal(reference, fast);
            }
        }

        [Fact]
        public void MicroSpeechChainFastEqualsReferenceOnFreshRandomInputs()
        {
            MicroSpeechModel m = MicroSpeechModel.Load(VoiceAssistant.TestSupport.SharedData.Require("golden/micro_speech/model_facts.json"));
            var rng = new Random(20261125);
            var reshaped = new sbyte[1960];
            var dw = new sbyte[4000];
            var logits = new sbyte[4];
            var output = new sbyte[4];
            var refDw = new sbyte[4000];
            var refLogits = new sbyte[4];
            var refOutput = new sbyte[4];
            var scratch = new int[m.ScratchLength];
            for (int trial = 0; trial < 50; trial++)
            {
                sbyte[] input = RandomBytes(rng, 1960);
                m.RunFast(input, reshaped, dw, logits, output, scratch);
                m.RunReference(input, refDw, refLogits, refOutput);
                Assert.Equal(refDw, dw);
                Assert.Equal(refLogits, logits);
                Assert.Equal(refOutput, output);
            }
        }

        private static sbyte[] RandomBytes(Random rng, int n)
        {
            var a = new sbyte[n];
            for (int i = 0; i < n; i++)
            {
                a[i] = (sbyte)rng.Next(-128, 128);
            }

            return a;
        }
    }
}

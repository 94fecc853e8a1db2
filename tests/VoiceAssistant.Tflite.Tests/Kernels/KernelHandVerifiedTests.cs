using VoiceAssistant.Tflite.Kernels;
using Xunit;
using FcKernel = VoiceAssistant.Tflite.Kernels.FullyConnected;
using SoftmaxKernel = VoiceAssistant.Tflite.Kernels.Softmax;

namespace VoiceAssistant.Tflite.Tests.Kernels
{
    /// <summary>
    /// Small tensors worked out on paper from the reference kernels' definitions. Scales are chosen so the
    /// multipliers are exact powers of two: 0.5 = (2^30, 0), 0.25 = (2^30, -1).
    /// </summary>
    public class KernelHandVerifiedTests
    {
        private static readonly TensorQuantization Unit = new TensorQuantization(1f, 0);

        [Fact]
        public void DepthwiseSameStride2WithBorderTapsAndZeroPoints()
        {
            // Input 1x3x3x1, zero point 1 (offset -1); stored values are x + 1 for x = [[1,2,3],[4,5,6],[7,8,9]].
            sbyte[] input = { 2, 3, 4, 5, 6, 7, 8, 9, 10 };
            // Filter [1,2,2,2] (depth multiplier 2): ch0 = [[1,0],[0,1]], ch1 = all ones; layout [fy][fx][c].
            sbyte[] filter = { 1, 1, 0, 1, 0, 1, 1, 1 };
            int[] bias = { 10, -4 };
            // SAME, stride 2: out 2x2; total padding (2-1)*2 + 2 - 3 = 1 -> top/left 0, extra row/col at the end.
            var options = new ConvOptions { Padding = PaddingKind.Same, StrideHeight = 2, StrideWidth = 2, DepthMultiplier = 2 };
            ConvParams p = DepthwiseConv2D.Prepare(options, new Shape4(1, 3, 3, 1), new Shape4(1, 2, 2, 2), new TensorQuantization(1f, 1), new[] { 0.5f, 0.25f }, new TensorQuantization(1f, -3));
            Assert.Equal(new PaddingValues(0, 0, 1, 1), p.Padding);
            Assert.Equal(new[] { 1073741824, 1073741824 }, p.OutputMultiplier);
            Assert.Equal(new[] { 0, -1 }, p.OutputShift);

            // (0,0): window x 1,2 / 4,5. ch0 = 1 + 5 + 10 = 16 -> 8 -> 8 - 3 = 5. ch1 = 12 - 4 = 8 -> 2 -> -1.
            // (0,1): column 3 is padding; x 3 / 6. ch0 = 3 + 10 = 13 -> 6.5 -> 7 -> 4. ch1 = 9 - 4 = 5 -> high mul
            //        (5 * 0.5 = 2.5 -> 3) then /2 = 1.5 -> 2 -> -1.
            // (1,0): row 3 is padding; x 7, 8. ch0 = 7 + 10 = 17 -> 9 -> 6. ch1 = 15 - 4 = 11 -> 6 -> 3 -> 0.
            // (1,1): only x 9. ch0 = 19 -> 10 -> 7. ch1 = 5 -> 3 -> 2 -> -1.
            sbyte[] expected = { 5, -1, 4, -1, 6, 0, 7, -1 };
            var reference = new sbyte[8];
            var fast = new sbyte[8];
            DepthwiseConv2D.EvalReference(p, input, filter, bias, reference);
            DepthwiseConv2D.EvalFast(p, input, filter, bias, fast, new int[DepthwiseConv2D.FastScratchLength(p)]);
            Assert.Equal(expected, reference);
            Assert.Equal(expected, fast);
        }

        [Fact]
        public void DepthwiseWithoutBiasSaturatesAndClampsRelu6()
        {
            // 1x1x1x2 input, 1x1 filter, multiplier 1: out[c] = x[c] * f[c] * 0.5 (input 1, filter 0.5, output 1).
            // ch0: 127 * 127 * 0.5 = 8064.5 -> 8065 -> RELU6 max quantize(6) = 6. ch1: 127 * -128 * 0.5 = -8128 -> 0.
            var options = new ConvOptions { Padding = PaddingKind.Valid, Activation = FusedActivation.Relu6 };
            ConvParams p = DepthwiseConv2D.Prepare(options, new Shape4(1, 1, 1, 2), new Shape4(1, 1, 1, 2), Unit, new[] { 0.5f }, Unit);
            Assert.Equal(new ActivationRange(0, 6).Max, p.Activation.Max);
            var output = new sbyte[2];
            DepthwiseConv2D.EvalReference(p, new sbyte[] { 127, 127 }, new sbyte[] { 127, -128 }, default, output);
            Assert.Equal(new sbyte[] { 6, 0 }, output);
            DepthwiseConv2D.EvalFast(p, new sbyte[] { 127, 127 }, new sbyte[] { 127, -128 }, default, output, new int[DepthwiseConv2D.FastScratchLength(p)]);
            Assert.Equal(new sbyte[] { 6, 0 }, output);
        }

        [Fact]
        public void Conv2DHandVerifiedValidRelu6PerChannel()
        {
            // Input 1x2x2x2, zero point 1: x (h,w,c) = (0,0):[1,-1] (0,1):[2,0] (1,0):[3,1] (1,1):[4,2], stored x + 1.
            sbyte[] input = { 2, 0, 3, 1, 4, 2, 5, 3 };
            // Three output channels of a 2x2x2 filter, layout [oc][fy][fx][ic].
            sbyte[] filter =
            {
                1, 2, 3, -1, 0, 1, 2, 1, // oc0
                5, 5, 5, 5, 5, 5, 5, 5, // oc1
                -1, -1, -1, -1, -1, -1, -1, -1, // oc2
            };
            int[] bias = { 4, 0, 0 };
            var options = new ConvOptions { Padding = PaddingKind.Valid, Activation = FusedActivation.Relu6 };
            // input 0.5 * filter 0.5 / output 1 = 0.25 = (2^30, -1) on every channel.
            ConvParams p = Conv2D.Prepare(options, new Shape4(1, 2, 2, 2), new Shape4(3, 2, 2, 2), new TensorQuantization(0.5f, 1), new[] { 0.5f, 0.5f, 0.5f }, Unit);
            Assert.Equal(new Shape4(1, 1, 1, 3), p.Output);
            Assert.Equal(new[] { -1, -1, -1 }, p.OutputShift);
            // oc0: 1 - 2 + 6 + 0 + 0 + 1 + 8 + 2 = 16, + 4 = 20 -> 5.
            // oc1: 5 * (1 - 1 + 2 + 0 + 3 + 1 + 4 + 2) = 60 -> 15 -> RELU6 (scale 1) clamps to 6.
            // oc2: -12 -> -3 -> clamps to 0.
            var output = new sbyte[3];
            Conv2D.Eval(p, input, filter, bias, output);
            Assert.Equal(new sbyte[] { 5, 6, 0 }, output);
        }

        [Fact]
        public void Conv2DHandVerifiedSamePaddingStride2Dilation()
        {
            // Input 1x3x3x1 values 1..9 (zero point 0), one 2x2 filter of ones with dilation 2, SAME, stride 2:
            // out ceil(3/2) = 2; effective filter 3; total (2-1)*2 + 3 - 3 = 2 -> pad 1 before.
            // (0,0): origin (-1,-1), taps at rows -1,1 and cols -1,1 -> only (1,1) = 5.
            // (0,1): origin (-1,1): rows -1,1 cols 1,3 -> only (1,1) = 5.
            // (1,0): origin (1,-1): rows 1,3 cols -1,1 -> (1,1) = 5.
            // (1,1): origin (1,1): (1,1) = 5 only. Multiplier 1/4 = (2^30, -1): the high multiply gives 2.5 -> 3,
            // the rounding shift 3/2 = 1.5 -> 2 (double rounding; the exact 1.25 would round to 1), + zp 7 = 9.
            sbyte[] input = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
            var options = new ConvOptions { Padding = PaddingKind.Same, StrideHeight = 2, StrideWidth = 2, DilationHeight = 2, DilationWidth = 2 };
            ConvParams p = Conv2D.Prepare(options, new Shape4(1, 3, 3, 1), new Shape4(1, 2, 2, 1), new TensorQuantization(0.5f, 0), new[] { 0.5f }, new TensorQuantization(1f, 7));
            Assert.Equal(new PaddingValues(1, 1, 0, 0), p.Padding);
            var output = new sbyte[4];
            Conv2D.Eval(p, input, new sbyte[] { 1, 1, 1, 1 }, default, output);
            Assert.Equal(new sbyte[] { 9, 9, 9, 9 }, output);
        }

        [Fact]
        public void Conv2DHandVerifiedSaturatesToInt8()
        {
            // 1x1 conv, one channel: 100 * 100 * (1 * 1 / 1) = 10000 -> clamps to 127; -10000 -> -128.
            ConvParams p = Conv2D.Prepare(new ConvOptions { Padding = PaddingKind.Valid }, new Shape4(1, 1, 2, 1), new Shape4(1, 1, 1, 1), Unit, new[] { 1f }, Unit);
            var output = new sbyte[2];
            Conv2D.Eval(p, new sbyte[] { 100, -100 }, new sbyte[] { 100 }, default, output);
            Assert.Equal(new sbyte[] { 127, -128 }, output);
        }

        [Fact]
        public void FullyConnectedPerChannelHandVerified()
        {
            // Input zero point -1: stored [0,1,2] -> x + 1 = [1,2,3]. Filter rows [1,1,1] and [2,-1,0], bias [0,5].
            // Multipliers 1 * [0.5, 0.25] / 1. Row 0: 6 -> 3 -> +3 = 6. Row 1: 2 - 2 + 0 + 5 = 5 -> 0.25: high mul
            // 2.5 -> 3, /2 = 1.5 -> 2 -> +3 = 5.
            FullyConnectedParams p = FcKernel.Prepare(FusedActivation.None, 1, 3, 2, new TensorQuantization(1f, -1), new[] { 0.5f, 0.25f }, 0, new TensorQuantization(1f, 3));
            Assert.True(p.IsPerChannel);
            Assert.Equal(new[] { 0, -1 }, p.PerChannelShift);
            sbyte[] input = { 0, 1, 2 };
            sbyte[] filter = { 1, 1, 1, 2, -1, 0 };
            int[] bias = { 0, 5 };
            var reference = new sbyte[2];
            var fast = new sbyte[2];
            FcKernel.EvalReference(p, input, filter, bias, reference);
            FcKernel.EvalFast(p, input, filter, bias, fast);
            Assert.Equal(new sbyte[] { 6, 5 }, reference);
            Assert.Equal(new sbyte[] { 6, 5 }, fast);
        }

        [Fact]
        public void FullyConnectedPerTensorAppliesFilterOffsetAndRelu()
        {
            // Filter zero point 1 -> filter offset -1 (applied only per tensor). Two batches of two inputs.
            // Batch 0 x [2,3], filter row [3,1] -> (2)*2 + (0)*3 = 4 -> *0.5 = 2. Batch 1 x [-4,1] -> 2*-4 + 0 = -8
            // -> -4 -> RELU with zp 0 clamps to 0.
            FullyConnectedParams p = FcKernel.Prepare(FusedActivation.Relu, 2, 2, 1, new TensorQuantization(0.5f, 0), new[] { 1f }, 1, Unit);
            Assert.False(p.IsPerChannel);
            Assert.Equal(-1, p.FilterOffset);
            Assert.Equal(1073741824, p.OutputMultiplier);
            Assert.Equal(0, p.OutputShift);
            var output = new sbyte[2];
            FcKernel.EvalReference(p, new sbyte[] { 2, 3, -4, 1 }, new sbyte[] { 3, 1 }, default, output);
            Assert.Equal(new sbyte[] { 2, 0 }, output);
            FcKernel.EvalFast(p, new sbyte[] { 2, 3, -4, 1 }, new sbyte[] { 3, 1 }, default, output);
            Assert.Equal(new sbyte[] { 2, 0 }, output);
        }

        [Fact]
        public void SoftmaxOfEqualValuesIsOneQuarter()
        {
            // All differences 0 -> exp = Q0.31 max; rescaled to Q12.19 that is 2^19; sum 2^21 has 10 leading zeros so
            // num_bits_over_unit = 12 - 10 = 2, normalised sum is exactly 1.0 -> reciprocal ~1.0 (Q0.31). Output =
            // round(1.0 * 1.0 / 2^(2 + 23)) in units of 2^-31... = 2^31 / 2^25 = 64 -> 64 - 128 = -64 (0.25).
            SoftmaxParams p = SoftmaxKernel.Prepare(1f, 0.0917319208f, new TensorQuantization(1f / 256, -128));
            var output = new sbyte[4];
            SoftmaxKernel.Eval(p, new sbyte[] { 5, 5, 5, 5 }, output, 1, 4);
            Assert.Equal(new sbyte[] { -64, -64, -64, -64 }, output);
        }

        [Fact]
        public void SoftmaxSingleElementSaturatesAndFarValuesAreMinusOneTwentyEight()
        {
            // Input scale 0.0917319208 gives multiplier 1575942400, shift 23, diff_min -248 (as the golden model).
            // [127, -128]: the second difference -255 < -248 is skipped (-128); the sum is exp(0) alone = 2^19 in
            // Q12.19, num_bits_over_unit 0, output 2^31 / 2^23 = 256 -> 256 - 128 = 128 -> clamps to 127.
            SoftmaxParams p = SoftmaxKernel.Prepare(1f, 0.0917319208f, new TensorQuantization(1f / 256, -128));
            Assert.Equal(-248, p.DiffMin);
            var output = new sbyte[2];
            SoftmaxKernel.Eval(p, new sbyte[] { 127, -128 }, output, 1, 2);
            Assert.Equal(new sbyte[] { 127, -128 }, output);
        }

        [Fact]
        public void SoftmaxRejectsOtherOutputQuantisation()
        {
            Assert.Throws<ModelException>(() => SoftmaxKernel.Prepare(1f, 0.1f, new TensorQuantization(1f / 128, -128)));
        }

        [Fact]
        public void SoftmaxDiffMinFollowsTheInputRadius()
        {
            // CalculateInputRadius(5, shift) = floor(31 * 2^26 / 2^shift): shift 23 -> 248, shift 26 -> 31.
            Assert.Equal(248, SoftmaxKernel.CalculateInputRadius(5, 23, 31));
            Assert.Equal(31, SoftmaxKernel.CalculateInputRadius(5, 26, 31));
        }

        [Fact]
        public void AveragePoolHandVerifiedSameStride2()
        {
            // 3x3 input, 2x2 window, stride 2, SAME -> 2x2 out, total padding 1 -> extra row/col at the end.
            // Windows: {1,2,4,5} = 12/4 = 3; {3,6} = 9/2 = 4.5 -> 5; {7,8} = 15/2 = 7.5 -> 8; {9} = 9.
            PoolParams p = Pooling.Prepare(PaddingKind.Same, 2, 2, 2, 2, FusedActivation.None, new Shape4(1, 3, 3, 1), Unit, Unit);
            var output = new sbyte[4];
            Assert.True(Pooling.AveragePool(p, new sbyte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, output));
            Assert.Equal(new sbyte[] { 3, 5, 8, 9 }, output);

            // Negatives round half away from zero: -12/4 = -3; -9/2 = -4.5 -> -5; -15/2 -> -8; -9.
            Assert.True(Pooling.AveragePool(p, new sbyte[] { -1, -2, -3, -4, -5, -6, -7, -8, -9 }, output));
            Assert.Equal(new sbyte[] { -3, -5, -8, -9 }, output);
        }

        [Fact]
        public void AveragePoolHandVerifiedLeadingPaddingAndRelu()
        {
            // 2x2 input, 3x3 window, stride 1, SAME: total padding 2 -> 1 before. Every window covers all four
            // values (padding never counts): (-1 - 2 - 3 + 1) / 4 = -5/4 = -1.25 -> (-5 - 2) / 4 = -1 -> RELU (zp 0) -> 0;
            // with zero point -2, RELU's floor is -2 and -1 survives.
            sbyte[] input = { -1, -2, -3, 1 };
            PoolParams relu = Pooling.Prepare(PaddingKind.Same, 1, 1, 3, 3, FusedActivation.Relu, new Shape4(1, 2, 2, 1), Unit, Unit);
            Assert.Equal(new PaddingValues(1, 1, 0, 0), relu.Padding);
            var output = new sbyte[4];
            Assert.True(Pooling.AveragePool(relu, input, output));
            Assert.Equal(new sbyte[] { 0, 0, 0, 0 }, output);
            var zp = new TensorQuantization(1f, -2);
            PoolParams shifted = Pooling.Prepare(PaddingKind.Same, 1, 1, 3, 3, FusedActivation.Relu, new Shape4(1, 2, 2, 1), zp, zp);
            Assert.True(Pooling.AveragePool(shifted, input, output));
            Assert.Equal(new sbyte[] { -1, -1, -1, -1 }, output);
        }

        [Fact]
        public void MaxPoolHandVerifiedSameStride2TwoChannels()
        {
            // Two channels interleaved: ch0 = 1..9, ch1 = -(1..9). Windows as in the average test.
            // ch0 max: 5, 6, 8, 9. ch1 max: -1, -3, -7, -9.
            var input = new sbyte[18];
            for (int i = 0; i < 9; i++)
            {
                input[2 * i] = (sbyte)(i + 1);
                input[2 * i + 1] = (sbyte)-(i + 1);
            }

            PoolParams p = Pooling.Prepare(PaddingKind.Same, 2, 2, 2, 2, FusedActivation.None, new Shape4(1, 3, 3, 2), Unit, Unit);
            var output = new sbyte[8];
            Pooling.MaxPool(p, input, output);
            Assert.Equal(new sbyte[] { 5, -1, 6, -3, 8, -7, 9, -9 }, output);
        }

        [Fact]
        public void MaxPoolHandVerifiedRelu6Clamp()
        {
            // Scale 0.5, zp 0: RELU6 range [0, 12]. Window max 20 -> 12; max -5 -> 0.
            var q = new TensorQuantization(0.5f, 0);
            PoolParams p = Pooling.Prepare(PaddingKind.Valid, 1, 1, 1, 2, FusedActivation.Relu6, new Shape4(1, 1, 4, 1), q, q);
            var output = new sbyte[3];
            Pooling.MaxPool(p, new sbyte[] { 20, 3, -5, -6 }, output);
            Assert.Equal(new sbyte[] { 12, 3, 0 }, output);
        }

        [Fact]
        public void PoolRejectsRequantisation()
        {
            Assert.Throws<ModelException>(() => Pooling.Prepare(PaddingKind.Valid, 1, 1, 1, 1, FusedActivation.None, new Shape4(1, 1, 1, 1), Unit, new TensorQuantization(1f, 1)));
        }

        [Fact]
        public void ReshapeInfersOneDimensionAndCopies()
        {
            Assert.Equal(new[] { 2, 3 }, Reshape.ResolveShape(6, new[] { -1, 3 }));
            Assert.Throws<ModelException>(() => Reshape.ResolveShape(6, new[] { -1, -1 }));
            Assert.Throws<ModelException>(() => Reshape.ResolveShape(6, new[] { 4 }));
            var output = new sbyte[3];
            Reshape.Eval(new sbyte[] { 1, -2, 3 }, output);
            Assert.Equal(new sbyte[] { 1, -2, 3 }, output);
        }
    }
}

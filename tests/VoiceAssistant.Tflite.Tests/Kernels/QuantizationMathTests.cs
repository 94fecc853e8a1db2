using System;
using VoiceAssistant.Tflite.Kernels;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Kernels
{
    /// <summary>Values worked out by hand from the definitions (frexp, VQRDMULH rounding, rounding shift).</summary>
    public class QuantizationMathTests
    {
        [Theory]
        // 0 is special-cased to (0, 0).
        [InlineData(0.0, 0, 0)]
        // 0.5 = 0.5 * 2^0 -> 0.5 * 2^31 = 2^30.
        [InlineData(0.5, 1073741824, 0)]
        // 1.0 = 0.5 * 2^1.
        [InlineData(1.0, 1073741824, 1)]
        // 0.75 = 0.75 * 2^0 -> 0.75 * 2^31 = 1610612736.
        [InlineData(0.75, 1610612736, 0)]
        // 3 = 0.75 * 2^2.
        [InlineData(3.0, 1610612736, 2)]
        // -0.75: frexp keeps the sign, so the significand is negative.
        [InlineData(-0.75, -1610612736, 0)]
        // 2^40 = 0.5 * 2^41: large shifts are kept in the double-rounding build.
        [InlineData(1099511627776.0, 1073741824, 41)]
        // 2^-32 = 0.5 * 2^-31: the smallest shift that survives.
        [InlineData(2.3283064365386963e-10, 1073741824, -31)]
        // 2^-33 = 0.5 * 2^-32: shift below -31 flushes to (0, 0).
        [InlineData(1.1641532182693481e-10, 0, 0)]
        // Smallest subnormal: frexp gives exponent -1073, flushed to (0, 0).
        [InlineData(double.Epsilon, 0, 0)]
        // 1/3 = 0.6666.. * 2^-1 -> round(0.6666.. * 2^31) = round(1431655765.33) = 1431655765.
        [InlineData(1.0 / 3.0, 1431655765, -1)]
        public void QuantizeMultiplierMatchesHandValues(double real, int multiplier, int shift)
        {
            QuantizedMultiplier q = QuantizationMath.QuantizeMultiplier(real);
            Assert.Equal(multiplier, q.Multiplier);
            Assert.Equal(shift, q.Shift);
        }

        [Fact]
        public void SignificandRoundingUpToTwoPow31IsHalvedAndShiftIncremented()
        {
            // 1 - 2^-40 = (1 - 2^-40) * 2^0; * 2^31 = 2^31 - 2^-9, which rounds to 2^31, so TFLite halves it to
            // 2^30 and bumps the shift to 1 (i.e. the value is represented as 1.0).
            double real = 1.0 - Math.Pow(2, -40);
            QuantizedMultiplier q = QuantizationMath.QuantizeMultiplier(real);
            Assert.Equal(1073741824, q.Multiplier);
            Assert.Equal(1, q.Shift);
        }

        [Fact]
        public void NonFiniteMultipliersAreRejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => QuantizationMath.QuantizeMultiplier(double.NaN));
            Assert.Throws<ArgumentOutOfRangeException>(() => QuantizationMath.QuantizeMultiplier(double.PositiveInfinity));
        }

        [Theory]
        [InlineData(0.0, 0.0, 0)]
        [InlineData(1.0, 0.5, 1)]
        [InlineData(6.0, 0.75, 3)]
        [InlineData(-6.0, -0.75, 3)]
        [InlineData(0.1, 0.8, -3)]
        [InlineData(4.9406564584124654e-324, 0.5, -1073)]
        public void FrexpMatchesC(double value, double fraction, int exponent)
        {
            Assert.Equal(fraction, QuantizationMath.Frexp(value, out int e), 15);
            Assert.Equal(exponent, e);
        }

        [Theory]
        // 2^30 * 2^30 / 2^31 = 2^29 exactly.
        [InlineData(1073741824, 1073741824, 536870912)]
        // MIN * MIN saturates.
        [InlineData(int.MinValue, int.MinValue, int.MaxValue)]
        // 3 * 2^30 / 2^31 = 1.5: nudge +2^30 gives exactly 2^32 / 2^31 = 2.
        [InlineData(3, 1073741824, 2)]
        // -3 * 2^30 / 2^31 = -1.5: nudge is 1 - 2^30, (-2^32 + 1) / 2^31 truncates to -1 (ties go up).
        [InlineData(-3, 1073741824, -1)]
        // -1 * 1 / 2^31 rounds to 0.
        [InlineData(-1, 1, 0)]
        public void SaturatingRoundingDoublingHighMulMatchesHandValues(int a, int b, int expected)
        {
            Assert.Equal(expected, QuantizationMath.SaturatingRoundingDoublingHighMul(a, b));
        }

        [Theory]
        [InlineData(5, 1, 3)] // 2.5 -> 3
        [InlineData(-5, 1, -3)] // -2.5 -> -3 (away from zero)
        [InlineData(7, 2, 2)] // 1.75 -> 2
        [InlineData(6, 2, 2)] // 1.5 -> 2
        [InlineData(-6, 2, -2)] // -1.5 -> -2
        [InlineData(-7, 2, -2)] // -1.75 -> -2
        [InlineData(-5, 2, -1)] // -1.25 -> -1
        [InlineData(123, 0, 123)]
        [InlineData(int.MaxValue, 31, 1)] // (2^31 - 1) / 2^31 -> 1
        public void RoundingDivideByPOTMatchesHandValues(int x, int exponent, int expected)
        {
            Assert.Equal(expected, QuantizationMath.RoundingDivideByPOT(x, exponent));
        }

        [Theory]
        // 100 * 0.5 = 50.
        [InlineData(100, 1073741824, 0, 50)]
        // 100 * 0.5 / 4 = 12.5 -> 13.
        [InlineData(100, 1073741824, -2, 13)]
        // 100 * 2 (left shift first) * 0.5 = 100.
        [InlineData(100, 1073741824, 1, 100)]
        // -100 * 0.5: high mul gives -50 (-50.4999 truncated), then -50 / 8 = -6.25 -> -6.
        [InlineData(-100, 1073741824, -3, -6)]
        // Negative multiplier: 100 * -0.5 = -50.
        [InlineData(100, -1073741824, 0, -50)]
        public void MultiplyByQuantizedMultiplierMatchesHandValues(int x, int multiplier, int shift, int expected)
        {
            Assert.Equal(expected, QuantizationMath.MultiplyByQuantizedMultiplier(x, multiplier, shift));
        }

        [Fact]
        public void DoubleRoundingDiffersFromSingleRoundingWhereTflmSaysItShould()
        {
            // x = 3, multiplier 2^30 (0.5), shift -1: exact value 0.75. Double rounding: high mul 1.5 -> 2, then
            // 2 / 2 = 1. Single rounding would give round(0.75) = 1 as well, so use x = 5, shift -2: exact 0.625;
            // high mul 2.5 -> 3, then 3 / 4 = 0.75 -> 1 (single rounding: round(0.625) = 1). And x = -3, shift -1:
            // exact -0.75; high mul -1.5 -> -1, then -1 / 2 = -0.5 -> -1 (away from zero).
            Assert.Equal(1, QuantizationMath.MultiplyByQuantizedMultiplier(5, 1073741824, -2));
            Assert.Equal(-1, QuantizationMath.MultiplyByQuantizedMultiplier(-3, 1073741824, -1));
        }

        [Theory]
        // NONE: the int8 range.
        [InlineData(FusedActivation.None, 0.1f, 10, -128, 127)]
        // RELU: quantize(0) = zp = 10.
        [InlineData(FusedActivation.Relu, 0.1f, 10, 10, 127)]
        // RELU with zp -200 (below int8): max(-128, -200).
        [InlineData(FusedActivation.Relu, 0.1f, -200, -128, 127)]
        // RELU6: 6 / 0.1f = 59.9999991 in double, 60.0f in float -> 60 + 10 = 70.
        [InlineData(FusedActivation.Relu6, 0.1f, 10, 10, 70)]
        // RELU6 whose 6.0 is above int8: 6 / 0.01f = 600 -> min(127, 600 - 128).
        [InlineData(FusedActivation.Relu6, 0.01f, -128, -128, 127)]
        // RELU_N1_TO_1: -1 / 0.5 = -2, 1 / 0.5 = 2.
        [InlineData(FusedActivation.ReluN1To1, 0.5f, 0, -2, 2)]
        // Float division then half away from zero: 1 / 0.4f is 2.49999996 in double but rounds to exactly 2.5f
        // (float spacing there is 2.4e-7), so it quantises to 3 and -1 to -3: [3 - 3, 3 + 3].
        [InlineData(FusedActivation.ReluN1To1, 0.4f, 3, 0, 6)]
        public void ActivationRangeMatchesHandValues(FusedActivation activation, float scale, int zeroPoint, int min, int max)
        {
            ActivationRange r = QuantizationMath.CalculateActivationRangeQuantized(activation, scale, zeroPoint);
            Assert.Equal(min, r.Min);
            Assert.Equal(max, r.Max);
        }

        [Fact]
        public void UnsupportedActivationIsAModelError()
        {
            Assert.Throws<ModelException>(() => QuantizationMath.CalculateActivationRangeQuantized(FusedActivation.Tanh, 1f, 0));
        }
    }
}

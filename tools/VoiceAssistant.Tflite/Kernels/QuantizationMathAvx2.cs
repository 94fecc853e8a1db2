using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>
    /// Eight-lane AVX2 version of <see cref="QuantizationMath.MultiplyByQuantizedMultiplier"/> with a multiplier and
    /// shift per lane. Every step reproduces the scalar integer arithmetic exactly (wrapping left shift, doubling
    /// high multiply with the asymmetric nudge and truncating division, rounding right shift).
    /// </summary>
    internal static class QuantizationMathAvx2
    {
        /// <summary>Lane-wise MultiplyByQuantizedMultiplier. Callers must check <see cref="Avx2.IsSupported"/>.</summary>
        /// <param name="x">Accumulators.</param>
        /// <param name="multiplier">Q0.31 significands.</param>
        /// <param name="shift">Shifts, negative for right shifts (in [-31, 31]).</param>
        /// <returns>The requantised lanes.</returns>
        public static Vector256<int> MultiplyByQuantizedMultiplier(Vector256<int> x, Vector256<int> multiplier, Vector256<int> shift)
        {
            Vector256<int> zero = Vector256<int>.Zero;
            Vector256<int> leftShift = Avx2.Max(shift, zero);
            Vector256<int> rightShift = Avx2.Subtract(leftShift, shift); // max(-shift, 0)
            Vector256<int> a = Avx2.ShiftLeftLogicalVariable(x, leftShift.AsUInt32());
            return RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(a, multiplier), rightShift);
        }

        /// <summary>Lane-wise SaturatingRoundingDoublingHighMul.</summary>
        /// <param name="a">First operands.</param>
        /// <param name="b">Second operands.</param>
        /// <returns>round(a * b / 2^31) per lane, MIN * MIN saturating to MAX.</returns>
        public static Vector256<int> SaturatingRoundingDoublingHighMul(Vector256<int> a, Vector256<int> b)
        {
            // Even lanes: VPMULDQ multiplies the low (signed) 32 bits of each 64-bit lane.
            Vector256<long> even = Avx2.Multiply(a, b);
            Vector256<long> odd = Avx2.Multiply(Avx2.ShiftRightLogical(a.AsInt64(), 32).AsInt32(), Avx2.ShiftRightLogical(b.AsInt64(), 32).AsInt32());
            Vector256<int> evenHigh = HighBits(even);
            Vector256<int> oddHigh = HighBits(odd);
            // Even results sit in the low halves, odd results are moved into the high halves.
            Vector256<int> result = Avx2.Blend(evenHigh, Avx2.ShiftLeftLogical(oddHigh.AsInt64(), 32).AsInt32(), 0b10101010);
            Vector256<int> min = Vector256.Create(int.MinValue);
            Vector256<int> overflow = Avx2.And(Avx2.CompareEqual(a, min), Avx2.CompareEqual(b, min));
            return Avx2.BlendVariable(result, Vector256.Create(int.MaxValue), overflow);
        }

        /// <summary>Lane-wise RoundingDivideByPOT with a per-lane exponent in [0, 31].</summary>
        /// <param name="x">Values.</param>
        /// <param name="exponent">Exponents.</param>
        /// <returns>Rounded quotients (ties away from zero).</returns>
        public static Vector256<int> RoundingDivideByPOT(Vector256<int> x, Vector256<int> exponent)
        {
            Vector256<int> one = Vector256.Create(1);
            Vector256<int> mask = Avx2.Subtract(Avx2.ShiftLeftLogicalVariable(one, exponent.AsUInt32()), one);
            Vector256<int> remainder = Avx2.And(x, mask);
            Vector256<int> negative = Avx2.CompareGreaterThan(Vector256<int>.Zero, x);
            Vector256<int> threshold = Avx2.Add(Avx2.ShiftRightArithmetic(mask, 1), Avx2.And(negative, one));
            Vector256<int> roundUp = Avx2.And(Avx2.CompareGreaterThan(remainder, threshold), one);
            return Avx2.Add(Avx2.ShiftRightArithmeticVariable(x, exponent.AsUInt32()), roundUp);
        }

        /// <summary>
        /// (p + nudge) / 2^31 truncated toward zero, as int32 in the low half of each 64-bit lane. Truncation of a
        /// negative value equals flooring (p + nudge + 2^31 - 1); bits 31..62 of that sum are the answer, and a
        /// logical shift delivers those bits just as an arithmetic one would.
        /// </summary>
        private static Vector256<int> HighBits(Vector256<long> product)
        {
            Vector256<long> negative = Avx2.CompareGreaterThan(Vector256<long>.Zero, product);
            Vector256<long> positiveNudge = Vector256.Create(1L << 30);
            // The nudge depends on the product's sign; the truncation bias on the nudged sum's sign.
            Vector256<long> nudged = Avx2.Add(product, Avx2.BlendVariable(positiveNudge, Vector256.Create(1L - (1L << 30)), negative));
            Vector256<long> nudgedNegative = Avx2.CompareGreaterThan(Vector256<long>.Zero, nudged);
            Vector256<long> biased = Avx2.Add(nudged, Avx2.And(nudgedNegative, Vector256.Create((1L << 31) - 1)));
            return Avx2.ShiftRightLogical(biased, 31).AsInt32();
        }
    }
}

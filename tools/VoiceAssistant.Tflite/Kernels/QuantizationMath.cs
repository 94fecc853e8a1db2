using System;

namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>A real multiplier encoded as TFLite does: a Q0.31 significand and a power-of-two exponent.</summary>
    public readonly struct QuantizedMultiplier
    {
        /// <summary>Creates the pair.</summary>
        /// <param name="multiplier">Q0.31 significand (|value| in [2^30, 2^31) unless zero).</param>
        /// <param name="shift">Power-of-two exponent; negative means a right shift.</param>
        public QuantizedMultiplier(int multiplier, int shift)
        {
            Multiplier = multiplier;
            Shift = shift;
        }

        /// <summary>Q0.31 significand.</summary>
        public int Multiplier { get; }

        /// <summary>Exponent: real value = Multiplier / 2^31 * 2^Shift. Negative means a right shift.</summary>
        public int Shift { get; }

        /// <inheritdoc />
        public override string ToString() => Multiplier + " * 2^" + Shift;
    }

    /// <summary>
    /// TFLite's integer requantisation arithmetic (quantization_util.cc, common.h and gemmlowp's scalar
    /// primitives), in the build TFLM uses by default: double rounding (TFLITE_SINGLE_ROUNDING off) and
    /// std::frexp based multiplier quantisation.
    /// </summary>
    public static class QuantizationMath
    {
        /// <summary>
        /// Splits a double into a fraction in [0.5, 1) (sign kept) and a power of two, as C's frexp does.
        /// Zero gives (0, 0). Subnormals are normalised. Infinity and NaN are returned as is with exponent 0.
        /// </summary>
        /// <param name="value">The value to split.</param>
        /// <param name="exponent">value = fraction * 2^exponent.</param>
        /// <returns>The fraction.</returns>
        public static double Frexp(double value, out int exponent)
        {
            exponent = 0;
            if (value == 0.0 || double.IsNaN(value) || double.IsInfinity(value))
            {
                return value;
            }

            long bits = BitConverter.DoubleToInt64Bits(value);
            int biased = (int)((bits >> 52) & 0x7FF);
            if (biased == 0)
            {
                // Subnormal: scale into the normal range first so the exponent field is meaningful.
                value *= 18014398509481984.0; // 2^54
                bits = BitConverter.DoubleToInt64Bits(value);
                biased = (int)((bits >> 52) & 0x7FF);
                exponent = -54;
            }

            exponent += biased - 1022;
            bits = (bits & ~(0x7FFL << 52)) | (1022L << 52);
            return BitConverter.Int64BitsToDouble(bits);
        }

        /// <summary>TfLiteRound: round half away from zero.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The rounded value.</returns>
        public static double Round(double value) => Math.Round(value, MidpointRounding.AwayFromZero);

        /// <summary>TfLiteRound on float: round half away from zero in single precision.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The rounded value.</returns>
        public static float Round(float value) => MathF.Round(value, MidpointRounding.AwayFromZero);

        /// <summary>
        /// QuantizeMultiplier: encodes a real multiplier as (Q0.31 significand, shift) exactly as TFLite does
        /// with std::frexp. Zero gives (0, 0); a significand that rounds up to 2^31 is halved and the shift
        /// incremented; shifts below -31 flush to (0, 0); negative multipliers give negative significands.
        /// </summary>
        /// <param name="realMultiplier">The real multiplier (finite).</param>
        /// <returns>The encoded multiplier.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The multiplier is NaN or infinite (TFLite aborts or is undefined there).</exception>
        public static QuantizedMultiplier QuantizeMultiplier(double realMultiplier)
        {
            if (double.IsNaN(realMultiplier) || double.IsInfinity(realMultiplier))
            {
                throw new ArgumentOutOfRangeException(nameof(realMultiplier), realMultiplier, "multiplier must be finite");
            }

            if (realMultiplier == 0.0)
            {
                return new QuantizedMultiplier(0, 0);
            }

            double q = Frexp(realMultiplier, out int shift);
            long qFixed = (long)Round(q * 2147483648.0);
            if (qFixed == 1L << 31)
            {
                qFixed /= 2;
                shift++;
            }

            if (shift < -31)
            {
                shift = 0;
                qFixed = 0;
            }

            return new QuantizedMultiplier((int)qFixed, shift);
        }

        /// <summary>gemmlowp SaturatingRoundingDoublingHighMul (ARM VQRDMULH): round(a*b / 2^31), saturating MIN*MIN.</summary>
        /// <param name="a">First Q0.31 operand.</param>
        /// <param name="b">Second Q0.31 operand.</param>
        /// <returns>The rounded doubled high half of the product.</returns>
        public static int SaturatingRoundingDoublingHighMul(int a, int b)
        {
            if (a == b && a == int.MinValue)
            {
                return int.MaxValue;
            }

            long ab = (long)a * b;
            long nudge = ab >= 0 ? (1L << 30) : (1L - (1L << 30));
            // C++ integer division truncates toward zero, as C# does.
            return (int)((ab + nudge) / (1L << 31));
        }

        /// <summary>gemmlowp RoundingDivideByPOT: arithmetic right shift rounding to nearest, ties away from zero.</summary>
        /// <param name="x">The value.</param>
        /// <param name="exponent">Shift amount in [0, 31].</param>
        /// <returns>x / 2^exponent rounded.</returns>
        public static int RoundingDivideByPOT(int x, int exponent)
        {
            int mask = (int)((1L << exponent) - 1);
            int remainder = x & mask;
            int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
            return (x >> exponent) + (remainder > threshold ? 1 : 0);
        }

        /// <summary>
        /// MultiplyByQuantizedMultiplier (double-rounding build): x * 2^max(shift,0) (wrapping, as the C++ int
        /// multiply does on every target TFLM supports), then the doubling high multiply, then a rounding right
        /// shift by max(-shift, 0).
        /// </summary>
        /// <param name="x">The accumulator.</param>
        /// <param name="quantizedMultiplier">Q0.31 significand.</param>
        /// <param name="shift">Exponent, negative for a right shift.</param>
        /// <returns>The requantised value.</returns>
        public static int MultiplyByQuantizedMultiplier(int x, int quantizedMultiplier, int shift)
        {
            int leftShift = shift > 0 ? shift : 0;
            int rightShift = shift > 0 ? 0 : -shift;
            return RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(unchecked(x * (1 << leftShift)), quantizedMultiplier), rightShift);
        }

        /// <summary>MultiplyByQuantizedMultiplierGreaterThanOne (double-rounding build): no rounding shift.</summary>
        /// <param name="x">The value.</param>
        /// <param name="quantizedMultiplier">Q0.31 significand.</param>
        /// <param name="leftShift">Non-negative left shift.</param>
        /// <returns>The scaled value.</returns>
        public static int MultiplyByQuantizedMultiplierGreaterThanOne(int x, int quantizedMultiplier, int leftShift)
            => SaturatingRoundingDoublingHighMul(unchecked(x * (1 << leftShift)), quantizedMultiplier);

        /// <summary>
        /// The quantised clamp range of a fused activation (CalculateActivationRangeQuantized): real 0, 6, -1, 1
        /// are quantised with float division and round-half-away, then intersected with [qmin, qmax].
        /// </summary>
        /// <param name="activation">The fused activation.</param>
        /// <param name="outputScale">Output tensor scale.</param>
        /// <param name="outputZeroPoint">Output tensor zero point.</param>
        /// <param name="qmin">Lowest value of the output type (-128 for int8).</param>
        /// <param name="qmax">Highest value of the output type (127 for int8).</param>
        /// <returns>The clamp range.</returns>
        public static ActivationRange CalculateActivationRangeQuantized(FusedActivation activation, float outputScale, int outputZeroPoint, int qmin = sbyte.MinValue, int qmax = sbyte.MaxValue)
        {
            switch (activation)
            {
                case FusedActivation.None:
                    return new ActivationRange(qmin, qmax);
                case FusedActivation.Relu:
                    return new ActivationRange(Math.Max(qmin, Quantize(outputScale, outputZeroPoint, 0f)), qmax);
                case FusedActivation.Relu6:
                    return new ActivationRange(Math.Max(qmin, Quantize(outputScale, outputZeroPoint, 0f)), Math.Min(qmax, Quantize(outputScale, outputZeroPoint, 6f)));
                case FusedActivation.ReluN1To1:
                    return new ActivationRange(Math.Max(qmin, Quantize(outputScale, outputZeroPoint, -1f)), Math.Min(qmax, Quantize(outputScale, outputZeroPoint, 1f)));
                default:
                    throw new ModelException("fused activation " + activation + " is not supported by the int8 kernels");
            }
        }

        private static int Quantize(float scale, int zeroPoint, float value)
        {
            float q = Round(value / scale);
            if (!(q >= -2147483648f && q <= 2147483647f))
            {
                throw new ModelException("activation bound " + value + " overflows int32 at scale " + scale);
            }

            return zeroPoint + (int)q;
        }
    }

    /// <summary>Inclusive quantised clamp range applied after requantisation.</summary>
    public readonly struct ActivationRange
    {
        /// <summary>Creates the range.</summary>
        /// <param name="min">Inclusive minimum.</param>
        /// <param name="max">Inclusive maximum.</param>
        public ActivationRange(int min, int max)
        {
            Min = min;
            Max = max;
        }

        /// <summary>Inclusive minimum.</summary>
        public int Min { get; }

        /// <summary>Inclusive maximum.</summary>
        public int Max { get; }
    }

    /// <summary>Fused activation, numbered as in the TFLite schema's ActivationFunctionType.</summary>
    public enum FusedActivation
    {
        /// <summary>No activation.</summary>
        None = 0,

        /// <summary>max(x, 0).</summary>
        Relu = 1,

        /// <summary>clamp(x, -1, 1).</summary>
        ReluN1To1 = 2,

        /// <summary>clamp(x, 0, 6).</summary>
        Relu6 = 3,

        /// <summary>tanh (not supported as a fused int8 activation).</summary>
        Tanh = 4,

        /// <summary>sign bit (not supported).</summary>
        SignBit = 5,
    }
}

using System;

namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>Eval parameters of int8 SOFTMAX (TFLM's SoftmaxParams, int8 path).</summary>
    public sealed class SoftmaxParams
    {
        /// <summary>Q0.31 multiplier of beta * input_scale * 2^(31 - 5).</summary>
        public int InputMultiplier { get; init; }

        /// <summary>Left shift paired with <see cref="InputMultiplier"/>.</summary>
        public int InputLeftShift { get; init; }

        /// <summary>Input differences from the row maximum below this contribute nothing (output -128).</summary>
        public int DiffMin { get; init; }
    }

    /// <summary>
    /// SOFTMAX int8 -&gt; int8, bit-exact with TFLM's reference_ops::Softmax for int8 (gemmlowp fixed-point exp on
    /// Q5.26 differences, Q12.19 sum, reciprocal by Newton-Raphson). Output quantisation must be 1/256, -128.
    /// </summary>
    public static class Softmax
    {
        private const int ScaledDiffIntegerBits = 5;
        private const int AccumulationIntegerBits = 12;

        /// <summary>
        /// The Prepare step (CalculateSoftmaxParams, int8): PreprocessSoftmaxScaling(beta, input_scale, 5) then
        /// diff_min = -CalculateInputRadius(5, input_left_shift).
        /// </summary>
        /// <param name="beta">Softmax beta (float32 option).</param>
        /// <param name="inputScale">Input scale.</param>
        /// <param name="outputQuantization">Output quantisation; must be scale 1/256, zero point -128.</param>
        /// <returns>The Eval parameters.</returns>
        public static SoftmaxParams Prepare(float beta, float inputScale, TensorQuantization outputQuantization)
        {
            if (outputQuantization.ZeroPoint != -128 || outputQuantization.Scale != 1f / 256)
            {
                throw new ModelException("int8 softmax output must have scale 1/256 and zero point -128");
            }

            QuantizedMultiplier q = PreprocessSoftmaxScaling(beta, inputScale, ScaledDiffIntegerBits);
            return new SoftmaxParams
            {
                InputMultiplier = q.Multiplier,
                InputLeftShift = q.Shift,
                DiffMin = -CalculateInputRadius(ScaledDiffIntegerBits, q.Shift, 31),
            };
        }

        /// <summary>
        /// PreprocessSoftmaxScaling (double-rounding build): QuantizeMultiplier(min(beta * input_scale *
        /// 2^(31 - input_integer_bits), 2^31 - 1)), which must be greater than one.
        /// </summary>
        /// <param name="beta">Beta as double.</param>
        /// <param name="inputScale">Input scale as double.</param>
        /// <param name="inputIntegerBits">Integer bits of the scaled difference.</param>
        /// <returns>Multiplier and non-negative left shift.</returns>
        public static QuantizedMultiplier PreprocessSoftmaxScaling(double beta, double inputScale, int inputIntegerBits)
        {
            double real = Math.Min(beta * inputScale * (1 << (31 - inputIntegerBits)), 2147483647.0);
            if (!(real > 1.0))
            {
                throw new ModelException("softmax beta * input_scale is too small for the int8 kernel (multiplier " + real + " must exceed 1)");
            }

            return QuantizationMath.QuantizeMultiplier(real);
        }

        /// <summary>CalculateInputRadius: floor((2^ib - 1) * 2^(total - ib) / 2^left_shift).</summary>
        /// <param name="inputIntegerBits">Integer bits.</param>
        /// <param name="inputLeftShift">Left shift from Prepare.</param>
        /// <param name="totalSignedBits">Total signed bits (31).</param>
        /// <returns>The radius.</returns>
        public static int CalculateInputRadius(int inputIntegerBits, int inputLeftShift, int totalSignedBits)
        {
            double maxInputRescaled = 1.0 * ((1 << inputIntegerBits) - 1) * (1L << (totalSignedBits - inputIntegerBits)) / (1L << inputLeftShift);
            return (int)Math.Floor(maxInputRescaled);
        }

        /// <summary>Softmax over the last dimension of <paramref name="outerSize"/> rows of <paramref name="depth"/> values.</summary>
        /// <param name="p">Prepared parameters.</param>
        /// <param name="input">Input values.</param>
        /// <param name="output">Output values.</param>
        /// <param name="outerSize">Number of rows.</param>
        /// <param name="depth">Values per row.</param>
        public static void Eval(SoftmaxParams p, ReadOnlySpan<sbyte> input, Span<sbyte> output, int outerSize, int depth)
        {
            ArgumentNullException.ThrowIfNull(p);
            KernelPrepare.RequireLength(input.Length, outerSize * depth, "softmax input");
            KernelPrepare.RequireLength(output.Length, outerSize * depth, "softmax output");
            for (int i = 0; i < outerSize; i++)
            {
                ReadOnlySpan<sbyte> row = input.Slice(i * depth, depth);
                Span<sbyte> outRow = output.Slice(i * depth, depth);
                int maxInRow = sbyte.MinValue;
                for (int c = 0; c < depth; c++)
                {
                    maxInRow = Math.Max(maxInRow, row[c]);
                }

                int sumOfExps = 0; // Q12.19
                for (int c = 0; c < depth; c++)
                {
                    int diff = row[c] - maxInRow;
                    if (diff >= p.DiffMin)
                    {
                        int exp = ExpOfDiff(p, diff);
                        sumOfExps = unchecked(sumOfExps + FixedPointMath.Rescale(exp, 0, AccumulationIntegerBits));
                    }
                }

                int shiftedScale = FixedPointMath.GetReciprocal(sumOfExps, AccumulationIntegerBits, out int numBitsOverUnit);
                int exponent = numBitsOverUnit + 31 - 8;
                if (exponent < 0 || exponent > 31)
                {
                    throw new InvalidOperationException("softmax reciprocal exponent " + exponent + " out of range");
                }

                for (int c = 0; c < depth; c++)
                {
                    int diff = row[c] - maxInRow;
                    if (diff >= p.DiffMin)
                    {
                        int exp = ExpOfDiff(p, diff);
                        int unsat = QuantizationMath.RoundingDivideByPOT(QuantizationMath.SaturatingRoundingDoublingHighMul(shiftedScale, exp), exponent);
                        int shifted = unsat + sbyte.MinValue;
                        outRow[c] = (sbyte)Math.Max(Math.Min(shifted, sbyte.MaxValue), sbyte.MinValue);
                    }
                    else
                    {
                        outRow[c] = sbyte.MinValue;
                    }
                }
            }
        }

        private static int ExpOfDiff(SoftmaxParams p, int diff)
        {
            int rescaled = QuantizationMath.MultiplyByQuantizedMultiplierGreaterThanOne(diff, p.InputMultiplier, p.InputLeftShift);
            return FixedPointMath.ExpOnNegativeValues(rescaled, ScaledDiffIntegerBits);
        }
    }
}

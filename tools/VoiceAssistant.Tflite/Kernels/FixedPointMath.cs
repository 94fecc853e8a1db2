namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>
    /// Scalar int32 versions of the gemmlowp fixed-point functions TFLite's int8 softmax uses. A "Qm" value is a
    /// raw int32 with m integer bits and 31 - m fractional bits; multiplying Qa by Qb gives Q(a+b) via
    /// <see cref="QuantizationMath.SaturatingRoundingDoublingHighMul"/>.
    /// </summary>
    public static class FixedPointMath
    {
        /// <summary>gemmlowp SaturatingRoundingMultiplyByPOT: saturating left shift for positive exponents, rounding right shift for negative ones.</summary>
        /// <param name="x">Raw value.</param>
        /// <param name="exponent">Power of two.</param>
        /// <returns>The scaled raw value.</returns>
        public static int SaturatingRoundingMultiplyByPOT(int x, int exponent)
        {
            if (exponent == 0)
            {
                return x;
            }

            if (exponent < 0)
            {
                return QuantizationMath.RoundingDivideByPOT(x, -exponent);
            }

            int threshold = (1 << (31 - exponent)) - 1;
            if (x > threshold)
            {
                return int.MaxValue;
            }

            if (x < -threshold)
            {
                return int.MinValue;
            }

            return x << exponent;
        }

        /// <summary>gemmlowp Rescale: changes the integer bits of a fixed-point raw value.</summary>
        /// <param name="raw">Raw value with <paramref name="sourceIntegerBits"/> integer bits.</param>
        /// <param name="sourceIntegerBits">Integer bits of the input.</param>
        /// <param name="destinationIntegerBits">Integer bits of the result.</param>
        /// <returns>The raw value in the destination format.</returns>
        public static int Rescale(int raw, int sourceIntegerBits, int destinationIntegerBits)
            => SaturatingRoundingMultiplyByPOT(raw, sourceIntegerBits - destinationIntegerBits);

        /// <summary>gemmlowp RoundingHalfSum for int32: (a + b) / 2 rounded away from zero.</summary>
        /// <param name="a">First value.</param>
        /// <param name="b">Second value.</param>
        /// <returns>The rounded half sum.</returns>
        public static int RoundingHalfSum(int a, int b)
        {
            long sum = (long)a + b;
            long sign = sum >= 0 ? 1 : -1;
            return (int)((sum + sign) / 2);
        }

        /// <summary>gemmlowp exp on [-1/4, 0): Q0.31 in, Q0.31 out (Taylor expansion around -1/8).</summary>
        /// <param name="a">Q0.31 input in [-1/4, 0).</param>
        /// <returns>Q0.31 exp(a).</returns>
        public static int ExpOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a)
        {
            const int constantTerm = 1895147668; // exp(-1/8) in Q0.31
            const int constantOneOver3 = 715827883; // 1/3 in Q0.31
            int x = unchecked(a + (1 << 28)); // a + 1/8
            int x2 = Mul(x, x);
            int x3 = Mul(x2, x);
            int x4 = Mul(x2, x2);
            int x4Over4 = SaturatingRoundingMultiplyByPOT(x4, -2);
            int x4Over24PlusX3Over6PlusX2Over2 = SaturatingRoundingMultiplyByPOT(unchecked(Mul(unchecked(x4Over4 + x3), constantOneOver3) + x2), -1);
            return unchecked(constantTerm + Mul(constantTerm, unchecked(x + x4Over24PlusX3Over6PlusX2Over2)));
        }

        /// <summary>
        /// gemmlowp exp_on_negative_values: exp(a) for a &lt;= 0 given with <paramref name="integerBits"/> integer bits;
        /// result in Q0.31 (exp(0) is the Q0.31 maximum).
        /// </summary>
        /// <param name="a">Raw input, a &lt;= 0.</param>
        /// <param name="integerBits">Integer bits of the input format (5 for softmax's Q5.26).</param>
        /// <returns>Q0.31 exp(a).</returns>
        public static int ExpOnNegativeValues(int a, int integerBits)
        {
            int fractionalBits = 31 - integerBits;
            int oneQuarter = 1 << (fractionalBits - 2);
            int mask = oneQuarter - 1;
            int aModQuarterMinusOneQuarter = unchecked((a & mask) - oneQuarter);
            int result = ExpOnIntervalBetweenNegativeOneQuarterAnd0Excl(Rescale(aModQuarterMinusOneQuarter, integerBits, 0));
            int remainder = unchecked(aModQuarterMinusOneQuarter - a);

            // Barrel shifter: multiply by exp(-2^k) for every set bit of the remainder.
            result = Barrel(result, remainder, integerBits, fractionalBits, -2, 1672461947);
            result = Barrel(result, remainder, integerBits, fractionalBits, -1, 1302514674);
            result = Barrel(result, remainder, integerBits, fractionalBits, 0, 790015084);
            result = Barrel(result, remainder, integerBits, fractionalBits, 1, 290630308);
            result = Barrel(result, remainder, integerBits, fractionalBits, 2, 39332535);
            result = Barrel(result, remainder, integerBits, fractionalBits, 3, 720401);
            result = Barrel(result, remainder, integerBits, fractionalBits, 4, 242);

            if (integerBits > 5)
            {
                int clamp = -(1 << (36 - integerBits)); // -32 in the input format
                if (a < clamp)
                {
                    result = 0;
                }
            }

            return a == 0 ? int.MaxValue : result;
        }

        /// <summary>gemmlowp one_over_one_plus_x_for_x_in_0_1: Newton-Raphson 1/(1+x), Q0.31 in and out.</summary>
        /// <param name="a">Q0.31 x in [0, 1).</param>
        /// <returns>Q0.31 1/(1+x).</returns>
        public static int OneOverOnePlusXForXIn01(int a)
        {
            int halfDenominator = RoundingHalfSum(a, int.MaxValue); // Q0
            const int constant48Over17 = 1515870810; // Q2
            const int constantNeg32Over17 = -1010580540; // Q2
            const int oneQ2 = 1 << 29;
            int x = unchecked(constant48Over17 + Mul(halfDenominator, constantNeg32Over17));
            for (int i = 0; i < 3; i++)
            {
                int halfDenominatorTimesX = Mul(halfDenominator, x); // Q2
                int oneMinusHalfDenominatorTimesX = unchecked(oneQ2 - halfDenominatorTimesX);
                x = unchecked(x + Rescale(Mul(x, oneMinusHalfDenominatorTimesX), 4, 2));
            }

            // ExactMulByPot<-1> turns Q2 into Q1 without touching the raw bits, then Rescale to Q0.
            return Rescale(x, 1, 0);
        }

        /// <summary>
        /// TFLite GetReciprocal: 1/x for a positive fixed-point x with <paramref name="integerDigits"/> integer bits,
        /// returned as a Q0.31 scale plus the number of bits x exceeds one.
        /// </summary>
        /// <param name="x">Positive raw value.</param>
        /// <param name="integerDigits">Integer bits of x.</param>
        /// <param name="numBitsOverUnit">How many powers of two x's leading bit is above 1.0.</param>
        /// <returns>Q0.31 reciprocal of the normalised x.</returns>
        public static int GetReciprocal(int x, int integerDigits, out int numBitsOverUnit)
        {
            if (x <= 0)
            {
                // A shift count of 32 (x == 0) is undefined in C++ and C# would mask it, so refuse it.
                throw new System.ArgumentOutOfRangeException(nameof(x), x, "reciprocal needs a positive value");
            }

            int headroomPlusOne = System.Numerics.BitOperations.LeadingZeroCount((uint)x);
            numBitsOverUnit = integerDigits - headroomPlusOne;
            int shiftedSumMinusOne = unchecked((int)(((uint)x << headroomPlusOne) - (1u << 31)));
            return OneOverOnePlusXForXIn01(shiftedSumMinusOne);
        }

        private static int Mul(int a, int b) => QuantizationMath.SaturatingRoundingDoublingHighMul(a, b);

        private static int Barrel(int result, int remainder, int integerBits, int fractionalBits, int exponent, int multiplier)
        {
            if (integerBits <= exponent)
            {
                return result;
            }

            int bit = 1 << (fractionalBits + exponent);
            return (remainder & bit) != 0 ? Mul(result, multiplier) : result;
        }
    }
}

namespace VoiceAssistant.Core.Features
{
    /// <summary>
    /// Square root and natural logarithm written with plain float32 arithmetic, because nanoFramework's
    /// mscorlib has no System.Math and the native kernel must reproduce every result bit for bit.
    /// </summary>
    /// <remarks>
    /// <para>Both functions first reduce the argument with multiplications by exact powers of two
    /// (2^16, 2^4, 2 and their inverses), which are exact for every finite positive float, so the order of
    /// those steps cannot change the reduced value. What follows the reduction is a fixed sequence of float
    /// operations that a C++ port must copy op for op (no fused multiply-add).</para>
    /// <para><see cref="Sqrt"/>: x = m·4^e with m in [1, 4); y0 = 0.70710678f + 0.33333333f·m; three Newton steps
    /// y = 0.5f·(y + m / y); result y·2^e. Within one ulp of the correctly rounded root.</para>
    /// <para><see cref="Log"/>: x = m·2^e with m in [1, 2), then m = m·0.5f and e = e + 1 when m &gt; 1.41421354f;
    /// s = (m − 1) / (m + 1), z = s·s,
    /// p = s·(2 + z·(2/3 + z·(2/5 + z·(2/7 + z·(2/9))))) evaluated innermost first,
    /// result = e·Ln2Hi + (p + e·Ln2Lo). Absolute error below 1e-6 for |ln x| &lt; 8 and below about
    /// 3e-7·|ln x| beyond (a few float ulps of the result).</para>
    /// </remarks>
    public static class FloatMath
    {
        /// <summary>High part of ln 2 with few significant bits, so e·Ln2Hi is exact for |e| &lt; 512.</summary>
        public const float Ln2Hi = 0.693145752f;

        /// <summary>ln 2 − Ln2Hi.</summary>
        public const float Ln2Lo = 1.42860677e-06f;

        private const float Two16 = 65536f;
        private const float InvTwo16 = 1f / 65536f;
        private const float MaxFinite = 3.40282347e+38f;

        /// <summary>Square root of <paramref name="x"/>; 0 for x ≤ 0, x itself for +∞ and NaN.</summary>
        /// <param name="x">Argument.</param>
        /// <returns>√x within one ulp.</returns>
        public static float Sqrt(float x)
        {
            if (x <= 0f)
            {
                return 0f;
            }

            if (!(x <= MaxFinite))
            {
                return x; // +inf or NaN
            }

            int e;
            float m = ReduceToOneTwo(x, out e);

            // Make the exponent even so the root of the power of two is exact: m in [1, 4).
            if ((e & 1) != 0)
            {
                m = m * 2f;
                e = e - 1;
            }

            float y = 0.70710678f + 0.33333333f * m;
            y = 0.5f * (y + m / y);
            y = 0.5f * (y + m / y);
            y = 0.5f * (y + m / y);
            return y * PowerOfTwo(e / 2);
        }

        /// <summary>Natural logarithm of <paramref name="x"/>; −∞ for x ≤ 0, x itself for +∞ and NaN.</summary>
        /// <param name="x">Argument.</param>
        /// <returns>ln x.</returns>
        public static float Log(float x)
        {
            if (x <= 0f)
            {
                return float.NegativeInfinity;
            }

            if (!(x <= MaxFinite))
            {
                return x; // +inf or NaN
            }

            int e;
            float m = ReduceToOneTwo(x, out e);

            // Centre the mantissa on 1 so |s| <= 0.1716 and the series converges quickly.
            if (m > 1.41421354f)
            {
                m = m * 0.5f;
                e = e + 1;
            }

            float s = (m - 1f) / (m + 1f);
            float z = s * s;
            float p = 0.222222222f;
            p = 0.285714298f + z * p;
            p = 0.400000006f + z * p;
            p = 0.666666687f + z * p;
            p = 2f + z * p;
            p = s * p;
            float ef = e;
            return ef * Ln2Hi + (p + ef * Ln2Lo);
        }

        /// <summary>Splits a finite positive float into m·2^e with m in [1, 2) using exact scalings only.</summary>
        private static float ReduceToOneTwo(float x, out int exponent)
        {
            float m = x;
            int e = 0;
            while (m >= Two16)
            {
                m = m * InvTwo16;
                e = e + 16;
            }

            while (m < InvTwo16)
            {
                m = m * Two16;
                e = e - 16;
            }

            while (m >= 16f)
            {
                m = m * 0.0625f;
                e = e + 4;
            }

            while (m < 0.0625f)
            {
                m = m * 16f;
                e = e - 4;
            }

            while (m >= 2f)
            {
                m = m * 0.5f;
                e = e + 1;
            }

            while (m < 1f)
            {
                m = m * 2f;
                e = e - 1;
            }

            exponent = e;
            return m;
        }

        /// <summary>2^e as a float, built by exact multiplications (|e| up to 127 for normal results).</summary>
        private static float PowerOfTwo(int e)
        {
            float r = 1f;
            while (e >= 16)
            {
                r = r * Two16;
                e = e - 16;
            }

            while (e <= -16)
            {
                r = r * InvTwo16;
                e = e + 16;
            }

            while (e > 0)
            {
                r = r * 2f;
                e = e - 1;
            }

            while (e < 0)
            {
                r = r * 0.5f;
                e = e + 1;
            }

            return r;
        }
    }
}

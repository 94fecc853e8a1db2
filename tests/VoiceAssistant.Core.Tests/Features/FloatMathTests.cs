using System;
using VoiceAssistant.Core.Features;
using Xunit;

namespace VoiceAssistant.Core.Tests.Features
{
    public class FloatMathTests
    {
        private static float[] Arguments()
        {
            // Log-uniform over the whole positive float range plus hand-picked edge values.
            var rng = new Random(1234);
            var values = new float[200_000];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)Math.Pow(2.0, rng.NextDouble() * 250 - 125);
            }

            float[] special = { 1f, 2f, 4f, 0.5f, 0.25f, 1.41421354f, 1.41421366f, 0.99999994f, 1.00000012f, 1e-12f, 65536f, 15.9999990f, 16f,
                                float.Epsilon, 1e-40f, float.MaxValue, 3.40282e38f, 1.17549435e-38f };
            Array.Copy(special, values, special.Length);
            return values;
        }

        private static long UlpDistance(float a, float b)
        {
            return Math.Abs((long)BitConverter.SingleToInt32Bits(a) - BitConverter.SingleToInt32Bits(b));
        }

        [Fact]
        public void SqrtIsWithinOneUlpOfTheCorrectlyRoundedRoot()
        {
            long worst = 0;
            foreach (float x in Arguments())
            {
                float expected = (float)Math.Sqrt(x);
                long d = UlpDistance(FloatMath.Sqrt(x), expected);
                Assert.True(d <= 1, $"sqrt({x:R}) = {FloatMath.Sqrt(x):R}, expected {expected:R}");
                worst = Math.Max(worst, d);
            }

            Assert.True(worst <= 1);
        }

        [Fact]
        public void SqrtEdgeCases()
        {
            Assert.Equal(0f, FloatMath.Sqrt(0f));
            Assert.Equal(0f, FloatMath.Sqrt(-4f));
            Assert.Equal(3f, FloatMath.Sqrt(9f));
            Assert.Equal(1024f, FloatMath.Sqrt(1048576f));
            Assert.Equal(float.PositiveInfinity, FloatMath.Sqrt(float.PositiveInfinity));
        }

        [Fact]
        public void LogMatchesMathLogWithinStatedTolerance()
        {
            // Tolerance: 1e-6 absolute, or 2.5e-7 relative for |ln x| > 4 (a couple of float ulps of the result).
            double worstAbs = 0, worstRel = 0;
            foreach (float x in Arguments())
            {
                double expected = Math.Log(x);
                double err = Math.Abs(FloatMath.Log(x) - expected);
                double tol = Math.Max(1e-6, 2.5e-7 * Math.Abs(expected));
                Assert.True(err <= tol, $"log({x:R}) = {FloatMath.Log(x):R}, expected {expected:R}");
                if (Math.Abs(expected) <= 4)
                {
                    worstAbs = Math.Max(worstAbs, err);
                }
                else
                {
                    worstRel = Math.Max(worstRel, err / Math.Abs(expected));
                }
            }

            Assert.True(worstAbs < 1e-6 && worstRel < 2.5e-7, $"abs {worstAbs}, rel {worstRel}");
        }

        [Fact]
        public void LogNearOneIsRelativelyAccurate()
        {
            // ln(1 + d) ≈ d: the reduction keeps x − 1 exact so small results keep full relative precision.
            for (int i = 1; i < 2000; i++)
            {
                float x = 1f + i * 1.1920929e-7f;
                double expected = Math.Log(x);
                Assert.True(Math.Abs(FloatMath.Log(x) - expected) <= 3e-7 * Math.Abs(expected), $"log({x:R})");
                float y = 1f - i * 5.96046448e-8f;
                expected = Math.Log(y);
                Assert.True(Math.Abs(FloatMath.Log(y) - expected) <= 3e-7 * Math.Abs(expected), $"log({y:R})");
            }
        }

        [Fact]
        public void LogEdgeCases()
        {
            Assert.Equal(0f, FloatMath.Log(1f));
            Assert.Equal(float.NegativeInfinity, FloatMath.Log(0f));
            Assert.Equal(float.NegativeInfinity, FloatMath.Log(-1f));
            Assert.Equal(-27.631021, FloatMath.Log(1e-12f), 5);
        }
    }
}

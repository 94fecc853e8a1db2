using System;
using VoiceAssistant.Core.Features;
using Xunit;

namespace VoiceAssistant.Core.Tests.Features
{
    public class FeatureQuantizerTests
    {
        [Theory]
        // scale 0.25, zero point 0: v = 4·feature, ties round away from zero.
        [InlineData(0.25f, 0, 1.375f, 6)]    // 5.5 → 6
        [InlineData(0.25f, 0, -1.375f, -6)]  // −5.5 → −6
        [InlineData(0.25f, 0, 1.125f, 5)]    // 4.5 → 5
        [InlineData(0.25f, 0, -1.125f, -5)]  // −4.5 → −5
        [InlineData(0.25f, 0, 1.0f, 4)]
        [InlineData(0.25f, 0, 1.1f, 4)]      // 4.4 → 4
        [InlineData(0.25f, 0, -1.1f, -4)]    // −4.4 → −4
        [InlineData(0.25f, 0, 1.2f, 5)]      // 4.8 → 5
        [InlineData(0.25f, 0, -1.2f, -5)]    // −4.8 → −5
        [InlineData(0.25f, 0, 0.12f, 0)]     // 0.48 → 0
        [InlineData(0.25f, 0, -0.12f, 0)]    // −0.48 → 0 (truncation then no step)
        [InlineData(0.25f, 0, 0.125f, 1)]    // 0.5 → 1
        [InlineData(0.25f, 0, -0.125f, -1)]  // −0.5 → −1
        // saturation
        [InlineData(0.25f, 0, 31.75f, 127)]  // 127
        [InlineData(0.25f, 0, 31.875f, 127)] // 127.5 → 128 → 127
        [InlineData(0.25f, 0, -32f, -128)]
        [InlineData(0.25f, 0, -32.125f, -128)] // −128.5 → −129 → −128
        [InlineData(0.25f, 0, 1e30f, 127)]   // clamped to 1000 first
        [InlineData(0.25f, 0, -1e30f, -128)]
        // zero point added after rounding, then saturated
        [InlineData(0.25f, -128, 1.0f, -124)]
        [InlineData(0.25f, -128, -1.0f, -128)] // −4 − 128 = −132 → −128
        [InlineData(0.25f, 10, 1.375f, 16)]
        [InlineData(0.25f, 10, 30f, 127)]     // 120 + 10 = 130 → 127
        [InlineData(0.5f, 127, -0.25f, 126)]  // −0.5 → −1, + 127
        [InlineData(2f, 5, 0f, 5)]
        public void RoundsHalfAwayFromZeroAndSaturates(float scale, int zeroPoint, float feature, int expected)
        {
            Assert.Equal((sbyte)expected, new FeatureQuantizer(scale, zeroPoint).Quantize(feature));
        }

        [Fact]
        public void NanMapsToTheLowEnd()
        {
            // NaN is clamped to -1000 before the int cast (whose NaN result differs between runtimes).
            Assert.Equal((sbyte)-128, new FeatureQuantizer(1f, 0).Quantize(float.NaN));
            Assert.Equal((sbyte)-128, new FeatureQuantizer(0.5f, 127).Quantize(float.NaN));
        }

        [Fact]
        public void JustBelowHalfRoundsDown()
        {
            var q = new FeatureQuantizer(1f, 0);
            Assert.Equal((sbyte)2, q.Quantize(2.49999976f));
            Assert.Equal((sbyte)-2, q.Quantize(-2.49999976f));
            Assert.Equal((sbyte)3, q.Quantize(2.5f));
        }

        [Fact]
        public void ArrayOverloadMatchesScalar()
        {
            var q = new FeatureQuantizer(0.3f, -7);
            var src = new float[] { 0f, 1f, -1f, 5.5f, -40f, 40f, 0.15f };
            var dst = new sbyte[9];
            q.Quantize(src, 0, dst, 2, src.Length);
            for (int i = 0; i < src.Length; i++)
            {
                Assert.Equal(q.Quantize(src[i]), dst[2 + i]);
            }
        }

        [Fact]
        public void RejectsInvalidParameters()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureQuantizer(0f, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureQuantizer(1f, 128));
        }
    }
}

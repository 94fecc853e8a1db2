using System;
using VoiceAssistant.Core.Features;
using Xunit;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>The int8 quantiser: managed == native on random, tie and special values.</summary>
    public class QuantizerEqualityTests
    {
        private readonly ITestOutputHelper output;

        public QuantizerEqualityTests(ITestOutputHelper output)
        {
            this.output = output;
            NativeApi.Require();
        }

        [Theory]
        [InlineData(1f, 0)]
        [InlineData(0.25f, -128)]
        [InlineData(2.5f, 127)]
        [InlineData(0.0390625f, 20)]
        [InlineData(1.2345678f, -7)]
        [InlineData(1e-3f, 0)]
        public void RandomTiesAndSpecials(float scale, int zeroPoint)
        {
            var rng = new Random(zeroPoint + 1000);
            var features = new float[200_000];
            for (int i = 0; i < features.Length; i++)
            {
                switch (i % 4)
                {
                    case 0: features[i] = (float)(rng.NextDouble() * 600 - 300); break;
                    case 1: features[i] = scale * (rng.Next(-600, 601) * 0.5f); break; // exact and near ties
                    case 2: features[i] = BitConverter.Int32BitsToSingle(rng.Next() ^ (rng.Next() << 1)); break; // NaN, ±inf, huge, tiny
                    default: features[i] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(scale * (rng.Next(-300, 301) + 0.5f)) + rng.Next(-2, 3)); break;
                }
            }

            features[0] = float.NaN;
            features[1] = float.PositiveInfinity;
            features[2] = float.NegativeInfinity;
            features[3] = -0f;

            var q = new FeatureQuantizer(scale, zeroPoint);
            var managed = new sbyte[features.Length];
            q.Quantize(features, 0, managed, 0, features.Length);
            var native = new sbyte[features.Length];
            Assert.Equal(features.Length, NativeApi.va_quantize(features, features.Length, scale, zeroPoint, native));
            BitCompare.Require(BitCompare.SBytes(managed, native, features.Length, $"quantise scale {scale} zp {zeroPoint}"));
            output.WriteLine($"{features.Length} int8 values equal");
        }
    }
}

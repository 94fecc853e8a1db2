using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using VoiceAssistant.Tflite.Kernels;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Kernels
{
    /// <summary>The AVX2 requantisation against the scalar port (itself pinned by hand values and goldens).</summary>
    public class QuantizationMathAvx2Tests
    {
        [Fact]
        public void VectorRequantisationEqualsScalarOnEdgesAndRandomLanes()
        {
            Assert.SkipUnless(Avx2.IsSupported, "AVX2 not available");
            int[] edgeX = { 0, 1, -1, int.MaxValue, int.MinValue, 3, -3, 5, -5, 100, -100, 1 << 20, -(1 << 20), 123456789, -123456789 };
            int[] edgeM = { 0, 1, -1, 1073741824, -1073741824, int.MaxValue, int.MinValue, 1653229999, 1932201031 };
            int[] edgeS = { -31, -30, -12, -10, -2, -1, 0, 1, 2, 7, 30 };
            var rng = new Random(7);
            var x = new int[8];
            var m = new int[8];
            var s = new int[8];
            for (int trial = 0; trial < 200000; trial++)
            {
                for (int lane = 0; lane < 8; lane++)
                {
                    x[lane] = trial % 2 == 0 ? edgeX[rng.Next(edgeX.Length)] : rng.Next(int.MinValue, int.MaxValue);
                    m[lane] = trial % 3 == 0 ? edgeM[rng.Next(edgeM.Length)] : rng.Next(int.MinValue, int.MaxValue);
                    s[lane] = edgeS[rng.Next(edgeS.Length)];
                }

                Vector256<int> r = QuantizationMathAvx2.MultiplyByQuantizedMultiplier(Vector256.Create(x), Vector256.Create(m), Vector256.Create(s));
                for (int lane = 0; lane < 8; lane++)
                {
                    int expected = QuantizationMath.MultiplyByQuantizedMultiplier(x[lane], m[lane], s[lane]);
                    if (expected != r[lane])
                    {
                        Assert.Fail($"x={x[lane]} m={m[lane]} s={s[lane]}: scalar {expected}, vector {r[lane]}");
                    }
                }
            }
        }
    }
}

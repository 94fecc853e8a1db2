using System;
using VoiceAssistant.Core.Features;
using Xunit;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>The equality tests can fail: the comparison sees a one-ulp change, and a slightly wrong managed table
    /// entry (off by 1000 ulps, about 1e-4 relative, as a table printed with 4 digits would be) makes managed and
    /// native MFCC frames differ. (A single entry off by one ulp can vanish in the rounding of the later sums, so
    /// the stage tests also compare the FFT, filterbank and DCT on their own.)</summary>
    public class ComparisonCanFailTests
    {
        public ComparisonCanFailTests()
        {
            NativeApi.Require();
        }

        [Fact]
        public void BitCompareReportsOneUlpAndSignedZero()
        {
            var a = new float[] { 1f, -27.631021f, 0f, 5f };
            var b = (float[])a.Clone();
            Assert.Null(BitCompare.Floats(a, b, a.Length, "same"));
            b[1] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(b[1]) + 1);
            Assert.Contains("1 of 4 floats differ; first at [1]", BitCompare.Floats(a, b, a.Length, "one ulp"));
            b[1] = a[1];
            b[2] = -0f; // == says equal, the bits do not
            Assert.Contains("first at [2]", BitCompare.Floats(a, b, a.Length, "signed zero"));
            Assert.NotNull(BitCompare.SBytes(new sbyte[] { 1, 2 }, new sbyte[] { 1, 3 }, 2, "int8"));
            Assert.NotNull(BitCompare.Shorts(new short[] { 1, 2 }, new short[] { 1, -2 }, 2, "int16"));
        }

        [Theory]
        [InlineData("HannWindow", 240)]
        [InlineData("DctMatrix", 41)]
        [InlineData("MelWeights", 60)]
        [InlineData("FftTwiddleRe", 5)]
        public void ASlightlyWrongManagedTableEntryIsDetected(string table, int index)
        {
            // The tests run one at a time (AssemblyInfo.cs), so changing the managed table briefly is safe.
            float[] values = (float[])typeof(FeatureTables).GetField(table, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic).GetValue(null);
            short[] clip = Sources.Noise(480, 9, -8000, 8000);
            float original = values[index];
            try
            {
                values[index] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(original) + 1000);
                var managed = new float[40];
                new Mfcc().ComputeFrame(clip, 0, managed, 0);
                var native = new float[40];
                Assert.Equal(0, NativeApi.va_mfcc_compute_frame(clip, native));
                Assert.NotNull(BitCompare.Floats(managed, native, 40, table));
            }
            finally
            {
                values[index] = original;
            }

            Assert.Equal(1, FrameEqualityTests.CompareClip(clip, "restored " + table));
        }
    }
}

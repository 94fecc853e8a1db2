using VoiceAssistant.Tflite.Kernels;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Kernels
{
    public class PaddingTests
    {
        [Theory]
        // SAME, in 5, filter 3, stride 2: out ceil(5/2) = 3; total (3-1)*2 + 3 - 5 = 2 -> 1 each side.
        [InlineData(PaddingKind.Same, 5, 3, 2, 1, 3, 1, 0)]
        // SAME, in 4, filter 3, stride 2: out 2; total 2 + 3 - 4 = 1 -> 0 before, the odd pixel after.
        [InlineData(PaddingKind.Same, 4, 3, 2, 1, 2, 0, 1)]
        // VALID, in 5, filter 3, stride 2: out (5 + 2 - 3) / 2 = 2; total 2 + 3 - 5 = 0.
        [InlineData(PaddingKind.Valid, 5, 3, 2, 1, 2, 0, 0)]
        // SAME with dilation 2: effective filter 5; in 7 stride 1 -> out 7, total 6 + 5 - 7 = 4 -> 2.
        [InlineData(PaddingKind.Same, 7, 3, 1, 2, 7, 2, 0)]
        // VALID with dilation 2: (7 + 1 - 5) / 1 = 3, no padding.
        [InlineData(PaddingKind.Valid, 7, 3, 1, 2, 3, 0, 0)]
        // SAME where the filter is smaller than the stride: in 5, filter 1, stride 3 -> out 2; total 3 + 1 - 5 < 0 -> 0.
        [InlineData(PaddingKind.Same, 5, 1, 3, 1, 2, 0, 0)]
        // The micro_speech depthwise: rows 49, filter 10, stride 2 -> 25, total 48 + 10 - 49 = 9 -> 4 + 1.
        [InlineData(PaddingKind.Same, 49, 10, 2, 1, 25, 4, 1)]
        // ... columns 40, filter 8, stride 2 -> 20, total 38 + 8 - 40 = 6 -> 3 + 0.
        [InlineData(PaddingKind.Same, 40, 8, 2, 1, 20, 3, 0)]
        public void OneAxisMatchesHandValues(PaddingKind kind, int inSize, int filter, int stride, int dilation, int outSize, int pad, int offset)
        {
            // Run the axis as height, with a trivial width, and as width, with a trivial height.
            WindowGeometry h = PaddingMath.ComputePaddingHeightWidth(stride, 1, dilation, 1, inSize, 1, filter, 1, kind);
            Assert.Equal(outSize, h.OutputHeight);
            Assert.Equal(pad, h.Padding.Height);
            Assert.Equal(offset, h.Padding.HeightOffset);
            WindowGeometry w = PaddingMath.ComputePaddingHeightWidth(1, stride, 1, dilation, 1, inSize, 1, filter, kind);
            Assert.Equal(outSize, w.OutputWidth);
            Assert.Equal(pad, w.Padding.Width);
            Assert.Equal(offset, w.Padding.WidthOffset);
        }

        [Fact]
        public void ZeroStrideGivesZeroOutput()
        {
            Assert.Equal(0, PaddingMath.ComputeOutSize(PaddingKind.Same, 10, 3, 0, 1));
        }
    }
}

using System;
using System.Globalization;
using VoiceAssistant.Core.Actions;
using Xunit;

namespace VoiceAssistant.Core.Tests.Actions
{
    public class DetectionFormatterTests
    {
        [Fact]
        public void DetectionLineFormat()
        {
            Assert.Equal("DETECT yes 231 1500", DetectionFormatter.FormatDetection("yes", 231, 1500));
            Assert.Equal("DETECT no 0 0", DetectionFormatter.FormatDetection("no", 0, 0));
            Assert.Equal("DETECT _unknown_ 255 -20", DetectionFormatter.FormatDetection("_unknown_", 255, -20));
            Assert.Equal("DETECT x 1 2147483647", DetectionFormatter.FormatDetection("x", 1, int.MaxValue));
            Assert.Equal("DETECT x 1 -2147483648", DetectionFormatter.FormatDetection("x", 1, int.MinValue));
        }

        [Fact]
        public void WakeAndIdleLines()
        {
            Assert.Equal("WAKE 1234", DetectionFormatter.FormatWake(1234));
            Assert.Equal("IDLE 6234", DetectionFormatter.FormatIdle(6234));
        }

        [Fact]
        public void FormatIntMatchesInvariantCulture()
        {
            var rng = new Random(5);
            int[] fixedValues = { 0, 1, -1, 9, 10, -10, 99, 100, 255, 1000, int.MaxValue, int.MinValue, int.MinValue + 1 };
            foreach (int v in fixedValues)
            {
                Assert.Equal(v.ToString(CultureInfo.InvariantCulture), DetectionFormatter.FormatInt(v));
            }

            for (int i = 0; i < 2000; i++)
            {
                int v = rng.Next(int.MinValue, int.MaxValue);
                Assert.Equal(v.ToString(CultureInfo.InvariantCulture), DetectionFormatter.FormatInt(v));
            }
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("two words")]
        [InlineData("tab\there")]
        [InlineData("line\n")]
        public void InvalidLabelsCannotBeFormatted(string label)
        {
            Assert.False(DetectionFormatter.IsValidLabel(label));
            Assert.Throws<ArgumentException>(() => DetectionFormatter.FormatDetection(label, 1, 1));
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(256)]
        public void ScoreOutsideUint8CannotBeFormatted(int score)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => DetectionFormatter.FormatDetection("yes", score, 1));
        }

        [Theory]
        [InlineData("yes", 0, 0)]
        [InlineData("no", 255, 123456)]
        [InlineData("_silence_", 17, -5)]
        [InlineData("marvin", 201, int.MaxValue)]
        [InlineData("a", 128, int.MinValue)]
        public void DetectionRoundTrips(string label, int score, int ms)
        {
            string line = DetectionFormatter.FormatDetection(label, score, ms);
            Assert.True(DetectionFormatter.TryParseDetection(line, out string l, out int s, out int t));
            Assert.Equal((label, score, ms), (l, s, t));
        }

        [Theory]
        [InlineData("DETECT yes 231 1500\r\n")]
        [InlineData("DETECT yes 231 1500\r")]
        [InlineData("DETECT yes 231 1500  \t")]
        public void TrailingLineEndingsAreAccepted(string line)
        {
            Assert.True(DetectionFormatter.TryParseDetection(line, out string label, out int score, out int ms));
            Assert.Equal(("yes", 231, 1500), (label, score, ms));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("DETECT")]
        [InlineData("DETECT ")]
        [InlineData("DETECT yes")]
        [InlineData("DETECT yes 231")]
        [InlineData("DETECT yes 231 ")]
        [InlineData("detect yes 231 1500")]
        [InlineData(" DETECT yes 231 1500")]
        [InlineData("DETECTyes 231 1500")]
        [InlineData("DETECT  yes 231 1500")]
        [InlineData("DETECT yes  231 1500")]
        [InlineData("DETECT yes 231  1500")]
        [InlineData("DETECT yes 231 1500 7")]
        [InlineData("DETECT yes 256 1500")]
        [InlineData("DETECT yes -1 1500")]
        [InlineData("DETECT yes +1 1500")]
        [InlineData("DETECT yes 1a 1500")]
        [InlineData("DETECT yes 1 -")]
        [InlineData("DETECT yes 1 2147483648")]
        [InlineData("DETECT yes 1 -2147483649")]
        [InlineData("DETECT yes 1 99999999999")]
        [InlineData("DETECT yes 1 1.5")]
        [InlineData("DETECT ye\u0001s 1 2")]
        [InlineData("WAKE 1500")]
        public void MalformedDetectionLinesAreRejected(string line)
        {
            Assert.False(DetectionFormatter.TryParseDetection(line, out string label, out int score, out int ms));
            Assert.Null(label);
            Assert.Equal(0, score);
            Assert.Equal(0, ms);
        }

        [Fact]
        public void WakeAndIdleParse()
        {
            Assert.True(DetectionFormatter.TryParseWake("WAKE 1500\r\n", out int wake));
            Assert.Equal(1500, wake);
            Assert.True(DetectionFormatter.TryParseIdle("IDLE -3", out int idle));
            Assert.Equal(-3, idle);
            Assert.True(DetectionFormatter.TryParseWake(DetectionFormatter.FormatWake(int.MinValue), out int min));
            Assert.Equal(int.MinValue, min);
            Assert.False(DetectionFormatter.TryParseWake("IDLE 1", out _));
            Assert.False(DetectionFormatter.TryParseWake("WAKE", out _));
            Assert.False(DetectionFormatter.TryParseWake("WAKE ", out _));
            Assert.False(DetectionFormatter.TryParseWake("WAKE 1 2", out _));
            Assert.False(DetectionFormatter.TryParseIdle("DETECT yes 1 2", out _));
            Assert.False(DetectionFormatter.TryParseIdle(null, out _));
        }
    }
}

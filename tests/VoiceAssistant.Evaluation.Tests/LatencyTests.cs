using System;
using System.Collections.Generic;
using VoiceAssistant.Evaluation;
using Xunit;

namespace VoiceAssistant.Evaluation.Tests
{
    public class LatencyTests
    {
        // A 1 kHz tone of the given amplitude over [from, to) added to the signal.
        private static void Tone(short[] s, int from, int to, double amplitude)
        {
            for (int i = from; i < to; i++)
            {
                s[i] = (short)Math.Clamp(s[i] + Math.Round(amplitude * Math.Sin(2 * Math.PI * 1000 * i / 16000)), short.MinValue, short.MaxValue);
            }
        }

        [Fact]
        public void ToneBurstInSilenceEndsAtItsLastSample()
        {
            var s = new short[16000];
            Tone(s, 3200, 8000, 10000); // 200..500 ms; 8000 is frame 50's start
            Assert.Equal(8000, WordEnd.FindEndSample(s));
            Assert.Equal(500, WordEnd.FindEndMs(s));
        }

        [Fact]
        public void BurstEndingInsideAFrameEndsWithThatFrame()
        {
            // 80 of frame 50's 160 samples carry the tone: half its energy (-3 dB), within 25 dB, so the word ends at
            // the end of that frame, sample 8160 (510 ms).
            var s = new short[16000];
            Tone(s, 3200, 8080, 10000);
            Assert.Equal(8160, WordEnd.FindEndSample(s));
            Assert.Equal(510, WordEnd.FindEndMs(s));
        }

        [Fact]
        public void NoiseFortyDecibelsDownIsNotPartOfTheWord()
        {
            // White noise of RMS 10000/sqrt(2)/100 over the whole clip: 40 dB below the tone's frames.
            var rng = new Random(5);
            var s = new short[16000];
            double rms = 10000 / Math.Sqrt(2) / 100;
            for (int i = 0; i < s.Length; i++)
            {
                s[i] = (short)Math.Round(rms * Math.Sqrt(3) * (2 * rng.NextDouble() - 1)); // uniform: variance a²/3
            }

            Tone(s, 4800, 9600, 10000); // 300..600 ms
            Assert.Equal(600, WordEnd.FindEndMs(s));
        }

        [Fact]
        public void AWeakTailCountsWithinTwentyFiveDecibelsOnly()
        {
            // A word at full level to 500 ms, then a tail to 600 ms at 0.1 (-20 dB: part of the word) or 0.03
            // (-30.5 dB: not part of it).
            var loud = new short[16000];
            Tone(loud, 3200, 8000, 10000);
            var s20 = (short[])loud.Clone();
            Tone(s20, 8000, 9600, 1000);
            Assert.Equal(600, WordEnd.FindEndMs(s20));
            var s30 = (short[])loud.Clone();
            Tone(s30, 8000, 9600, 300);
            Assert.Equal(500, WordEnd.FindEndMs(s30));
            Assert.Equal(600, WordEnd.FindEndSample(s30, 31) / 16);
        }

        [Fact]
        public void SilentOrEmptyClipHasNoWord()
        {
            Assert.Equal(0, WordEnd.FindEndSample(new short[16000]));
            Assert.Equal(0, WordEnd.FindEndSample(Array.Empty<short>()));
            Assert.Throws<ArgumentOutOfRangeException>(() => WordEnd.FindEndSample(new short[10], double.NaN));
        }

        [Fact]
        public void ShortLastFrameIsMeasuredByItsOwnMeanSquare()
        {
            // 16010 samples: the last frame has 10 samples, all loud: it is the loudest frame and the word's end.
            var s = new short[16010];
            for (int i = 16000; i < s.Length; i++)
            {
                s[i] = 5000;
            }

            Assert.Equal(16010, WordEnd.FindEndSample(s));
        }

        [Fact]
        public void NearestRankPercentiles()
        {
            // Sorted 100, 200, ..., 1000: median rank ceil(0.5*10)=5 → 500; p90 rank 9 → 900.
            LatencySummary ten = LatencySummary.From(new[] { 1000, 100, 900, 200, 800, 300, 700, 400, 600, 500 });
            Assert.Equal((10, 500, 900), (ten.Count, ten.MedianMs, ten.P90Ms));
            Assert.Equal("latency after the word's end: median 500 ms, p90 900 ms (10 words)", ten.ToString());

            // Three values: median rank 2, p90 rank ceil(2.7)=3.
            LatencySummary three = LatencySummary.From(new[] { 30, -20, 10 });
            Assert.Equal((3, 10, 30), (three.Count, three.MedianMs, three.P90Ms));
            LatencySummary one = LatencySummary.From(new[] { 7 });
            Assert.Equal((7, 7), (one.MedianMs, one.P90Ms));
            Assert.Equal(0, LatencySummary.From(new List<int>()).Count);
            Assert.StartsWith("no latency", LatencySummary.From(new List<int>()).ToString());
        }

        [Fact]
        public void LatencyIsMeasuredFromTheWordEndOfCorrectDetectionsOnly()
        {
            StreamingTestSet set = StreamingTestSet.FromRecording(new short[16000 * 60], new[]
            {
                new PlacedWord("yes", 1000, 1000, 600),   // word ends at 1600, clip at 2000
                new PlacedWord("no", 5000, 1000, 450),    // word ends at 5450
                new PlacedWord("yes", 9000, 1000, null),  // end unknown: matched, no latency
                new PlacedWord("no", 13000, 1000, 700),   // detected with the wrong label
            });
            var detections = new List<Detection>
            {
                new Detection("yes", 230, 1840),  // 240 ms after the word's end
                new Detection("no", 230, 5950),   // 500 ms
                new Detection("yes", 230, 10100),
                new Detection("yes", 230, 13900),
            };
            StreamingResult r = StreamingEvaluator.Match(detections, set);
            Assert.Equal(3, r.Correct);
            Assert.Equal(1, r.WrongLabel);
            Assert.Equal(new[] { 240, 500 }, r.LatenciesMs);
            Assert.Equal((2, 240, 500), (r.Latency.Count, r.Latency.MedianMs, r.Latency.P90Ms));
            Assert.Contains("median 240 ms, p90 500 ms (2 words)", r.ToString());
        }
    }
}

using System;
using System.Linq;
using VoiceAssistant.Data;
using Xunit;

namespace VoiceAssistant.Training.Tests
{
    public class AugmenterTests
    {
        private static float[] Impulse(int at)
        {
            var x = new float[16000];
            x[at] = 0.5f;
            return x;
        }

        [Fact]
        public void WithoutTrainingTheClipIsUnchanged()
        {
            var augmenter = new Augmenter(new AugmentationOptions(), new[] { Enumerable.Repeat(0.3f, 20000).ToArray() });
            float[] clip = Impulse(1234);
            var output = new float[16000];
            augmenter.Render(clip, training: false, new Rng(1), output);
            Assert.Equal(clip, output);
        }

        [Fact]
        public void TimeShiftMovesTheClipUpTo100MsEitherWayAndPadsWithZeros()
        {
            var augmenter = new Augmenter(new AugmentationOptions(), Array.Empty<float[]>());
            var output = new float[16000];
            int min = int.MaxValue, max = int.MinValue;
            for (int trial = 0; trial < 2000; trial++)
            {
                augmenter.Render(Impulse(8000), training: true, new Rng((ulong)trial), output);
                int[] nonZero = Enumerable.Range(0, 16000).Where(i => output[i] != 0).ToArray();
                int at = Assert.Single(nonZero);
                Assert.Equal(0.5f, output[at]);
                min = Math.Min(min, at - 8000);
                max = Math.Max(max, at - 8000);
            }

            Assert.InRange(min, -1600, -1500);
            Assert.InRange(max, 1500, 1600);

            // A shift that pushes the impulse out of the clip leaves only zeros.
            bool sawEmpty = false;
            for (int trial = 0; trial < 200 && !sawEmpty; trial++)
            {
                augmenter.Render(Impulse(50), training: true, new Rng((ulong)trial), output);
                sawEmpty = output.All(v => v == 0);
            }

            Assert.True(sawEmpty);
        }

        [Fact]
        public void BackgroundIsMixedIntoAbout80PercentAtVolumeBelowTenth()
        {
            var options = new AugmentationOptions { TimeShiftMs = 0 };
            var background = Enumerable.Repeat(0.5f, 30000).ToArray();
            var augmenter = new Augmenter(options, new[] { background });
            var output = new float[16000];
            var foreground = new float[16000];
            foreground[0] = 0.25f;
            int mixed = 0;
            const int trials = 4000;
            for (int trial = 0; trial < trials; trial++)
            {
                augmenter.Render(foreground, training: true, new Rng((ulong)trial), output);
                float level = output[1];
                Assert.All(output.Skip(1), v => Assert.Equal(level, v));
                Assert.Equal(0.25f + level, output[0], 1e-6f);
                Assert.InRange(level, 0f, 0.05f);
                mixed += level > 0 ? 1 : 0;
            }

            Assert.InRange(mixed / (double)trials, 0.77, 0.83);
        }

        [Fact]
        public void GeneratedSilenceIsBackgroundAtAnyVolumeAndMixesClip()
        {
            var background = Enumerable.Repeat(0.8f, 16000).ToArray();
            var augmenter = new Augmenter(new AugmentationOptions(), new[] { background });
            var output = new float[16000];
            double sum = 0;
            for (int trial = 0; trial < 2000; trial++)
            {
                augmenter.Render(null, training: trial % 2 == 0, new Rng((ulong)trial), output);
                Assert.InRange(output[0], 0f, 0.8f);
                sum += output[0] / 0.8;
            }

            Assert.InRange(sum / 2000, 0.45, 0.55);

            var loud = new Augmenter(new AugmentationOptions { BackgroundFrequency = 1, BackgroundVolume = 0.99 }, new[] { Enumerable.Repeat(1f, 16000).ToArray() });
            float[] full = Enumerable.Repeat(0.9f, 16000).ToArray();
            for (int trial = 0; trial < 50; trial++)
            {
                loud.Render(full, training: true, new Rng((ulong)trial), output);
                Assert.All(output, v => Assert.InRange(v, -1f, 1f));
            }
        }

        [Fact]
        public void SpeedAndGainStretchAndScaleTheClipAboutItsMiddle()
        {
            // A ramp x[i] = (i - 7999.5) / 16000 played at rate r with gain g is g·r·(i - 7999.5) / 16000 wherever the
            // source covers it (linear interpolation is exact on a ramp): the slope gives r·g, the ends show r.
            var options = new AugmentationOptions { TimeShiftMs = 0, SpeedChange = 0.2, GainDb = 6 };
            var augmenter = new Augmenter(options, Array.Empty<float[]>());
            float[] ramp = Enumerable.Range(0, 16000).Select(i => (float)((i - 7999.5) / 16000)).ToArray();
            var output = new float[16000];
            double minSlope = double.MaxValue, maxSlope = double.MinValue;
            for (int trial = 0; trial < 500; trial++)
            {
                augmenter.Render(ramp, training: true, new Rng((ulong)trial), output);
                double slope = (output[9000] - output[7000]) / 2000.0 * 16000;
                Assert.InRange(slope, 0.8 * 0.5, 1.2 * 2.0);
                Assert.Equal(slope * (2000 - 7999.5) / 16000, output[2000], 1e-4);
                minSlope = Math.Min(minSlope, slope);
                maxSlope = Math.Max(maxSlope, slope);
            }

            Assert.True(maxSlope / minSlope > 2.5, $"slopes {minSlope}..{maxSlope} hardly vary");

            // Speed alone: gain 1, slope = rate in [0.8, 1.2]; a faster clip ends early (zeros at both ends).
            var speedOnly = new Augmenter(new AugmentationOptions { TimeShiftMs = 0, SpeedChange = 0.2 }, Array.Empty<float[]>());
            bool sawFast = false;
            for (int trial = 0; trial < 200; trial++)
            {
                speedOnly.Render(ramp, training: true, new Rng((ulong)trial), output);
                double rate = (output[9000] - output[7000]) / 2000.0 * 16000;
                Assert.InRange(rate, 0.8 - 1e-4, 1.2 + 1e-4);
                if (rate > 1.1)
                {
                    sawFast = true;
                    Assert.Equal(0f, output[0]);
                    Assert.Equal(0f, output[15999]);
                }
            }

            Assert.True(sawFast);

            // Not in evaluation, and not for generated silence.
            augmenter.Render(ramp, training: false, new Rng(1), output);
            Assert.Equal(ramp, output);
        }

        [Theory]
        [InlineData(-0.1, 0)]
        [InlineData(0.5, 0)]
        [InlineData(double.NaN, 0)]
        [InlineData(0, -1)]
        [InlineData(0, 41)]
        public void OutOfRangeSpeedOrGainIsRefused(double speed, double gainDb)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new Augmenter(new AugmentationOptions { SpeedChange = speed, GainDb = gainDb }, Array.Empty<float[]>()));
        }

        [Fact]
        public void SameSeedSameRendering()
        {
            var rng = new Rng(3);
            var noise = Enumerable.Range(0, 40000).Select(_ => (float)rng.NextDouble(-1, 1)).ToArray();
            var augmenter = new Augmenter(new AugmentationOptions(), new[] { noise });
            float[] clip = Impulse(4000);
            var a = new float[16000];
            var b = new float[16000];
            augmenter.Render(clip, true, new Rng(99), a);
            augmenter.Render(clip, true, new Rng(99), b);
            Assert.Equal(a, b);
            augmenter.Render(clip, true, new Rng(100), b);
            Assert.NotEqual(a, b);
        }
    }
}

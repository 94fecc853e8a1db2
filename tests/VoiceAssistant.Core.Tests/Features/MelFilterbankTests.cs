using System;
using VoiceAssistant.Core.Features;
using Xunit;

namespace VoiceAssistant.Core.Tests.Features
{
    public class MelFilterbankTests
    {
        [Fact]
        public void BandEdgesMatchHandComputation()
        {
            // hz_per_sbin = 0.5·16000/256 = 31.25; start = (int)(1.5 + 20/31.25) = (int)2.14 = 2; end = (int)(4000/31.25) = 128.
            Assert.Equal(31.25, ReferenceMfcc.HzPerBin);
            Assert.Equal(2, ReferenceMfcc.StartBin);
            Assert.Equal(128, ReferenceMfcc.EndBin);
            Assert.Equal(2, FeatureTables.MelStartIndex);
            Assert.Equal(128, FeatureTables.MelEndIndex);

            // mel(20) = 1127·ln(1 + 20/700) = 31.7486; mel(4000) = 1127·ln(47/7) = 2146.0756; spacing = (2146.0756 − 31.7486)/41 = 51.5690.
            Assert.Equal(31.7486, ReferenceMfcc.MelLow, 3);
            Assert.Equal(2146.0756, ReferenceMfcc.MelHigh, 3);
            Assert.Equal(31.7486 + 51.5690, ReferenceMfcc.Center(0), 3);
            Assert.Equal(2146.0756, ReferenceMfcc.Center(40), 3);
            // Band 0 centre in Hz: 700·(e^(83.3175/1127) − 1) = 53.71 Hz; band 39 centre: 700·(e^(2094.5067/1127) − 1) = 3789.8 Hz.
            Assert.Equal(53.71, 700 * (Math.Exp(ReferenceMfcc.Center(0) / 1127) - 1), 2);
            Assert.Equal(3789.8, 700 * (Math.Exp(ReferenceMfcc.Center(39) / 1127) - 1), 1);
        }

        [Fact]
        public void GeneratedMapperAndWeightsFollowTheTriangles()
        {
            // For every used bin the core's (band, weight) pair must give band the falling-slope triangle value
            // and band+1 the rising one, computed independently here.
            for (int i = 0; i < 257; i++)
            {
                int band = FeatureTables.MelBandMapper[i];
                float w = FeatureTables.MelWeights[i];
                if (i < 2 || i > 128)
                {
                    Assert.Equal(-2, band);
                    Assert.Equal(0f, w);
                    continue;
                }

                double m = ReferenceMfcc.Mel(i * 31.25);
                for (int j = 0; j < 40; j++)
                {
                    double expected = ReferenceMfcc.Triangle(j, m);
                    double actual = j == band ? w : j == band + 1 ? 1.0 - w : 0.0;
                    Assert.True(Math.Abs(expected - actual) < 1e-6, $"bin {i} band {j}: {actual} vs {expected}");
                }
            }
        }

        [Fact]
        public void ToneLandsInTheRightMelBand()
        {
            // 1000 Hz → mel 999.99 → (999.99 − 31.7486)/51.5690 − 1 = 17.78: between centres 17 (960.0) and 18 (1011.6),
            // closer to 18. Bin 32 gives band 18 weight 0.77 and the main-lobe neighbours add more: band 18 is the maximum.
            short[] tone = Signals.Tone(480, 1000, 0.5);
            var spectrumRe = new float[257];
            var spectrumIm = new float[257];
            var frame = new float[512];
            for (int n = 0; n < 480; n++)
            {
                frame[n] = tone[n] / 32768f * (float)ReferenceMfcc.Hann(n);
            }

            new Fft().Forward(frame, spectrumRe, spectrumIm);
            var magnitude = new float[257];
            for (int k = 0; k < 257; k++)
            {
                magnitude[k] = (float)Math.Sqrt(spectrumRe[k] * spectrumRe[k] + spectrumIm[k] * spectrumIm[k]);
            }

            var mel = new float[40];
            MelFilterbank.Apply(magnitude, mel);
            int best = 0;
            for (int j = 1; j < 40; j++)
            {
                if (mel[j] > mel[best])
                {
                    best = j;
                }
            }

            Assert.Equal(18, best);
        }

        [Fact]
        public void MatchesReferenceFilterbankOnRandomMagnitudes()
        {
            var rng = new Random(5);
            var magnitude = new float[257];
            for (int k = 0; k < 257; k++)
            {
                magnitude[k] = (float)(rng.NextDouble() * 10);
            }

            var mel = new float[40];
            MelFilterbank.Apply(magnitude, mel);
            double[][] fb = ReferenceMfcc.Filterbank();
            for (int j = 0; j < 40; j++)
            {
                double expected = 0;
                for (int k = 0; k < 257; k++)
                {
                    expected += fb[j][k] * magnitude[k];
                }

                Assert.True(Math.Abs(mel[j] - expected) <= 1e-5 * Math.Max(1, expected), $"band {j}: {mel[j]} vs {expected}");
            }
        }
    }
}

using System;
using System.IO;
using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using NWaves.Windows;
using VoiceAssistant.Core.Features;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Features
{
    public class MfccTests
    {
        private readonly ITestOutputHelper output;

        public MfccTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        private static readonly double[][] Fb = ReferenceMfcc.Filterbank();

        // Float32 pipeline vs double reference on frames with energy in every band: the log mel energies differ by
        // ~1e-6, so the coefficients (sums of 40 terms scaled by √(2/40)) agree to a few 1e-6 (measured: 3.5e-6
        // against the reference, 6.3e-6 against NWaves); 5e-5 leaves margin without hiding a wrong table entry.
        private const double NoiseTolerance = 5e-5;

        private static float[] CoreRows(short[] clip)
        {
            var features = new float[Mfcc.RowsFor(clip.Length) * 40];
            new Mfcc().ComputeClip(clip, features);
            return features;
        }

        [Fact]
        public void OneSecondGives49Rows()
        {
            Assert.Equal(49, Mfcc.RowsFor(16000));
            Assert.Equal(0, Mfcc.RowsFor(479));
            Assert.Equal(1, Mfcc.RowsFor(480));
            Assert.Equal(1, Mfcc.RowsFor(799));
            Assert.Equal(2, Mfcc.RowsFor(800));
        }

        [Theory]
        [InlineData(11, 0.5)]
        [InlineData(12, 0.01)]
        public void MatchesDoubleReferenceOnNoise(int seed, double amplitude)
        {
            short[] clip = Signals.Noise(16000, seed, amplitude);
            float[] rows = CoreRows(clip);
            double worst = 0;
            for (int r = 0; r < 49; r += 6)
            {
                double[] expected = ReferenceMfcc.Frame(clip, r * 320, Fb);
                for (int c = 0; c < 40; c++)
                {
                    double err = Math.Abs(rows[r * 40 + c] - expected[c]);
                    worst = Math.Max(worst, err);
                    Assert.True(err < NoiseTolerance, $"row {r} coef {c}: {rows[r * 40 + c]} vs {expected[c]}");
                }
            }

            output.WriteLine($"worst |core - reference| = {worst:E2}");
        }

        [Fact]
        public void MatchesDoubleReferenceOnToneMix()
        {
            var clip = new short[16000];
            short[] a = Signals.Tone(16000, 440, 0.3);
            short[] b = Signals.Tone(16000, 2500, 0.2);
            short[] n = Signals.Noise(16000, 3, 0.02);
            for (int i = 0; i < clip.Length; i++)
            {
                clip[i] = (short)(a[i] + b[i] + n[i]);
            }

            float[] rows = CoreRows(clip);
            for (int r = 0; r < 49; r += 12)
            {
                double[] expected = ReferenceMfcc.Frame(clip, r * 320, Fb);
                for (int c = 0; c < 40; c++)
                {
                    Assert.True(Math.Abs(rows[r * 40 + c] - expected[c]) < NoiseTolerance, $"row {r} coef {c}");
                }
            }
        }

        [Fact]
        public void SilenceHitsTheLogFloor()
        {
            // All-zero input: every mel energy is 0 → ln(1e-12) = −27.631; DCT of a constant: c0 = √(2/40)·40·(−27.631) = −247.14, rest 0.
            float[] rows = CoreRows(new short[480]);
            Assert.Equal(-27.631021 * Math.Sqrt(2.0 / 40) * 40, rows[0], 3);
            for (int c = 1; c < 40; c++)
            {
                Assert.True(Math.Abs(rows[c]) < 1e-4, $"coef {c} = {rows[c]}");
            }
        }

        [Fact]
        public void MatchesNWavesWithTheSameFilterbank()
        {
            // NWaves 0.9.6 MfccExtractor.ProcessFrame on a block we window ourselves (its own Hann is symmetric and
            // applied outside ProcessFrame), with the TF triangles given as its FilterBank, magnitude spectrum, ln with
            // floor 1e-12, DCT type "2N". Differences from TF conventions: "2N" scales coefficient 0 by an extra √½,
            // and NWaves multiplies spectrum by weight (v·w and v·(1 − w)) where TF computes v·w and v − v·w.
            // Same tolerance as for the double reference (both are float32 pipelines).
            var fbf = new float[40][];
            for (int j = 0; j < 40; j++)
            {
                fbf[j] = Array.ConvertAll(Fb[j], v => (float)v);
            }

            var extractor = new MfccExtractor(new MfccOptions
            {
                SamplingRate = 16000,
                FeatureCount = 40,
                FrameSize = 480,
                HopSize = 320,
                FilterBank = fbf,
                SpectrumType = SpectrumType.Magnitude,
                NonLinearity = NonLinearityType.LogE,
                LogFloor = 1e-12f,
                DctType = "2N",
                LifterSize = 0,
                Window = WindowType.Rectangular,
            });

            short[] clip = Signals.Noise(16000, 21, 0.3);
            float[] rows = CoreRows(clip);
            var block = new float[512];
            var nw = new float[40];
            double worst = 0;
            for (int r = 0; r < 49; r += 8)
            {
                for (int n = 0; n < 480; n++)
                {
                    block[n] = (float)(clip[r * 320 + n] / 32768.0 * ReferenceMfcc.Hann(n));
                }

                extractor.ProcessFrame(block, nw);
                Assert.True(Math.Abs(rows[r * 40] - nw[0] * Math.Sqrt(2)) < NoiseTolerance, $"row {r} c0 {rows[r * 40]} vs {nw[0] * Math.Sqrt(2)}");
                worst = Math.Max(worst, Math.Abs(rows[r * 40] - nw[0] * Math.Sqrt(2)));
                for (int c = 1; c < 40; c++)
                {
                    Assert.True(Math.Abs(rows[r * 40 + c] - nw[c]) < NoiseTolerance, $"row {r} coef {c}: {rows[r * 40 + c]} vs {nw[c]}");
                    worst = Math.Max(worst, Math.Abs(rows[r * 40 + c] - nw[c]));
                }
            }

            output.WriteLine($"worst |core - NWaves| = {worst:E2}");
        }

        [Fact]
        public void RealYesClipRunsThroughAndMatchesReference()
        {
            string dir = SharedData.Require("data/speech_commands/yes");
            string[] files = Directory.GetFiles(dir, "*.wav");
            Array.Sort(files, StringComparer.Ordinal);
            short[] clip = Signals.ReadWav(files[0]);
            Assert.Equal(16000, clip.Length);
            float[] rows = CoreRows(clip);
            Assert.Equal(49 * 40, rows.Length);
            int compared = 0;
            double worst = 0;
            for (int r = 0; r < 49; r++)
            {
                double[] mel = ReferenceMfcc.MelEnergies(clip, r * 320, Fb);
                double[] expected = ReferenceMfcc.Frame(clip, r * 320, Fb);
                for (int c = 0; c < 40; c++)
                {
                    Assert.True(float.IsFinite(rows[r * 40 + c]));
                }

                // Near-digital-silence frames put tiny energies into high bands, where float rounding noise of the
                // FFT is comparable to the energy itself; compare the frames whose every band is well above that
                // (all 49 frames of this clip). Measured worst difference 3.9e-5 (quiet frames, larger log terms).
                if (Array.TrueForAll(mel, m => m > 1e-5))
                {
                    compared++;
                    for (int c = 0; c < 40; c++)
                    {
                        Assert.True(Math.Abs(rows[r * 40 + c] - expected[c]) < 2e-4, $"row {r} coef {c}: {rows[r * 40 + c]} vs {expected[c]}");
                        worst = Math.Max(worst, Math.Abs(rows[r * 40 + c] - expected[c]));
                    }
                }
            }

            output.WriteLine($"{Path.GetFileName(files[0])}: {compared} frames compared, worst {worst:E2}");

            Assert.True(compared >= 40, $"only {compared} frames compared");
        }
    }
}

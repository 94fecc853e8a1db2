using System;
using System.Numerics;
using VoiceAssistant.Core.Features;
using Xunit;

namespace VoiceAssistant.Core.Tests.Features
{
    public class FftTests
    {
        private static float[] RandomInput(int seed)
        {
            var rng = new Random(seed);
            var x = new float[512];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = (float)(rng.NextDouble() * 2 - 1);
            }

            return x;
        }

        private static (float[] Re, float[] Im) Core(float[] x)
        {
            var re = new float[257];
            var im = new float[257];
            new Fft().Forward(x, re, im);
            return (re, im);
        }

        // Float32 radix-2 FFT of 512 inputs in [-1, 1] (|X| up to ~60): errors stay below 1e-4 absolute.
        private const double Tolerance = 1e-4;

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void MatchesNaiveDoubleDft(int seed)
        {
            float[] x = RandomInput(seed);
            (float[] re, float[] im) = Core(x);
            var rr = new double[257];
            var ri = new double[257];
            ReferenceMfcc.Dft(Array.ConvertAll(x, v => (double)v), rr, ri);
            for (int k = 0; k < 257; k++)
            {
                Assert.True(Math.Abs(re[k] - rr[k]) < Tolerance, $"re[{k}] {re[k]} vs {rr[k]}");
                Assert.True(Math.Abs(im[k] - ri[k]) < Tolerance, $"im[{k}] {im[k]} vs {ri[k]}");
            }
        }

        [Fact]
        public void MatchesFftSharp()
        {
            float[] x = RandomInput(7);
            (float[] re, float[] im) = Core(x);
            Complex[] expected = FftSharp.FFT.ForwardReal(Array.ConvertAll(x, v => (double)v));
            Assert.Equal(257, expected.Length);
            for (int k = 0; k < 257; k++)
            {
                Assert.True(Math.Abs(re[k] - expected[k].Real) < Tolerance, $"re[{k}]");
                Assert.True(Math.Abs(im[k] - expected[k].Imaginary) < Tolerance, $"im[{k}]");
            }
        }

        [Fact]
        public void ImpulseGivesFlatSpectrumAndDcIsReal()
        {
            var x = new float[512];
            x[0] = 1f;
            (float[] re, float[] im) = Core(x);
            for (int k = 0; k < 257; k++)
            {
                Assert.Equal(1f, re[k], 6);
                Assert.Equal(0f, im[k], 6);
            }
        }

        [Fact]
        public void PureToneLandsInItsBin()
        {
            // 1000 Hz at 16 kHz with a 512-point FFT: bin 1000 / 31.25 = 32 exactly.
            var x = new float[512];
            for (int n = 0; n < 480; n++)
            {
                x[n] = (float)(0.5 * Math.Sin(2 * Math.PI * 1000 * n / 16000.0) * (0.5 - 0.5 * Math.Cos(2 * Math.PI * n / 480)));
            }

            (float[] re, float[] im) = Core(x);
            var power = new float[257];
            Fft.Power(re, im, power);
            int best = 0;
            for (int k = 1; k < 257; k++)
            {
                if (power[k] > power[best])
                {
                    best = k;
                }
            }

            Assert.Equal(32, best);
            // Hann main lobe: amplitude·Σw/2 = 0.5·240/2 = 60 at the peak.
            Assert.Equal(60.0, Math.Sqrt(power[32]), 2);
        }
    }
}

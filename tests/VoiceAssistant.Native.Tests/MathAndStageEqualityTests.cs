using System;
using VoiceAssistant.Core.Features;
using Xunit;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>FloatMath, FFT, filterbank and DCT on their own: managed and native bit for bit.</summary>
    public class MathAndStageEqualityTests
    {
        private readonly ITestOutputHelper output;

        public MathAndStageEqualityTests(ITestOutputHelper output)
        {
            this.output = output;
            NativeApi.Require();
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        public void SqrtAndLogOnEveryKindOfFloat(int op)
        {
            // 1M random bit patterns (negative, denormal, NaN, infinite included), 1M positives in the MFCC's range,
            // and the special values.
            var rng = new Random(100 + op);
            var input = new float[2_000_000 + 12];
            for (int i = 0; i < 1_000_000; i++)
            {
                input[i] = BitConverter.Int32BitsToSingle(rng.Next() ^ (rng.Next() << 1));
            }

            for (int i = 1_000_000; i < 2_000_000; i++)
            {
                input[i] = (float)Math.Exp(rng.NextDouble() * 80 - 40);
            }

            float[] special = { 0f, -0f, 1f, 2f, 4f, 1e-12f, float.Epsilon, float.MaxValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN, -1f };
            special.CopyTo(input, 2_000_000);

            var managed = new float[input.Length];
            for (int i = 0; i < input.Length; i++)
            {
                managed[i] = op == 0 ? FloatMath.Sqrt(input[i]) : FloatMath.Log(input[i]);
            }

            var native = new float[input.Length];
            Assert.Equal(input.Length, NativeApi.va_float_math(op, input, input.Length, native));
            BitCompare.Require(BitCompare.Floats(managed, native, input.Length, op == 0 ? "Sqrt" : "Log"));
            output.WriteLine($"{(op == 0 ? "Sqrt" : "Log")}: {input.Length} results bit-equal");
        }

        [Fact]
        public void FftFilterbankAndDctOnRandomInputs()
        {
            var rng = new Random(7);
            var fft = new Fft();
            var input = new float[512];
            var re = new float[257];
            var im = new float[257];
            var nre = new float[257];
            var nim = new float[257];
            var mel = new float[40];
            var nmel = new float[40];
            var dct = new float[40];
            var ndct = new float[40];
            const int trials = 2000;
            for (int t = 0; t < trials; t++)
            {
                double scale = Math.Pow(10, rng.Next(-6, 4));
                for (int i = 0; i < input.Length; i++)
                {
                    input[i] = (float)((rng.NextDouble() * 2 - 1) * scale);
                }

                fft.Forward(input, re, im);
                Assert.Equal(257, NativeApi.va_fft_forward(input, nre, nim));
                BitCompare.Require(BitCompare.Floats(re, nre, 257, $"FFT re, trial {t}"));
                BitCompare.Require(BitCompare.Floats(im, nim, 257, $"FFT im, trial {t}"));

                // Magnitudes for the filterbank: |re| is as good a positive spectrum as any.
                for (int k = 0; k < 257; k++)
                {
                    re[k] = Math.Abs(re[k]);
                }

                MelFilterbank.Apply(re, mel);
                Assert.Equal(40, NativeApi.va_mel_filterbank(re, nmel));
                BitCompare.Require(BitCompare.Floats(mel, nmel, 40, $"filterbank, trial {t}"));

                for (int j = 0; j < 40; j++)
                {
                    mel[j] = (float)(rng.NextDouble() * 33 - 28);
                }

                Dct.Apply(mel, dct, 0);
                Assert.Equal(40, NativeApi.va_dct(mel, ndct));
                BitCompare.Require(BitCompare.Floats(dct, ndct, 40, $"DCT, trial {t}"));
            }

            output.WriteLine($"{trials} FFTs (2×257 floats), filterbanks (40) and DCTs (40) bit-equal");
        }
    }
}

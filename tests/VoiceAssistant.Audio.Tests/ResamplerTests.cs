using System;
using VoiceAssistant.Audio;
using Xunit;

namespace VoiceAssistant.Audio.Tests
{
    public class ResamplerTests
    {
        private static float[] Tone(double frequency, int rate, int length, double amplitude, double phase = 0.3)
        {
            var x = new float[length];
            for (int i = 0; i < length; i++)
            {
                x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate + phase));
            }

            return x;
        }

        [Theory]
        [InlineData(44100, 1000.0)]
        [InlineData(44100, 3000.0)]
        [InlineData(48000, 1000.0)]
        [InlineData(22050, 2500.0)]
        [InlineData(11025, 1000.0)]
        [InlineData(8000, 1000.0)]
        [InlineData(32000, 5000.0)]
        [InlineData(12345, 700.0)]
        public void ToneKeepsFrequencyPhaseAndAmplitude(int fromRate, double frequency)
        {
            const double amplitude = 0.5;
            float[] input = Tone(frequency, fromRate, fromRate, amplitude);
            float[] output = Resampler.Resample(input, fromRate, 16000);
            Assert.InRange(output.Length, 15999, 16001);

            // The ideal result is the same analytic sine sampled at 16 kHz (zero-phase kernel, no delay).
            float[] ideal = Tone(frequency, 16000, output.Length, amplitude);
            double maxError = 0;
            for (int n = 400; n < output.Length - 400; n++)
            {
                maxError = Math.Max(maxError, Math.Abs(output[n] - ideal[n]));
            }

            Assert.True(maxError < amplitude * 0.005, $"max deviation {maxError} from the ideal tone");
        }

        [Fact]
        public void ToneAboveTheNewNyquistIsRemovedNotAliased()
        {
            float[] input = Tone(12000, 44100, 44100, 0.5);
            float[] output = Resampler.Resample(input, 44100, 16000);
            double sum = 0;
            for (int n = 400; n < output.Length - 400; n++)
            {
                sum += output[n] * output[n];
            }

            double rms = Math.Sqrt(sum / (output.Length - 800));
            Assert.True(rms < 0.5 / Math.Sqrt(2) * 0.01, $"aliased residue rms {rms} is above -40 dB");
        }

        [Fact]
        public void SameRateIsACopyAndEmptyStaysEmpty()
        {
            float[] x = { 1, 2, 3 };
            float[] y = Resampler.Resample(x, 16000, 16000);
            Assert.Equal(x, y);
            Assert.NotSame(x, y);
            Assert.Empty(Resampler.Resample(Array.Empty<float>(), 44100, 16000));
        }

        [Fact]
        public void ReaderResamplesAStereo44kFileTo16kMono()
        {
            const int rate = 44100;
            float[] tone = Tone(1000, rate, rate / 2, 0.4);
            var data = new short[tone.Length * 2];
            for (int i = 0; i < tone.Length; i++)
            {
                // Left carries the tone plus a DC offset, right the tone minus it: the average is the tone.
                data[2 * i] = (short)Math.Round((tone[i] + 0.1) * 32768);
                data[2 * i + 1] = (short)Math.Round((tone[i] - 0.1) * 32768);
            }

            byte[] image = new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 2, rate, 16)).Chunk("data", WavBuilder.Int16(data)).Build();
            string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".wav");
            System.IO.File.WriteAllBytes(path, image);
            try
            {
                short[] mono = WavReader.ReadMono16k(path);
                Assert.Equal(8000, mono.Length);
                float[] ideal = Tone(1000, 16000, mono.Length, 0.4);
                for (int n = 400; n < mono.Length - 400; n++)
                {
                    Assert.True(Math.Abs(mono[n] / 32768.0 - ideal[n]) < 0.003, $"sample {n}: {mono[n] / 32768.0} vs {ideal[n]}");
                }
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }
    }
}

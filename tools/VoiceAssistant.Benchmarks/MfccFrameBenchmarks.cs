using System;
using BenchmarkDotNet.Attributes;
using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using NWaves.Windows;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Benchmarks
{
    /// <summary>
    /// Cost of one 20 ms hop's feature row: the core's MFCC frame against NWaves' MFCC on the same 480 samples
    /// (both including int16 scaling and the Hann window; NWaves with 40 mel bands 20–4000 Hz, 512-point FFT,
    /// magnitude spectrum, ln, normalised DCT-II).
    /// </summary>
    [MemoryDiagnoser]
    public class MfccFrameBenchmarks
    {
        private readonly short[] samples = new short[AssistantSettings.SampleRate];
        private readonly float[] row = new float[AssistantSettings.CoefficientCount];
        private readonly float[] block = new float[AssistantSettings.FftLength];
        private readonly float[] hann = new float[AssistantSettings.WindowSamples];
        private Mfcc mfcc;
        private FeatureStream stream;
        private MfccExtractor nwaves;
        private int hop;

        /// <summary>Builds both extractors and one second of pseudo-random audio.</summary>
        [GlobalSetup]
        public void Setup()
        {
            var rng = new Random(42);
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)rng.Next(-8000, 8000);
            }

            for (int n = 0; n < hann.Length; n++)
            {
                hann[n] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * n / hann.Length));
            }

            mfcc = new Mfcc();
            stream = new FeatureStream(new FeatureQuantizer(0.1f, 0), new FeatureWindow());
            nwaves = new MfccExtractor(new MfccOptions
            {
                SamplingRate = AssistantSettings.SampleRate,
                FeatureCount = AssistantSettings.CoefficientCount,
                FrameSize = AssistantSettings.WindowSamples,
                HopSize = AssistantSettings.HopSamples,
                FftSize = AssistantSettings.FftLength,
                FilterBankSize = AssistantSettings.MelBands,
                LowFrequency = AssistantSettings.LowerFrequencyHz,
                HighFrequency = AssistantSettings.UpperFrequencyHz,
                SpectrumType = SpectrumType.Magnitude,
                NonLinearity = NonLinearityType.LogE,
                LogFloor = AssistantSettings.LogFloor,
                DctType = "2N",
                LifterSize = 0,
                Window = WindowType.Rectangular,
            });
        }

        private int NextOffset()
        {
            hop = hop + 1 == 49 ? 0 : hop + 1;
            return hop * AssistantSettings.HopSamples;
        }

        /// <summary>The core: one frame from int16 samples to 40 float coefficients.</summary>
        [Benchmark(Baseline = true)]
        public float CoreFrame()
        {
            mfcc.ComputeFrame(samples, NextOffset(), row, 0);
            return row[1];
        }

        /// <summary>NWaves: the same scaling and window, then <c>MfccExtractor.ProcessFrame</c>.</summary>
        [Benchmark]
        public float NWavesFrame()
        {
            int offset = NextOffset();
            for (int n = 0; n < AssistantSettings.WindowSamples; n++)
            {
                block[n] = samples[offset + n] * AssistantSettings.SampleScale * hann[n];
            }

            Array.Clear(block, AssistantSettings.WindowSamples, AssistantSettings.FftLength - AssistantSettings.WindowSamples);
            nwaves.ProcessFrame(block, row);
            return row[1];
        }

        /// <summary>The streaming path per hop: push 320 samples, one row quantised into the window.</summary>
        [Benchmark]
        public int CoreStreamHop()
        {
            return stream.Push(samples, NextOffset(), AssistantSettings.HopSamples);
        }
    }
}

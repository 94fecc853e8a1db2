using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Features
{
    /// <summary>
    /// The float MFCC of one analysis window (TensorFlow speech_commands conventions): scale int16 samples by
    /// <see cref="AssistantSettings.SampleScale"/>, apply the periodic Hann window, zero-pad to 512, real FFT,
    /// magnitude (<see cref="FloatMath.Sqrt"/> of the power), mel filterbank, ln(max(x, 1e-12)) with
    /// <see cref="FloatMath.Log"/>, DCT-II. Owns its work buffers, so computing a frame allocates nothing.
    /// </summary>
    /// <remarks>
    /// Exact float32 order (the native kernel copies it): x[n] = ((float)s[n] · SampleScale) · HannWindow[n] for
    /// n &lt; 480, x[n] = 0 up to 512; <see cref="Fft.Forward"/>; mag[k] = Sqrt(re·re + im·im);
    /// <see cref="MelFilterbank.Apply"/>; v = mel[c] &lt; 1e-12 ? 1e-12 : mel[c], log[c] = Log(v);
    /// <see cref="Dct.Apply"/>. Not thread-safe: use one instance per thread.
    /// </remarks>
    public sealed class Mfcc
    {
        private readonly Fft fft = new Fft();
        private readonly float[] frame = new float[AssistantSettings.FftLength];
        private readonly float[] specRe = new float[AssistantSettings.SpectrumBins];
        private readonly float[] specIm = new float[AssistantSettings.SpectrumBins];
        private readonly float[] magnitude = new float[AssistantSettings.SpectrumBins];
        private readonly float[] mel = new float[AssistantSettings.MelBands];

        /// <summary>Number of feature rows a clip of <paramref name="sampleCount"/> samples yields (0 if shorter than a window).</summary>
        /// <param name="sampleCount">Samples in the clip.</param>
        /// <returns>1 + (count − 480) / 320, or 0.</returns>
        public static int RowsFor(int sampleCount)
        {
            if (sampleCount < AssistantSettings.WindowSamples)
            {
                return 0;
            }

            return 1 + (sampleCount - AssistantSettings.WindowSamples) / AssistantSettings.HopSamples;
        }

        /// <summary>Computes one row of <see cref="AssistantSettings.CoefficientCount"/> coefficients.</summary>
        /// <param name="samples">Source samples.</param>
        /// <param name="offset">Index of the window's first sample; 480 samples must follow.</param>
        /// <param name="output">Receives the coefficients.</param>
        /// <param name="outputOffset">Index of the first coefficient in <paramref name="output"/>.</param>
        public void ComputeFrame(short[] samples, int offset, float[] output, int outputOffset)
        {
            if (samples == null || output == null)
            {
                throw new ArgumentNullException();
            }

            if (offset < 0 || offset + AssistantSettings.WindowSamples > samples.Length || outputOffset < 0 || outputOffset + AssistantSettings.CoefficientCount > output.Length)
            {
                throw new ArgumentOutOfRangeException();
            }

            float[] hann = FeatureTables.HannWindow;
            for (int n = 0; n < AssistantSettings.WindowSamples; n++)
            {
                frame[n] = samples[offset + n] * AssistantSettings.SampleScale * hann[n];
            }

            for (int n = AssistantSettings.WindowSamples; n < AssistantSettings.FftLength; n++)
            {
                frame[n] = 0f;
            }

            fft.Forward(frame, specRe, specIm);
            for (int k = 0; k < AssistantSettings.SpectrumBins; k++)
            {
                float a = specRe[k];
                float b = specIm[k];
                magnitude[k] = FloatMath.Sqrt(a * a + b * b);
            }

            MelFilterbank.Apply(magnitude, mel);
            for (int c = 0; c < AssistantSettings.MelBands; c++)
            {
                float v = mel[c];
                if (v < AssistantSettings.LogFloor)
                {
                    v = AssistantSettings.LogFloor;
                }

                mel[c] = FloatMath.Log(v);
            }

            Dct.Apply(mel, output, outputOffset);
        }

        /// <summary>Computes every full window of a clip (the batch path used for training).</summary>
        /// <param name="clip">Samples of the clip.</param>
        /// <param name="features">Receives rows × 40 floats, row-major (row = frame).</param>
        /// <returns>Number of rows written (<see cref="RowsFor"/> of the clip length).</returns>
        public int ComputeClip(short[] clip, float[] features)
        {
            if (clip == null)
            {
                throw new ArgumentNullException("clip");
            }

            return ComputeClip(clip, 0, clip.Length, features);
        }

        /// <summary>Computes every full window of <paramref name="count"/> samples starting at <paramref name="offset"/>.</summary>
        /// <param name="clip">Samples.</param>
        /// <param name="offset">First sample.</param>
        /// <param name="count">Number of samples.</param>
        /// <param name="features">Receives rows × 40 floats, row-major.</param>
        /// <returns>Number of rows written.</returns>
        public int ComputeClip(short[] clip, int offset, int count, float[] features)
        {
            if (clip == null || features == null)
            {
                throw new ArgumentNullException();
            }

            if (offset < 0 || count < 0 || offset + count > clip.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            int rows = RowsFor(count);
            if (features.Length < rows * AssistantSettings.CoefficientCount)
            {
                throw new ArgumentException("features too short");
            }

            for (int r = 0; r < rows; r++)
            {
                ComputeFrame(clip, offset + r * AssistantSettings.HopSamples, features, r * AssistantSettings.CoefficientCount);
            }

            return rows;
        }
    }
}

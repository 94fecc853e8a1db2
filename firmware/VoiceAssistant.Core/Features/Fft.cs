using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Features
{
    /// <summary>
    /// Real-input FFT of <see cref="AssistantSettings.FftLength"/> points, computed as a complex FFT of half
    /// that length (iterative radix-2, decimation in time) followed by the split step that separates the
    /// spectra of the even and odd samples.
    /// </summary>
    /// <remarks>
    /// Operation order is part of the contract (the native kernel reproduces it bit for bit):
    /// <list type="number">
    /// <item>z[n] = x[2n] + i·x[2n+1] is stored at the bit-reversed position rev[n].</item>
    /// <item>For len = 2, 4, …, 256 with half = len/2 and stride = 256/len, for each block start b and each
    /// j &lt; half: (wr, wi) = (TwiddleRe[j·stride], TwiddleIm[j·stride]) = (cos, −sin)(2πj·stride/256);
    /// with q = b + j + half: tr = wr·re[q] − wi·im[q]; ti = wr·im[q] + wi·re[q];
    /// re[q] = re[p] − tr; im[q] = im[p] − ti; re[p] = re[p] + tr; im[p] = im[p] + ti (p = b + j).</item>
    /// <item>Split, for k = 0..256 with Z[256] ≡ Z[0]: (a, b) = Z[k], (c, d) = Z[(256 − k) mod 256];
    /// er = 0.5·(a + c); ei = 0.5·(b − d); or = 0.5·(b + d); oi = 0.5·(c − a);
    /// (wr, wi) = (SplitRe[k], SplitIm[k]) = (cos, −sin)(2πk/512);
    /// X[k] = (er + (wr·or − wi·oi), ei + (wr·oi + wi·or)).</item>
    /// </list>
    /// </remarks>
    public sealed class Fft
    {
        private const int Half = AssistantSettings.FftLength / 2;

        private readonly float[] re = new float[Half];
        private readonly float[] im = new float[Half];

        /// <summary>Computes the spectrum X[0..256] of 512 real samples.</summary>
        /// <param name="input">512 real samples (zero padding already applied).</param>
        /// <param name="outRe">Receives the 257 real parts.</param>
        /// <param name="outIm">Receives the 257 imaginary parts.</param>
        public void Forward(float[] input, float[] outRe, float[] outIm)
        {
            if (input == null || outRe == null || outIm == null)
            {
                throw new ArgumentNullException();
            }

            if (input.Length < AssistantSettings.FftLength || outRe.Length < AssistantSettings.SpectrumBins || outIm.Length < AssistantSettings.SpectrumBins)
            {
                throw new ArgumentException("FFT buffers too short");
            }

            short[] rev = FeatureTables.BitReverse;
            for (int n = 0; n < Half; n++)
            {
                int r = rev[n];
                re[r] = input[2 * n];
                im[r] = input[2 * n + 1];
            }

            ComplexInPlace();
            Split(outRe, outIm);
        }

        /// <summary>Power |X[k]|² = re·re + im·im for every spectrum bin.</summary>
        /// <param name="re">Real parts (257).</param>
        /// <param name="im">Imaginary parts (257).</param>
        /// <param name="power">Receives the 257 powers.</param>
        public static void Power(float[] re, float[] im, float[] power)
        {
            for (int k = 0; k < AssistantSettings.SpectrumBins; k++)
            {
                float a = re[k];
                float b = im[k];
                power[k] = a * a + b * b;
            }
        }

        /// <summary>Butterflies of the 256-point complex FFT on data already in bit-reversed order.</summary>
        private void ComplexInPlace()
        {
            float[] twr = FeatureTables.FftTwiddleRe;
            float[] twi = FeatureTables.FftTwiddleIm;
            for (int len = 2; len <= Half; len = len * 2)
            {
                int half = len / 2;
                int stride = Half / len;
                for (int b = 0; b < Half; b = b + len)
                {
                    for (int j = 0; j < half; j++)
                    {
                        float wr = twr[j * stride];
                        float wi = twi[j * stride];
                        int p = b + j;
                        int q = p + half;
                        float xr = re[q];
                        float xi = im[q];
                        float tr = wr * xr - wi * xi;
                        float ti = wr * xi + wi * xr;
                        float pr = re[p];
                        float pi = im[p];
                        re[q] = pr - tr;
                        im[q] = pi - ti;
                        re[p] = pr + tr;
                        im[p] = pi + ti;
                    }
                }
            }
        }

        /// <summary>Turns the half-length complex spectrum into the spectrum of the real input.</summary>
        private void Split(float[] outRe, float[] outIm)
        {
            float[] swr = FeatureTables.SplitTwiddleRe;
            float[] swi = FeatureTables.SplitTwiddleIm;
            for (int k = 0; k <= Half; k++)
            {
                int kk = k & (Half - 1);
                int nk = (Half - k) & (Half - 1);
                float a = re[kk];
                float b = im[kk];
                float c = re[nk];
                float d = im[nk];
                float er = 0.5f * (a + c);
                float ei = 0.5f * (b - d);
                float orr = 0.5f * (b + d);
                float oii = 0.5f * (c - a);
                float wr = swr[k];
                float wi = swi[k];
                outRe[k] = er + (wr * orr - wi * oii);
                outIm[k] = ei + (wr * oii + wi * orr);
            }
        }
    }
}

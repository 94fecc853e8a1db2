using System;
using System.Collections.Generic;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Codegen.Features
{
    /// <summary>
    /// Computes every table of the MFCC front end in double precision with System.Math and rounds each value
    /// once to float32. The mel filterbank follows TensorFlow's <c>mfcc_mel_filterbank.cc</c>.
    /// </summary>
    public static class FeatureTableBuilder
    {
        private const int HalfFft = AssistantSettings.FftLength / 2;

        /// <summary>The filterbank's first and last used spectrum bins, as integer constants.</summary>
        public static IReadOnlyList<GeneratedConstant> BuildConstants()
        {
            MelLayout mel = MelLayout.Compute();
            return new[]
            {
                new GeneratedConstant("MelStartIndex", "First spectrum bin the mel filterbank reads (TF start_index_).", mel.StartIndex),
                new GeneratedConstant("MelEndIndex", "Last spectrum bin the mel filterbank reads, inclusive (TF end_index_).", mel.EndIndex),
            };
        }

        /// <summary>All tables in the order they are emitted.</summary>
        public static IReadOnlyList<GeneratedTable> BuildTables()
        {
            MelLayout mel = MelLayout.Compute();
            var fftRe = new double[HalfFft / 2];
            var fftIm = new double[HalfFft / 2];
            for (int j = 0; j < fftRe.Length; j++)
            {
                (double c, double s) = CosSinTurn(j, HalfFft);
                fftRe[j] = c;
                fftIm[j] = -s;
            }

            var splitRe = new double[HalfFft + 1];
            var splitIm = new double[HalfFft + 1];
            for (int k = 0; k <= HalfFft; k++)
            {
                (double c, double s) = CosSinTurn(k, AssistantSettings.FftLength);
                splitRe[k] = c;
                splitIm[k] = -s;
            }

            var hann = new double[AssistantSettings.WindowSamples];
            for (int n = 0; n < hann.Length; n++)
            {
                hann[n] = 0.5 - 0.5 * CosSinTurn(n, AssistantSettings.WindowSamples).Cos;
            }

            int bands = AssistantSettings.MelBands;
            var dct = new double[AssistantSettings.CoefficientCount * bands];
            double norm = Math.Sqrt(2.0 / bands);
            for (int i = 0; i < AssistantSettings.CoefficientCount; i++)
            {
                for (int j = 0; j < bands; j++)
                {
                    // cos(pi*i*(j+0.5)/N) = cos(2*pi * i*(2j+1) / (4N)), exact at the zeros.
                    dct[i * bands + j] = norm * CosSinTurn(i * (2 * j + 1), 4 * bands).Cos;
                }
            }

            return new[]
            {
                GeneratedTable.Int16("BitReverse", "8-bit bit reversal: position of z[n] before the 256-point butterflies", BitReverse(HalfFft)),
                GeneratedTable.FromDoubles("FftTwiddleRe", "cos(2*pi*j/256), j = 0..127", fftRe),
                GeneratedTable.FromDoubles("FftTwiddleIm", "-sin(2*pi*j/256), j = 0..127", fftIm),
                GeneratedTable.FromDoubles("SplitTwiddleRe", "cos(2*pi*k/512), k = 0..256, for the real-FFT split step", splitRe),
                GeneratedTable.FromDoubles("SplitTwiddleIm", "-sin(2*pi*k/512), k = 0..256, for the real-FFT split step", splitIm),
                GeneratedTable.FromDoubles("HannWindow", "Periodic Hann window 0.5 - 0.5*cos(2*pi*n/480)", hann),
                GeneratedTable.Int16("MelBandMapper", "Per spectrum bin, the mel band whose falling slope it lies on (-1 below band 0, -2 unused; TF band_mapper_)", mel.BandMapper),
                GeneratedTable.FromDoubles("MelWeights", "Per spectrum bin, the share of its value given to MelBandMapper's band; the rest goes to the next band (TF weights_)", mel.Weights),
                GeneratedTable.FromDoubles("DctMatrix", "DCT-II matrix sqrt(2/40)*cos(pi*i*(j+0.5)/40) at [i*40 + j]", dct),
            };
        }

        /// <summary>cos and sin of 2πk/n with exact values at multiples of a quarter turn (n divisible by 4).</summary>
        public static (double Cos, double Sin) CosSinTurn(int k, int n)
        {
            if (n % 4 != 0)
            {
                throw new ArgumentException("n must be a multiple of 4", nameof(n));
            }

            int r = ((k % n) + n) % n;
            int quadrant = 4 * r / n;
            int rest = r - quadrant * (n / 4);
            double c = 1.0;
            double s = 0.0;
            if (rest != 0)
            {
                double angle = 2.0 * Math.PI * rest / n;
                c = Math.Cos(angle);
                s = Math.Sin(angle);
            }

            return quadrant switch
            {
                0 => (c, s),
                1 => (-s, c),
                2 => (-c, -s),
                _ => (s, -c),
            };
        }

        private static int[] BitReverse(int size)
        {
            int bits = 0;
            while ((1 << bits) < size)
            {
                bits++;
            }

            var rev = new int[size];
            for (int i = 0; i < size; i++)
            {
                int r = 0;
                for (int b = 0; b < bits; b++)
                {
                    r |= ((i >> b) & 1) << (bits - 1 - b);
                }

                rev[i] = r;
            }

            return rev;
        }
    }
}

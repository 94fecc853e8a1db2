using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Codegen.Features
{
    /// <summary>
    /// TensorFlow's MFCC mel filterbank layout (<c>MfccMelFilterbank::Initialize</c>) in double precision:
    /// centre frequencies, start/end bin, band mapper and weights for a 257-bin spectrum.
    /// </summary>
    public sealed class MelLayout
    {
        private MelLayout()
        {
        }

        /// <summary>Mel centres of the bands plus one extra centre on top (41 values, mel units).</summary>
        public double[] CentersMel { get; private set; }

        /// <summary>Mel value of the lower frequency limit.</summary>
        public double MelLow { get; private set; }

        /// <summary>Hz between spectrum bins: 0.5·rate/(bins − 1).</summary>
        public double HzPerBin { get; private set; }

        /// <summary>First bin used: (int)(1.5 + low/HzPerBin).</summary>
        public int StartIndex { get; private set; }

        /// <summary>Last bin used: (int)(high/HzPerBin).</summary>
        public int EndIndex { get; private set; }

        /// <summary>Band whose falling slope each bin is on (−1 below band 0, −2 for unused bins).</summary>
        public int[] BandMapper { get; private set; }

        /// <summary>Weight of each bin for the band in <see cref="BandMapper"/> (0 for unused bins).</summary>
        public double[] Weights { get; private set; }

        /// <summary>HTK-style mel: 1127·ln(1 + f/700).</summary>
        public static double FreqToMel(double hz) => 1127.0 * Log1p(hz / 700.0);

        /// <summary>Computes the layout for the settings' constants.</summary>
        public static MelLayout Compute()
        {
            int channels = AssistantSettings.MelBands;
            int inputLength = AssistantSettings.SpectrumBins;
            double low = AssistantSettings.LowerFrequencyHz;
            double high = AssistantSettings.UpperFrequencyHz;

            var layout = new MelLayout();
            layout.MelLow = FreqToMel(low);
            double melHigh = FreqToMel(high);
            double spacing = (melHigh - layout.MelLow) / (channels + 1);
            layout.CentersMel = new double[channels + 1];
            for (int i = 0; i <= channels; i++)
            {
                layout.CentersMel[i] = layout.MelLow + spacing * (i + 1);
            }

            layout.HzPerBin = 0.5 * AssistantSettings.SampleRate / (inputLength - 1);
            layout.StartIndex = (int)(1.5 + low / layout.HzPerBin);
            layout.EndIndex = (int)(high / layout.HzPerBin);

            layout.BandMapper = new int[inputLength];
            int channel = 0;
            for (int i = 0; i < inputLength; i++)
            {
                double melf = FreqToMel(i * layout.HzPerBin);
                if (i < layout.StartIndex || i > layout.EndIndex)
                {
                    layout.BandMapper[i] = -2;
                }
                else
                {
                    while (channel < channels && layout.CentersMel[channel] < melf)
                    {
                        channel++;
                    }

                    layout.BandMapper[i] = channel - 1;
                }
            }

            layout.Weights = new double[inputLength];
            for (int i = 0; i < inputLength; i++)
            {
                int band = layout.BandMapper[i];
                if (i < layout.StartIndex || i > layout.EndIndex)
                {
                    layout.Weights[i] = 0.0;
                }
                else if (band >= 0)
                {
                    layout.Weights[i] = (layout.CentersMel[band + 1] - FreqToMel(i * layout.HzPerBin)) /
                                        (layout.CentersMel[band + 1] - layout.CentersMel[band]);
                }
                else
                {
                    layout.Weights[i] = (layout.CentersMel[0] - FreqToMel(i * layout.HzPerBin)) /
                                        (layout.CentersMel[0] - layout.MelLow);
                }
            }

            return layout;
        }

        // ln(1 + x) accurate for small x (System.Math has no log1p): the rounding of 1 + x is compensated.
        private static double Log1p(double x)
        {
            double u = 1.0 + x;
            return u == 1.0 ? x : Math.Log(u) * (x / (u - 1.0));
        }
    }
}

using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Features
{
    /// <summary>
    /// TensorFlow's MFCC mel filterbank (<c>mfcc_mel_filterbank.cc</c>) on magnitude spectra: every bin between
    /// the start and end index adds weight·value to the band on whose falling slope it lies and
    /// value − weight·value to the next band's rising slope.
    /// </summary>
    /// <remarks>
    /// Tables (band mapper, weights, start and end bin) are generated; see <c>FeatureTables</c>. Per bin,
    /// in increasing bin order: w = value·weight; if band ≥ 0, out[band] += w; if band + 1 &lt; 40,
    /// out[band + 1] += value − w.
    /// </remarks>
    public static class MelFilterbank
    {
        /// <summary>Applies the filterbank.</summary>
        /// <param name="magnitude">257 spectrum magnitudes.</param>
        /// <param name="mel">Receives the <see cref="AssistantSettings.MelBands"/> band energies.</param>
        public static void Apply(float[] magnitude, float[] mel)
        {
            short[] mapper = FeatureTables.MelBandMapper;
            float[] weights = FeatureTables.MelWeights;
            for (int c = 0; c < AssistantSettings.MelBands; c++)
            {
                mel[c] = 0f;
            }

            for (int i = FeatureTables.MelStartIndex; i <= FeatureTables.MelEndIndex; i++)
            {
                float v = magnitude[i];
                float weighted = v * weights[i];
                int band = mapper[i];
                if (band >= 0)
                {
                    mel[band] = mel[band] + weighted;
                }

                band = band + 1;
                if (band < AssistantSettings.MelBands)
                {
                    mel[band] = mel[band] + (v - weighted);
                }
            }
        }
    }
}

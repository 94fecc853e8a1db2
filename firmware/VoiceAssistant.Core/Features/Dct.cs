using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Features
{
    /// <summary>
    /// DCT-II as TensorFlow's <c>mfcc_dct.cc</c>: out[i] = Σ_j M[i·40 + j]·in[j] with
    /// M[i·40 + j] = √(2/40)·cos(π·i·(j + 0.5)/40), summed in float from j = 0 upwards starting at 0.
    /// </summary>
    public static class Dct
    {
        /// <summary>Transforms <see cref="AssistantSettings.MelBands"/> log energies into cepstral coefficients.</summary>
        /// <param name="input">40 log mel energies.</param>
        /// <param name="output">Receives the coefficients.</param>
        /// <param name="outputOffset">Index of the first coefficient in <paramref name="output"/>.</param>
        public static void Apply(float[] input, float[] output, int outputOffset)
        {
            float[] m = FeatureTables.DctMatrix;
            int row = 0;
            for (int i = 0; i < AssistantSettings.CoefficientCount; i++)
            {
                float sum = 0f;
                for (int j = 0; j < AssistantSettings.MelBands; j++)
                {
                    sum = sum + m[row + j] * input[j];
                }

                output[outputOffset + i] = sum;
                row = row + AssistantSettings.MelBands;
            }
        }
    }
}

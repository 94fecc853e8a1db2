using System;

namespace VoiceAssistant.Training.Tests
{
    /// <summary>
    /// Test-only feature extractor: 49 rows × 40 columns of the mean absolute sample value in consecutive 8-sample
    /// pieces of each 320-sample hop. Cheap, deterministic, sensitive to shifts and loudness.
    /// </summary>
    internal sealed class StandInFeatures : IFeatureExtractor
    {
        public int Rows => 49;

        public int Columns => 40;

        public void Compute(short[] clip16k1s, float[] features)
        {
            if (clip16k1s.Length != 16000 || features.Length != Rows * Columns)
            {
                throw new ArgumentException("bad sizes");
            }

            for (int r = 0; r < Rows; r++)
            {
                for (int c = 0; c < Columns; c++)
                {
                    int start = r * 320 + c * 8;
                    float sum = 0;
                    for (int k = 0; k < 8; k++)
                    {
                        sum += Math.Abs((int)clip16k1s[start + k]);
                    }

                    features[r * Columns + c] = sum / (8 * 32768f);
                }
            }
        }
    }
}

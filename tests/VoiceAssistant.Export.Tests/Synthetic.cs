using System;
using System.Collections.Generic;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Export.Tests
{
    /// <summary>Seeded synthetic weights and feature sets.</summary>
    internal static class Synthetic
    {
        public static TinyConvWeights Weights(int labels, int seed)
        {
            var rng = new Random(seed);
            var w = new TinyConvWeights(labels);
            Fill(rng, w.ConvWeights, 0.08f);
            Fill(rng, w.ConvBias, 0.2f);
            Fill(rng, w.FcWeights, 0.02f);
            Fill(rng, w.FcBias, 0.3f);
            return w;
        }

        /// <summary>MFCC-like clips: a per-clip offset and a smooth pattern plus noise.</summary>
        public static List<float[]> Features(int count, int seed)
        {
            var rng = new Random(seed);
            var clips = new List<float[]>();
            for (int n = 0; n < count; n++)
            {
                var f = new float[AssistantSettings.WindowFeatures];
                double fy = rng.NextDouble() * 0.5, fx = rng.NextDouble() * 0.5, amp = 2 + 4 * rng.NextDouble();
                for (int y = 0; y < AssistantSettings.WindowFrames; y++)
                {
                    for (int x = 0; x < AssistantSettings.CoefficientCount; x++)
                    {
                        f[y * AssistantSettings.CoefficientCount + x] = (float)(amp * Math.Sin(fy * y + fx * x) + Gauss(rng) - (x == 0 ? 20 : 0));
                    }
                }

                clips.Add(f);
            }

            return clips;
        }

        public static double Gauss(Random rng)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        private static void Fill(Random rng, float[] a, float sigma)
        {
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = (float)(sigma * Gauss(rng));
            }
        }
    }
}

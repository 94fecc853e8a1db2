using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Data;
using VoiceAssistant.Export.Quantization;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Export.Tests
{
    public class RealFeatureTests
    {
        [Fact]
        public void QuantisedModelAgreesWithFloatOnRealMfccFeatures()
        {
            string root = SharedData.Require("data/speech_commands");
            var features = new ClipFeatures();
            var clips = new List<float[]>();
            foreach (string word in new[] { "yes", "no", "go", "_silence_" })
            {
                foreach (string f in Directory.GetFiles(Path.Combine(root, word), "*.wav").OrderBy(x => x, StringComparer.Ordinal).Take(30))
                {
                    clips.Add(features.Compute(AudioLibraryWavIo.Instance.ReadMono16k(f)));
                }
            }

            // Weights scaled to MFCC magnitudes (c0 reaches about -100) so that the logits spread over several classes.
            TinyConvWeights w = Synthetic.Weights(4, 21);
            for (int i = 0; i < w.ConvWeights.Length; i++)
            {
                w.ConvWeights[i] *= 0.2f;
            }

            // Calibrate on every clip: a held-out near-silent clip can lie below the calibrated minimum (c0 of a
            // floored log spectrum is far more negative than speech) and is then clamped, as TFLite would.
            QuantizedTinyConv q = QuantizedTinyConv.Quantize(w, clips);
            var chain = new KernelChain(TinyConvExporter.ToValidatedBytes(q));
            var quantizer = new FeatureQuantizer(q.Input.Scale, q.Input.ZeroPoint);
            var model = new FloatTinyConv(w);
            int agree = 0, n = 0, clear = 0;
            double worst = 0;
            var classes = new HashSet<int>();
            foreach (float[] clip in clips.Where((_, i) => i % 2 == 1))
            {
                var input = new sbyte[clip.Length];
                quantizer.Quantize(clip, 0, input, 0, clip.Length);
                sbyte[] s = chain.Run(input);
                float[] p = model.Predict(clip);
                int f = FloatTinyConv.ArgMax(p);
                classes.Add(f);
                int qi = Array.IndexOf(s, s.Max());
                agree += f == qi ? 1 : 0;
                n++;
                for (int i = 0; i < p.Length; i++)
                {
                    worst = Math.Max(worst, Math.Abs((s[i] + 128) / 256.0 - p[i]));
                }

                // Where the float model is clearly decided (top-2 margin > 0.1), int8 must agree.
                float[] sorted = p.OrderByDescending(v => v).ToArray();
                if (sorted[0] - sorted[1] > 0.1f)
                {
                    clear++;
                    Assert.Equal(f, qi);
                }
            }

            TestContext.Current.SendDiagnosticMessage($"input {q.Input} range [{q.Ranges.Input.Min}, {q.Ranges.Input.Max}]; agree {agree}/{n}, decided {clear}, worst {worst}");
            Assert.True(clear >= 10);
            Assert.True(worst < 0.08, $"worst probability difference {worst}");
            Assert.True(classes.Count >= 2, "the float model must not predict one class only");
            Assert.True(agree >= n * 0.8, $"argmax agreed on {agree}/{n}");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Export.Quantization;
using VoiceAssistant.Tflite.Kernels;
using Xunit;

namespace VoiceAssistant.Export.Tests
{
    public class QuantizationTests
    {
        // Expected values are those of TFLM's micro_speech_quantized.tflite (model_facts.json), made by TensorFlow's converter.
        [Theory]
        [InlineData(0f, 25.9375f, 0.101715684f, -128)]
        [InlineData(0f, 21.4676819f, 0.0841869861f, -128)]
        [InlineData(-13.0392971f, 10.3523426f, 0.0917319208f, 14)]
        public void AsymmetricMatchesTheTensorFlowConverter(float min, float max, float scale, int zeroPoint)
        {
            TensorQuantization p = QuantizationRules.Asymmetric(min, max);
            Assert.Equal(scale, p.Scale, 6);
            Assert.Equal(zeroPoint, p.ZeroPoint);
        }

        [Fact]
        public void AsymmetricKeepsZeroExactAndWidensToZero()
        {
            TensorQuantization p = QuantizationRules.Asymmetric(2f, 10f); // widened to [0, 10]
            Assert.Equal(10f / 255f, p.Scale, 7);
            Assert.Equal(-128, p.ZeroPoint);
            TensorQuantization n = QuantizationRules.Asymmetric(-10f, -2f); // widened to [-10, 0]
            Assert.Equal(127, n.ZeroPoint);
            TensorQuantization mid = QuantizationRules.Asymmetric(-3f, 5f);
            float zeroBack = mid.Scale * (mid.ZeroPoint - mid.ZeroPoint);
            Assert.Equal(0f, zeroBack);
            Assert.InRange(-3f / mid.Scale + mid.ZeroPoint, -128.5f, -127.5f);
            Assert.Throws<ArgumentException>(() => QuantizationRules.Asymmetric(1f, 0f));
        }

        [Fact]
        public void RoundingIsHalfAwayFromZero()
        {
            Assert.Equal(3, QuantizationRules.QuantizeSymmetric(2.5f, 1f));
            Assert.Equal(-3, QuantizationRules.QuantizeSymmetric(-2.5f, 1f));
            Assert.Equal(127, QuantizationRules.QuantizeSymmetric(1000f, 1f));
            Assert.Equal(-127, QuantizationRules.QuantizeSymmetric(-1000f, 1f));
            Assert.Equal(3, QuantizationRules.QuantizeBias(0.75f, 0.5f, 0.5f)); // 3.0
            Assert.Equal(-2, QuantizationRules.QuantizeBias(-0.375f, 0.5f, 0.5f)); // -1.5 -> -2
        }

        [Fact]
        public void BiasScaleOfMicroSpeechIsInputTimesWeightScale()
        {
            // model_facts: Conv2D_bias scale[0] = 6.329194e-05, input 0.101715684, first_weights scale[0] 0.000622243679.
            Assert.Equal(6.329194e-05f, 0.101715684f * 0.000622243679f, 9);
        }

        [Fact]
        public void PerChannelWeightsUseEachChannelsMaximum()
        {
            TinyConvWeights w = Synthetic.Weights(4, 1);
            w.ConvWeights[5 * 8 + 3] = 2.54f; // channel 3 max
            QuantizedTinyConv q = QuantizedTinyConv.Quantize(w, Synthetic.Features(4, 2));
            Assert.Equal(0.02f, q.ConvWeightScales[3], 6);
            Assert.Equal(127, q.ConvWeights[5 * 8 + 3]);
            for (int c = 0; c < 8; c++)
            {
                float max = 0;
                for (int i = c; i < 640; i += 8)
                {
                    max = Math.Max(max, Math.Abs(w.ConvWeights[i]));
                }

                Assert.Equal(max / 127f, q.ConvWeightScales[c], 7);
                Assert.Equal((int)Math.Round(w.ConvBias[c] / (q.Input.Scale * q.ConvWeightScales[c]), MidpointRounding.AwayFromZero), q.ConvBias[c]);
            }

            float fcMax = 0;
            foreach (float v in w.FcWeights)
            {
                fcMax = Math.Max(fcMax, Math.Abs(v));
            }

            Assert.Equal(fcMax / 127f, q.FcWeightScale, 8);
        }

        [Fact]
        public void CalibrationRangesComeFromTheFloatModel()
        {
            TinyConvWeights w = Synthetic.Weights(3, 3);
            List<float[]> clips = Synthetic.Features(10, 4);
            CalibrationRanges r = CalibrationRanges.Measure(w, clips);
            float min = float.MaxValue, max = float.MinValue;
            foreach (float[] c in clips)
            {
                foreach (float v in c)
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }

            Assert.Equal(min, r.Input.Min);
            Assert.Equal(max, r.Input.Max);
            Assert.True(r.ConvOutput.Min >= 0);
            Assert.Equal(10, r.Clips);
            Assert.Throws<ArgumentException>(() => CalibrationRanges.Measure(w, new List<float[]>()));
        }

        [Fact]
        public void InputFloorClampsCalibration()
        {
            TinyConvWeights w = Synthetic.Weights(3, 3);
            List<float[]> clips = Synthetic.Features(5, 4);
            clips[2][0] = -247f; // a frame of digital silence
            Assert.Equal(-247f, CalibrationRanges.Measure(w, clips).Input.Min);
            CalibrationRanges floored = CalibrationRanges.Measure(w, clips, -80f);
            Assert.Equal(-80f, floored.Input.Min);
            Assert.Equal(-247f, clips[2][0]); // the caller's data is not modified
            QuantizedTinyConv q = QuantizedTinyConv.Quantize(w, clips, -80f);
            Assert.Equal((floored.Input.Max + 80f) / 255f, q.Input.Scale, 5);
        }

        [Fact]
        public void LogitRangeStopsSixteenBelowTheLowestTopLogit()
        {
            // By hand: top logits 5 and 8, so the range starts at 5 − 16 = −11 instead of the observed −100.
            var r = new CalibrationRanges();
            r.AddLogits(new[] { -100f, -3f, 5f, 2f });
            r.AddLogits(new[] { -90f, 8f, -1f, 0f });
            Assert.Equal(-100f, r.Logits.Min);
            Assert.Equal(8f, r.Logits.Max);
            Assert.Equal(5f, r.LowestTopLogit);
            Assert.Equal(-11f, r.LogitsQuantizedMin);

            // When every logit is within the headroom the observed minimum stays.
            var narrow = new CalibrationRanges();
            narrow.AddLogits(new[] { -4f, 3f });
            Assert.Equal(-4f, narrow.LogitsQuantizedMin);
        }

        [Fact]
        public void SaturatingLogitsFarBelowTheTopLeavesTheInt8SoftmaxUnchanged()
        {
            // Through TFLM's softmax kernel: logits quantised on the full range [-120, 20] versus on [-12, 20], where
            // the far-below logits saturate (the exporter's choice when the lowest top logit is 4). Saturation costs
            // nothing (those shares round to 0 either way), the finer step (0.125 vs 0.55) brings the outputs
            // closer to the float softmax; compared in total over random close calls.
            var rng = new Random(11);
            TensorQuantization wide = QuantizationRules.Asymmetric(-120f, 20f), narrow = QuantizationRules.Asymmetric(-12f, 20f);
            int wideError = 0, narrowError = 0;
            for (int trial = 0; trial < 2000; trial++)
            {
                float top = 4f + (float)(rng.NextDouble() * 16);
                float[] logits = { top, top - (float)(rng.NextDouble() * 3), top - 20f - (float)(rng.NextDouble() * 90), top - (float)(rng.NextDouble() * 10) };
                double sum = logits.Sum(l => Math.Exp(l - top));
                int[] expected = logits.Select(l => (int)Math.Round(Math.Exp(l - top) / sum * 256) - 128).ToArray();
                int[] w = SoftmaxInt8(logits, wide), n = SoftmaxInt8(logits, narrow);
                Assert.Equal(-128, n[2]);
                for (int i = 0; i < 4; i++)
                {
                    wideError += Math.Abs(w[i] - Math.Min(127, expected[i]));
                    narrowError += Math.Abs(n[i] - Math.Min(127, expected[i]));
                }
            }

            Assert.True(narrowError * 2 < wideError, $"narrow range error {narrowError}, wide {wideError}");
        }

        private static int[] SoftmaxInt8(float[] logits, TensorQuantization q)
        {
            var input = logits.Select(l => (sbyte)Math.Clamp((int)QuantizationRules.Round(l / q.Scale) + q.ZeroPoint, -128, 127)).ToArray();
            var output = new sbyte[logits.Length];
            var p = Softmax.Prepare(1f, q.Scale, new TensorQuantization(1f / 256f, -128));
            Softmax.Eval(p, input, output, 1, logits.Length);
            return output.Select(v => (int)v).ToArray();
        }

        [Fact]
        public void FloatConvMatchesAHandComputedTap()
        {
            // One non-zero weight at (ky=4, kx=3, c=2) with SAME padding (top 4, left 3): output (0,0,2) reads input (0,0).
            var w = new TinyConvWeights(2);
            w.ConvWeights[(4 * 8 + 3) * 8 + 2] = 2f;
            w.FcWeights[2] = 1f; // logit 0 = activation (0,0,2)
            var f = new float[1960];
            f[0] = 3f;
            f[41] = 100f; // input (1,1) is read by output (0,0) through weight (5,4) only, which is zero
            var logits = new float[2];
            new FloatTinyConv(w).Forward(f, logits);
            Assert.Equal(6f, logits[0]);
            Assert.Equal(0f, logits[1]);
        }

        [Fact]
        public void QuantisedModelThroughKernelsAgreesWithFloat()
        {
            TinyConvWeights w = Synthetic.Weights(4, 11);
            List<float[]> calibration = Synthetic.Features(50, 12);
            List<float[]> test = Synthetic.Features(200, 13);
            QuantizedTinyConv q = QuantizedTinyConv.Quantize(w, calibration);
            var chain = new KernelChain(TinyConvExporter.ToValidatedBytes(q));
            Assert.Equal(q.Input.Scale, chain.InputQuantization.Scale);
            Assert.Equal(q.Input.ZeroPoint, chain.InputQuantization.ZeroPoint);

            var quantizer = new FeatureQuantizer(q.Input.Scale, q.Input.ZeroPoint);
            var floatModel = new FloatTinyConv(w);
            int agree = 0;
            double worst = 0;
            var classes = new HashSet<int>();
            foreach (float[] clip in test)
            {
                var input = new sbyte[clip.Length];
                quantizer.Quantize(clip, 0, input, 0, clip.Length);
                sbyte[] scores = chain.Run(input);
                float[] p = floatModel.Predict(clip);
                var deq = new float[scores.Length];
                for (int i = 0; i < scores.Length; i++)
                {
                    deq[i] = (scores[i] + 128) / 256f;
                    worst = Math.Max(worst, Math.Abs(deq[i] - p[i]));
                }

                classes.Add(FloatTinyConv.ArgMax(p));
                if (FloatTinyConv.ArgMax(deq) == FloatTinyConv.ArgMax(p))
                {
                    agree++;
                }
            }

            Assert.True(classes.Count >= 3, "synthetic data must exercise several classes");
            Assert.True(agree >= 190, $"argmax agreed on {agree}/200");
            Assert.True(worst < 0.08, $"worst probability difference {worst}");
        }
    }
}

using System;
using System.Collections.Generic;
using VoiceAssistant.Tflite.Kernels;

namespace VoiceAssistant.Export.Quantization
{
    /// <summary>
    /// tinyConv after post-training int8 quantisation, as TFLite's converter would produce it: per-channel
    /// symmetric conv weights (quantized dimension 3), per-tensor symmetric FC weights, int32 biases,
    /// calibrated asymmetric activations, softmax output 1/256 with zero point −128.
    /// </summary>
    public sealed class QuantizedTinyConv
    {
        /// <summary>Softmax output quantisation required by TFLM's int8 softmax.</summary>
        public static readonly TensorQuantization SoftmaxOutput = new TensorQuantization(1f / 256f, -128);

        private QuantizedTinyConv()
        {
        }

        /// <summary>Number of classes.</summary>
        public int Labels { get; private set; }

        /// <summary>Input (features) quantisation; the firmware's FeatureQuantizer uses it.</summary>
        public TensorQuantization Input { get; private set; }

        /// <summary>Conv weights [1,10,8,8] (= HWIO of <see cref="TinyConvWeights"/>).</summary>
        public sbyte[] ConvWeights { get; private set; }

        /// <summary>Conv weight scale per output channel.</summary>
        public float[] ConvWeightScales { get; private set; }

        /// <summary>Conv bias, scale Input.Scale × ConvWeightScales[c].</summary>
        public int[] ConvBias { get; private set; }

        /// <summary>Conv output (post-ReLU) quantisation.</summary>
        public TensorQuantization ConvOutput { get; private set; }

        /// <summary>FC weights [labels, 4000].</summary>
        public sbyte[] FcWeights { get; private set; }

        /// <summary>FC weight scale (per tensor).</summary>
        public float FcWeightScale { get; private set; }

        /// <summary>FC bias, scale ConvOutput.Scale × FcWeightScale.</summary>
        public int[] FcBias { get; private set; }

        /// <summary>FC output (logits) quantisation.</summary>
        public TensorQuantization Logits { get; private set; }

        /// <summary>The calibrated ranges (kept for the model's min/max fields and reports).</summary>
        public CalibrationRanges Ranges { get; private set; }

        /// <summary>Calibrates on <paramref name="representative"/> and quantises <paramref name="weights"/>.</summary>
        /// <param name="weights">Float weights.</param>
        /// <param name="representative">Float features of representative clips (e.g. a few hundred training clips).</param>
        /// <param name="inputFloor">Optional lower clamp of the input range (see <see cref="CalibrationRanges.Measure"/>).</param>
        public static QuantizedTinyConv Quantize(TinyConvWeights weights, IEnumerable<float[]> representative, float inputFloor = float.NegativeInfinity)
        {
            return Quantize(weights, CalibrationRanges.Measure(weights, representative, inputFloor));
        }

        /// <summary>Quantises <paramref name="weights"/> with already measured ranges.</summary>
        /// <param name="weights">Float weights.</param>
        /// <param name="ranges">Calibrated ranges.</param>
        public static QuantizedTinyConv Quantize(TinyConvWeights weights, CalibrationRanges ranges)
        {
            weights.Validate();
            var q = new QuantizedTinyConv { Labels = weights.Labels, Ranges = ranges };
            q.Input = QuantizationRules.Asymmetric(ranges.Input.Min, ranges.Input.Max);

            // ReLU-fused: the output range starts at 0 whatever calibration saw.
            q.ConvOutput = QuantizationRules.Asymmetric(0f, Math.Max(0f, ranges.ConvOutput.Max));
            q.Logits = QuantizationRules.Asymmetric(ranges.LogitsQuantizedMin, ranges.Logits.Max);

            const int C = TinyConvWeights.Channels;
            q.ConvWeightScales = new float[C];
            q.ConvBias = new int[C];
            q.ConvWeights = new sbyte[TinyConvWeights.ConvWeightCount];
            for (int c = 0; c < C; c++)
            {
                float maxAbs = 0;
                for (int i = c; i < weights.ConvWeights.Length; i += C)
                {
                    maxAbs = Math.Max(maxAbs, Math.Abs(weights.ConvWeights[i]));
                }

                float scale = QuantizationRules.SymmetricScale(maxAbs);
                q.ConvWeightScales[c] = scale;
                for (int i = c; i < weights.ConvWeights.Length; i += C)
                {
                    q.ConvWeights[i] = QuantizationRules.QuantizeSymmetric(weights.ConvWeights[i], scale);
                }

                q.ConvBias[c] = QuantizationRules.QuantizeBias(weights.ConvBias[c], q.Input.Scale, scale);
            }

            q.FcWeightScale = QuantizationRules.SymmetricScale(QuantizationRules.MaxAbs(weights.FcWeights));
            q.FcWeights = new sbyte[weights.FcWeights.Length];
            for (int i = 0; i < q.FcWeights.Length; i++)
            {
                q.FcWeights[i] = QuantizationRules.QuantizeSymmetric(weights.FcWeights[i], q.FcWeightScale);
            }

            q.FcBias = new int[weights.Labels];
            for (int o = 0; o < weights.Labels; o++)
            {
                q.FcBias[o] = QuantizationRules.QuantizeBias(weights.FcBias[o], q.ConvOutput.Scale, q.FcWeightScale);
            }

            return q;
        }
    }
}

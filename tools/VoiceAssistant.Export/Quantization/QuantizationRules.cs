using System;
using VoiceAssistant.Tflite.Kernels;

namespace VoiceAssistant.Export.Quantization
{
    /// <summary>
    /// The arithmetic of TFLite's post-training quantisation (tools/optimize/quantization_utils): asymmetric
    /// activations from a calibrated range, symmetric weights, int32 biases. Rounding is half away from zero.
    /// </summary>
    public static class QuantizationRules
    {
        /// <summary>Smallest int8 value.</summary>
        public const int QMin = sbyte.MinValue;

        /// <summary>Largest int8 value.</summary>
        public const int QMax = sbyte.MaxValue;

        /// <summary>Largest magnitude of a symmetric int8 weight (TFLite keeps −128 unused).</summary>
        public const int SymmetricMax = 127;

        /// <summary>Round half away from zero (TfLiteRound / std::round).</summary>
        /// <param name="value">Value.</param>
        public static float Round(float value) => MathF.Round(value, MidpointRounding.AwayFromZero);

        /// <summary>
        /// Asymmetric int8 parameters of a calibrated range: the range is widened to include 0, scale =
        /// (max − min) / 255, zero point = round(−128 − min / scale) clamped, so that 0 is exactly representable.
        /// </summary>
        /// <param name="min">Smallest value seen.</param>
        /// <param name="max">Largest value seen.</param>
        public static TensorQuantization Asymmetric(float min, float max)
        {
            if (!float.IsFinite(min) || !float.IsFinite(max) || min > max)
            {
                throw new ArgumentException(FormattableString.Invariant($"invalid calibration range [{min}, {max}]"));
            }

            double rmin = Math.Min(0.0, min);
            double rmax = Math.Max(0.0, max);
            if (rmax - rmin == 0)
            {
                // A tensor that was always exactly 0: any positive scale represents it; keep zero at qmin.
                return new TensorQuantization(1f / 255f, QMin);
            }

            double scale = (rmax - rmin) / (QMax - QMin);
            double zeroFromMin = QMin - rmin / scale;
            int zero = zeroFromMin <= QMin ? QMin : zeroFromMin >= QMax ? QMax : (int)Math.Round(zeroFromMin, MidpointRounding.AwayFromZero);
            return new TensorQuantization((float)scale, zero);
        }

        /// <summary>Symmetric scale of values whose largest magnitude is <paramref name="maxAbs"/>: maxAbs / 127 (1/127 for all-zero data, so the scale stays positive).</summary>
        /// <param name="maxAbs">Largest absolute value.</param>
        public static float SymmetricScale(float maxAbs) => maxAbs > 0 ? maxAbs / SymmetricMax : 1f / SymmetricMax;

        /// <summary>Quantises one weight with a symmetric scale: round(w × (1/scale)) clamped to [−127, 127].</summary>
        /// <param name="value">Weight.</param>
        /// <param name="scale">Scale.</param>
        public static sbyte QuantizeSymmetric(float value, float scale)
        {
            float q = Round(value * (1f / scale));
            return (sbyte)Math.Clamp(q, -SymmetricMax, SymmetricMax);
        }

        /// <summary>Quantises a bias with scale input_scale × weight_scale: round(b / scale) clamped to ±int32.MaxValue.</summary>
        /// <param name="value">Bias.</param>
        /// <param name="inputScale">Scale of the layer input.</param>
        /// <param name="weightScale">Scale of the weights (of this channel).</param>
        public static int QuantizeBias(float value, float inputScale, float weightScale)
        {
            float scale = inputScale * weightScale;
            double q = Math.Round((double)(value / scale), MidpointRounding.AwayFromZero);
            return (int)Math.Clamp(q, -int.MaxValue, int.MaxValue);
        }

        /// <summary>Largest absolute value of a span.</summary>
        /// <param name="values">Values.</param>
        public static float MaxAbs(ReadOnlySpan<float> values)
        {
            float m = 0;
            foreach (float v in values)
            {
                m = Math.Max(m, Math.Abs(v));
            }

            return m;
        }
    }
}

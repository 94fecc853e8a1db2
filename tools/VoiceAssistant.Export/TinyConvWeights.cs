using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Export
{
    /// <summary>
    /// Float weights of tinyConv in the fixed layout shared with training: conv weights HWIO
    /// [10 frames][8 coefficients][1][8 out] (the TFLite depthwise filter [1,10,8,8] with depth multiplier 8),
    /// conv bias [8], FC weights [labels][4000] with the FC input flattened NHWC ((y*20+x)*8+c), FC bias [labels].
    /// </summary>
    public sealed class TinyConvWeights
    {
        /// <summary>Filter height (over feature frames).</summary>
        public const int FilterHeight = 10;

        /// <summary>Filter width (over coefficients).</summary>
        public const int FilterWidth = 8;

        /// <summary>Conv output channels (depth multiplier 8 on one input channel).</summary>
        public const int Channels = 8;

        /// <summary>Conv stride in both directions.</summary>
        public const int Stride = 2;

        /// <summary>Input height (frames).</summary>
        public const int InputHeight = AssistantSettings.WindowFrames;

        /// <summary>Input width (coefficients).</summary>
        public const int InputWidth = AssistantSettings.CoefficientCount;

        /// <summary>Conv output height with SAME padding: ceil(49 / 2) = 25.</summary>
        public const int ConvHeight = (InputHeight + Stride - 1) / Stride;

        /// <summary>Conv output width with SAME padding: ceil(40 / 2) = 20.</summary>
        public const int ConvWidth = (InputWidth + Stride - 1) / Stride;

        /// <summary>FC input length: 25 × 20 × 8 = 4000.</summary>
        public const int FcInputs = ConvHeight * ConvWidth * Channels;

        /// <summary>Number of conv weights (640).</summary>
        public const int ConvWeightCount = FilterHeight * FilterWidth * Channels;

        /// <summary>Creates zeroed weights for <paramref name="labels"/> output classes.</summary>
        /// <param name="labels">Number of classes (at least 2).</param>
        public TinyConvWeights(int labels)
        {
            if (labels < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), "tinyConv needs at least 2 labels");
            }

            Labels = labels;
            ConvWeights = new float[ConvWeightCount];
            ConvBias = new float[Channels];
            FcWeights = new float[labels * FcInputs];
            FcBias = new float[labels];
        }

        /// <summary>Number of output classes.</summary>
        public int Labels { get; }

        /// <summary>Conv weights, HWIO: index (ky * 8 + kx) * 8 + c.</summary>
        public float[] ConvWeights { get; }

        /// <summary>Conv bias per output channel.</summary>
        public float[] ConvBias { get; }

        /// <summary>FC weights [out][in]: index o * 4000 + i.</summary>
        public float[] FcWeights { get; }

        /// <summary>FC bias per class.</summary>
        public float[] FcBias { get; }

        /// <summary>Throws when an array has the wrong length or holds a non-finite value.</summary>
        public void Validate()
        {
            Check(ConvWeights, ConvWeightCount, nameof(ConvWeights));
            Check(ConvBias, Channels, nameof(ConvBias));
            Check(FcWeights, Labels * FcInputs, nameof(FcWeights));
            Check(FcBias, Labels, nameof(FcBias));
        }

        private static void Check(float[] values, int length, string name)
        {
            if (values == null || values.Length != length)
            {
                throw new InvalidOperationException($"{name} must have {length} values");
            }

            foreach (float v in values)
            {
                if (!float.IsFinite(v))
                {
                    throw new InvalidOperationException($"{name} holds a non-finite value ({v})");
                }
            }
        }
    }
}

using System;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// The firmware's own features for training: the core <see cref="Mfcc"/> (the code the board runs, one
    /// implementation) over a one-second clip, 49 rows × 40 coefficients, float (quantisation comes later, in the
    /// exported model's input tensor). Keeps the core's work buffers, so use one instance per thread.
    /// </summary>
    public sealed class MfccFeatureExtractor : IFeatureExtractor
    {
        /// <summary>
        /// Floor of the shipped recipe. Digital silence gives c0 ≈ −247 (the 1e-12 log floor) while speech frames
        /// stay well above −60; without a floor those frames would set the int8 input range and leave the small
        /// higher coefficients only a few quantisation steps.
        /// </summary>
        public const float DefaultFloor = -60f;

        private readonly Mfcc mfcc = new Mfcc();

        /// <summary>Creates the extractor.</summary>
        /// <param name="floor">
        /// Features below this are raised to it (negative infinity: none). Export must calibrate the int8 input with the
        /// same floor; the device then saturates such values to the lowest int8 code, which is what training saw.
        /// </param>
        public MfccFeatureExtractor(float floor = float.NegativeInfinity)
        {
            Floor = floor;
        }

        /// <summary>Lowest feature value produced.</summary>
        public float Floor { get; }

        /// <inheritdoc />
        public int Rows => AssistantSettings.WindowFrames;

        /// <inheritdoc />
        public int Columns => AssistantSettings.CoefficientCount;

        /// <inheritdoc />
        /// <exception cref="ArgumentException">The clip is not one second or the destination has the wrong size.</exception>
        public void Compute(short[] clip16k1s, float[] features)
        {
            ArgumentNullException.ThrowIfNull(clip16k1s);
            ArgumentNullException.ThrowIfNull(features);
            if (clip16k1s.Length != AssistantSettings.SampleRate || features.Length != AssistantSettings.WindowFeatures)
            {
                throw new ArgumentException($"need {AssistantSettings.SampleRate} samples and {AssistantSettings.WindowFeatures} feature slots");
            }

            // 16000 samples give exactly WindowFrames full windows (1 + (16000 − 480) / 320 = 49).
            mfcc.ComputeClip(clip16k1s, features);
            if (!float.IsNegativeInfinity(Floor))
            {
                System.Numerics.Tensors.TensorPrimitives.Max(features, Floor, features);
            }
        }
    }
}

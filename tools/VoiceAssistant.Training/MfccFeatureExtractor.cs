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
        private readonly Mfcc mfcc = new Mfcc();

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
        }
    }
}

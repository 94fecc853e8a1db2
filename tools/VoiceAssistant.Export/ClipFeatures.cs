using System;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Export
{
    /// <summary>Float model input of one 1 s clip, computed by the core (firmware) MFCC.</summary>
    public sealed class ClipFeatures
    {
        private readonly Mfcc mfcc = new Mfcc();
        private readonly short[] padded = new short[AssistantSettings.SampleRate];

        /// <summary>
        /// The 49×40 features of a clip: shorter clips are zero-padded at the end, longer ones use their first
        /// second (as TF's speech_commands does). Not thread-safe; use one instance per thread.
        /// </summary>
        /// <param name="clip">16 kHz mono samples.</param>
        /// <returns>1960 floats, row-major [frame][coefficient].</returns>
        public float[] Compute(short[] clip)
        {
            Array.Clear(padded);
            Array.Copy(clip, padded, Math.Min(clip.Length, padded.Length));
            var rows = new float[Mfcc.RowsFor(padded.Length) * AssistantSettings.CoefficientCount];
            mfcc.ComputeClip(padded, rows);
            var features = new float[AssistantSettings.WindowFeatures];
            Array.Copy(rows, features, features.Length);
            return features;
        }
    }
}

namespace VoiceAssistant.Core.Recognition
{
    /// <summary>
    /// Labels that mean "no command" (silence, unknown word). They are recognised like any other
    /// label but never reported as detections nor trigger actions.
    /// </summary>
    public static class BackgroundLabels
    {
        /// <summary>Label of the silence class (first model output in the TFLM micro_speech order).</summary>
        public const string Silence = "silence";

        /// <summary>Label of the unknown-word class.</summary>
        public const string Unknown = "unknown";

        /// <summary>
        /// True for silence and unknown, in both spellings used by speech-commands datasets
        /// (<c>silence</c> / <c>_silence_</c>, <c>unknown</c> / <c>_unknown_</c>).
        /// </summary>
        /// <param name="label">Label to test; null counts as background.</param>
        public static bool IsBackground(string label)
        {
            if (label == null)
            {
                return true;
            }

            return label == Silence || label == Unknown || label == "_silence_" || label == "_unknown_";
        }
    }
}

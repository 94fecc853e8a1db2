namespace VoiceAssistant.Core.Recognition
{
    /// <summary>
    /// Outcome of one <see cref="CommandRecognizer.Process"/> call. One instance is owned by the
    /// recogniser and overwritten on every call (no allocation per call).
    /// </summary>
    public sealed class RecognitionResult
    {
        /// <summary>Index of the found label (the current top label, or the previous top label when too few results).</summary>
        public int LabelIndex { get; internal set; }

        /// <summary>The found label's text.</summary>
        public string Label { get; internal set; }

        /// <summary>Average score of the found label in the uint8 domain (0..255); 0 when too few results.</summary>
        public int Score { get; internal set; }

        /// <summary>True when this call triggered a new detection.</summary>
        public bool IsNewCommand { get; internal set; }

        /// <summary>Timestamp of the call that produced this result, in milliseconds.</summary>
        public int TimeMs { get; internal set; }
    }
}

namespace VoiceAssistant.Core.Recognition
{
    /// <summary>
    /// Outcome of one <see cref="CommandRecognizer.Process"/> call. One instance is owned by the
    /// recogniser and overwritten on every call (no allocation per call).
    /// </summary>
    public sealed class RecognitionResult
    {
        // Plain fields written by one Set call: nanoCLR interprets every property setter as a method call, and
        // the recogniser writes the result on every hop.
        private int _labelIndex;
        private string _label;
        private int _score;
        private bool _isNewCommand;
        private int _timeMs;

        /// <summary>Index of the found label (the current top label, or the previous top label when too few results).</summary>
        public int LabelIndex
        {
            get { return _labelIndex; }
        }

        /// <summary>The found label's text.</summary>
        public string Label
        {
            get { return _label; }
        }

        /// <summary>Average score of the found label in the uint8 domain (0..255); 0 when too few results.</summary>
        public int Score
        {
            get { return _score; }
        }

        /// <summary>True when this call triggered a new detection.</summary>
        public bool IsNewCommand
        {
            get { return _isNewCommand; }
        }

        /// <summary>Timestamp of the call that produced this result, in milliseconds.</summary>
        public int TimeMs
        {
            get { return _timeMs; }
        }

        internal void Set(int labelIndex, string label, int score, bool isNewCommand, int timeMs)
        {
            _labelIndex = labelIndex;
            _label = label;
            _score = score;
            _isNewCommand = isNewCommand;
            _timeMs = timeMs;
        }
    }
}

namespace VoiceAssistant.Core.Actions
{
    /// <summary>Line-oriented report channel (board serial port, host console).</summary>
    public interface IReporter
    {
        /// <summary>Writes one line (without terminator; the implementation adds it).</summary>
        /// <param name="line">Line text.</param>
        void WriteLine(string line);
    }
}

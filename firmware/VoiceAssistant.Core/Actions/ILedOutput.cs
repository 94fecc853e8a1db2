namespace VoiceAssistant.Core.Actions
{
    /// <summary>The physical LED: a GPIO on the board (polarity is the implementation's), a recorder on the PC.</summary>
    public interface ILedOutput
    {
        /// <summary>Lights the LED or turns it off.</summary>
        /// <param name="lit">True to light it.</param>
        void Show(bool lit);
    }
}

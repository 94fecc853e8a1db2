namespace VoiceAssistant.Core.Actions
{
    /// <summary>What the assistant's LED shows.</summary>
    public enum LedState
    {
        /// <summary>LED off.</summary>
        Off = 0,

        /// <summary>LED steadily on.</summary>
        On = 1,

        /// <summary>"Listening" pattern (e.g. blinking) while the wake word has armed the assistant.</summary>
        Listening = 2,
    }
}

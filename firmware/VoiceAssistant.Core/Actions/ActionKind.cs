namespace VoiceAssistant.Core.Actions
{
    /// <summary>What a recognised command does.</summary>
    public enum ActionKind
    {
        /// <summary>Nothing (unmapped label).</summary>
        None = 0,

        /// <summary>Turn the LED on.</summary>
        LedOn = 1,

        /// <summary>Turn the LED off.</summary>
        LedOff = 2,
    }
}

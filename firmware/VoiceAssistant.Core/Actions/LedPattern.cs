namespace VoiceAssistant.Core.Actions
{
    /// <summary>What the status LED shows: the assistant's states plus the fault patterns that override them.</summary>
    public enum LedPattern
    {
        /// <summary>Off.</summary>
        Off,

        /// <summary>Steadily on.</summary>
        On,

        /// <summary>Slow blink (armed, listening for a command).</summary>
        Listening,

        /// <summary>Two short flashes per second (microphone silent or dead).</summary>
        Microphone,

        /// <summary>Fast blink (fatal error: see the report lines).</summary>
        Error,
    }
}

namespace VoiceAssistant.Core.Actions
{
    /// <summary>States of <see cref="AssistantStateMachine"/>.</summary>
    public enum AssistantState
    {
        /// <summary>No wake word configured: every command acts directly.</summary>
        Direct = 0,

        /// <summary>Waiting for the wake word; commands are ignored.</summary>
        Idle = 1,

        /// <summary>The wake word was heard; the next command acts, until the wake timeout.</summary>
        Armed = 2,
    }
}

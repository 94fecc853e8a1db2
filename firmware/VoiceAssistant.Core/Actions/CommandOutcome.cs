namespace VoiceAssistant.Core.Actions
{
    /// <summary>What <see cref="AssistantStateMachine.OnCommand"/> did with a detected label.</summary>
    public enum CommandOutcome
    {
        /// <summary>Nothing: a background label (silence/unknown), or a command while not armed.</summary>
        Ignored = 0,

        /// <summary>The wake word armed (or re-armed) the assistant.</summary>
        Woke = 1,

        /// <summary>The command's mapped action was performed.</summary>
        Performed = 2,

        /// <summary>The command was accepted but no action is mapped to it.</summary>
        Unmapped = 3,
    }
}

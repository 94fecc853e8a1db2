namespace VoiceAssistant.Core.Audio
{
    /// <summary>Change of the microphone's health reported by <see cref="DeadMicrophoneDetector.Process"/>.</summary>
    public enum MicrophoneChange
    {
        /// <summary>The state at the end of the chunk equals the state before it.</summary>
        None = 0,

        /// <summary>The microphone was alive before the chunk and is dead after it.</summary>
        BecameDead = 1,

        /// <summary>The microphone was dead before the chunk and is alive after it.</summary>
        Recovered = 2,
    }
}

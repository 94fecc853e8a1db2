namespace VoiceAssistant.Core.Audio
{
    /// <summary>Where raw microphone bytes come from: the I2S microphone on the board, a WAV file on the PC.</summary>
    public interface IAudioSource
    {
        /// <summary>
        /// Blocks until <paramref name="count"/> raw bytes (in the settings' PCM layout) are in
        /// <paramref name="buffer"/>, starting at index 0.
        /// </summary>
        /// <param name="buffer">Destination (reused by the caller every hop).</param>
        /// <param name="count">Bytes wanted: one hop.</param>
        /// <returns>False when the source has ended and the buffer holds no whole hop (a microphone never ends).</returns>
        bool Read(byte[] buffer, int count);
    }
}

namespace VoiceAssistant.Core.Model
{
    /// <summary>
    /// The seam between capture and recognition: raw audio in, class scores out.
    /// </summary>
    /// <remarks>
    /// On the device this is one native object (feature kernel + TFLM); on the PC it is the core MFCC plus
    /// the C# int8 interpreter. Both own the sliding 49×40 int8 feature window.
    /// </remarks>
    public interface IKeywordSpotter
    {
        /// <summary>Class labels in model output order (e.g. silence, unknown, yes, no).</summary>
        string[] Labels { get; }

        /// <summary>Scale of the model's int8 input quantisation.</summary>
        float InputScale { get; }

        /// <summary>Zero point of the model's int8 input quantisation.</summary>
        int InputZeroPoint { get; }

        /// <summary>
        /// Feeds raw microphone bytes (any count, in the settings' PCM layout) and returns how many new
        /// feature rows entered the window.
        /// </summary>
        /// <param name="raw">Buffer holding the raw bytes.</param>
        /// <param name="offset">Index of the first byte to use.</param>
        /// <param name="count">Number of bytes to use.</param>
        int PushAudio(byte[] raw, int offset, int count);

        /// <summary>
        /// Writes the lowest (<paramref name="levels"/>[0]) and highest ([1]) sample the last <see cref="PushAudio"/>
        /// converted, both 0 when it converted none, and returns how many it converted: the microphone check without
        /// converting any sample again.
        /// </summary>
        /// <param name="levels">Destination, at least 2 long.</param>
        int GetLevels(int[] levels);

        /// <summary>Runs the model on the current window and writes one int8 score per label.</summary>
        /// <param name="scores">Destination, at least <see cref="Labels"/>.Length long.</param>
        void Invoke(sbyte[] scores);

        /// <summary>Forgets all buffered audio and feature rows.</summary>
        void Reset();
    }
}

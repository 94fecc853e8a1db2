using System;

namespace VoiceAssistant.Interop
{
    /// <summary>A native call of the voice assistant interop failed; carries the status and the native message.</summary>
    public class NativeSpotterException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="status">The negative <see cref="InteropStatus"/> code.</param>
        /// <param name="message">Text including the operation and the native side's message.</param>
        public NativeSpotterException(int status, string message) : base(message)
        {
            Status = status;
        }

        /// <summary>Creates the exception for a failure reported by the runtime rather than by our native code.</summary>
        /// <param name="status">The <see cref="InteropStatus"/> code that best describes it.</param>
        /// <param name="message">Explanation.</param>
        /// <param name="inner">The runtime's exception.</param>
        public NativeSpotterException(int status, string message, Exception inner) : base(message, inner)
        {
            Status = status;
        }

        /// <summary>The <see cref="InteropStatus"/> code.</summary>
        public int Status { get; private set; }
    }
}

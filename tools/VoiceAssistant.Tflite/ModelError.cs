using System;

namespace VoiceAssistant.Tflite
{
    /// <summary>
    /// The one exception type the .tflite loader and the interpreter throw for a bad, hostile or unsupported
    /// model. The message names the tensor or operator at fault.
    /// </summary>
    public sealed class ModelException : Exception
    {
        /// <summary>Creates the exception with a user-facing message.</summary>
        /// <param name="message">What is wrong, naming the tensor/operator.</param>
        public ModelException(string message) : base(message)
        {
        }

        /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
        /// <param name="message">What is wrong, naming the tensor/operator.</param>
        /// <param name="inner">The underlying exception.</param>
        public ModelException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}

using System;

namespace VoiceAssistant.Audio
{
    /// <summary>
    /// A WAV file could not be read. The message names the file and says what is wrong with it, so it can be shown
    /// to a user as is (no stack trace needed).
    /// </summary>
    public sealed class WavFormatException : Exception
    {
        /// <summary>Creates the exception for a file and a description of the problem.</summary>
        /// <param name="file">Path or display name of the file.</param>
        /// <param name="problem">What is wrong, in words a user understands.</param>
        public WavFormatException(string file, string problem)
            : base($"{file}: {problem}")
        {
            File = file;
            Problem = problem;
        }

        /// <summary>Creates the exception for a file, a description of the problem and the I/O error behind it.</summary>
        /// <param name="file">Path or display name of the file.</param>
        /// <param name="problem">What is wrong, in words a user understands.</param>
        /// <param name="inner">The underlying exception.</param>
        public WavFormatException(string file, string problem, Exception inner)
            : base($"{file}: {problem}", inner)
        {
            File = file;
            Problem = problem;
        }

        /// <summary>Path or display name of the offending file.</summary>
        public string File { get; }

        /// <summary>What is wrong with it (without the file name).</summary>
        public string Problem { get; }
    }
}

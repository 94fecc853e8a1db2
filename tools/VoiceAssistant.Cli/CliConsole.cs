using System.IO;

namespace VoiceAssistant.Cli
{
    /// <summary>Output and error writers of one run, so tests can capture them.</summary>
    public sealed class CliConsole
    {
        /// <summary>Creates it over two writers.</summary>
        /// <param name="output">Normal output (stdout).</param>
        /// <param name="error">Error messages (stderr).</param>
        public CliConsole(TextWriter output, TextWriter error)
        {
            Out = output;
            Error = error;
        }

        /// <summary>Normal output.</summary>
        public TextWriter Out { get; }

        /// <summary>Error messages.</summary>
        public TextWriter Error { get; }
    }

    /// <summary>Process exit codes shared by all commands (the rule is documented in the README's "Exit codes").</summary>
    public static class ExitCodes
    {
        /// <summary>Success.</summary>
        public const int Ok = 0;

        /// <summary>An input was read but is invalid (a corrupt WAV, a model the loader rejects, no words found).</summary>
        public const int InvalidInput = 1;

        /// <summary>Usage: unknown option, malformed or out-of-range value, missing or unreadable path, contradicting options or files.</summary>
        public const int UsageOrIo = 2;

        /// <summary>An external tool (nanoff, espeak-ng, sox) is missing or reported failure.</summary>
        public const int ExternalTool = 3;

        /// <summary>Stopped by Ctrl-C (128 + SIGINT, as shells report it).</summary>
        public const int Interrupted = 130;
    }
}

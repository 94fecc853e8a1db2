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

    /// <summary>Process exit codes shared by all commands.</summary>
    public static class ExitCodes
    {
        /// <summary>Success.</summary>
        public const int Ok = 0;

        /// <summary>The input was read but is invalid (e.g. a model the loader rejects).</summary>
        public const int InvalidInput = 1;

        /// <summary>Bad usage or an input that cannot be read (missing file, permissions).</summary>
        public const int UsageOrIo = 2;

        /// <summary>An external tool (nanoff) is missing or reported failure.</summary>
        public const int ExternalTool = 3;
    }
}

using System.CommandLine;

namespace VoiceAssistant.Cli
{
    /// <summary>One top-level command of the tool. Each lives in its own file under Commands/ and is listed in <see cref="Program.Commands"/>.</summary>
    public interface ICliCommand
    {
        /// <summary>Builds the command with its arguments, options and action.</summary>
        /// <param name="console">Where the action writes output and errors.</param>
        Command Build(CliConsole console);
    }
}

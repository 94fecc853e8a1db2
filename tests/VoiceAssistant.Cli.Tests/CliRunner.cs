using System.IO;

namespace VoiceAssistant.Cli.Tests
{
    /// <summary>Runs the CLI in-process with captured output.</summary>
    internal static class CliRunner
    {
        public static (int Code, string Out, string Err) Run(params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = Program.Run(args, new CliConsole(o, e));
            return (code, o.ToString(), e.ToString());
        }
    }
}

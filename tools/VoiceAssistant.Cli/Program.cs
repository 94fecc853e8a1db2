using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Text.RegularExpressions;
using VoiceAssistant.Cli.Commands;
using VoiceAssistant.Core;

namespace VoiceAssistant.Cli
{
    /// <summary>Entry point: builds the root command from <see cref="Commands"/> and runs it.</summary>
    public static class Program
    {
        /// <summary>Every command of the tool; add new ones here (one class per file under Commands/).</summary>
        public static readonly ICliCommand[] Commands =
        {
            new InspectCommand(),
            new RunCommand(),
            new TrainCommand(),
            new ListenCommand(),
            new ExportCommand(),
            new EvalCommand(),
            new SynthCommand(),
            new ImportCommand(),
            new FlashCommand(),
            new DeployCommand(),
            new MonitorCommand(),
        };

        /// <summary>Process entry point.</summary>
        /// <param name="args">Command-line arguments.</param>
        public static int Main(string[] args) => Run(args, new CliConsole(Console.Out, Console.Error));

        /// <summary>Parses and runs one command line with the given writers; returns the exit code.</summary>
        /// <param name="args">Command-line arguments.</param>
        /// <param name="console">Output and error writers.</param>
        public static int Run(string[] args, CliConsole console)
        {
            var root = new RootCommand("Voice assistant tools: data, training, models, the host twin, flashing and monitoring the board.");
            foreach (ICliCommand command in Commands)
            {
                root.Subcommands.Add(command.Build(console));
            }

            // `va --version` prints the product's one version (VERSION), whichever process hosts the tool.
            foreach (Option option in root.Options)
            {
                if (option is VersionOption)
                {
                    option.Action = new PrintVersion(console.Out);
                }
            }

            ParseResult result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                foreach (var error in result.Errors)
                {
                    console.Error.WriteLine("error: " + Readable(error.Message));
                }

                console.Error.WriteLine("Run 'va --help' for usage.");
                return ExitCodes.UsageOrIo;
            }

            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            try
            {
                return result.Invoke(configuration);
            }
            catch (CliUsageException e)
            {
                console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageOrIo;
            }
            catch (Exception e)
            {
                // Last resort: never show a stack trace to the user.
                console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }

        /// <summary>The parser's messages name .NET types ("System.Nullable`1[System.Int32]"); say what is expected instead.</summary>
        /// <param name="message">A parse error.</param>
        internal static string Readable(string message) =>
            Regex.Replace(message, @" as expected type '([^']+)'\.?", m => ": expected " + Expected(m.Groups[1].Value));

        private static string Expected(string typeName)
        {
            string name = Regex.Replace(typeName, @"^System\.Nullable`1\[(.+)\]$", "$1");
            return name switch
            {
                "System.Int32" or "System.Int64" or "System.UInt64" or "System.UInt32" => "a whole number",
                "System.Single" or "System.Double" => "a number",
                "System.Boolean" => "true or false",
                _ => "a value of type " + name,
            };
        }

        /// <summary>Prints <see cref="ProductVersion.Text"/>.</summary>
        private sealed class PrintVersion : SynchronousCommandLineAction
        {
            private readonly TextWriter output;

            public PrintVersion(TextWriter output) => this.output = output;

            public override int Invoke(ParseResult parseResult)
            {
                output.WriteLine(ProductVersion.Text);
                return ExitCodes.Ok;
            }
        }
    }
}

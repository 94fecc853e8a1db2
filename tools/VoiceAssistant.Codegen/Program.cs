using System;
using System.CommandLine;
using System.IO;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Codegen.Features;

namespace VoiceAssistant.Codegen
{
    /// <summary>Command line: <c>tables</c> regenerates the feature tables and constants.</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            var rootOption = new Option<DirectoryInfo>("--root")
            {
                Description = "Repository root (default: the folder holding VoiceAssistant.slnx above the current directory)",
            };

            var tables = new Command("tables", "Write the MFCC tables (C# and C++) and the C++ settings constants");
            tables.Options.Add(rootOption);
            tables.SetAction(parse =>
            {
                string root = parse.GetValue(rootOption)?.FullName ?? FindRepoRoot(Directory.GetCurrentDirectory());
                foreach (string path in GeneratedFileWriter.WriteAll(root, FeatureCodegen.Generate()))
                {
                    Console.WriteLine("wrote " + path);
                }

                return 0;
            });

            var rootCommand = new RootCommand("VoiceAssistant code generator");
            rootCommand.Subcommands.Add(tables);
            return rootCommand.Parse(args).Invoke();
        }

        /// <summary>Walks up from <paramref name="start"/> to the folder holding VoiceAssistant.slnx.</summary>
        public static string FindRepoRoot(string start)
        {
            for (string dir = start; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "VoiceAssistant.slnx")))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("VoiceAssistant.slnx not found above " + start);
        }
    }
}

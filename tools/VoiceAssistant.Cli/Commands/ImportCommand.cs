using System;
using System.CommandLine;
using System.IO;
using VoiceAssistant.Data;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary><c>va import &lt;wav&gt; --word &lt;w&gt; --speaker &lt;s&gt; --out &lt;dir&gt;</c>: splits a long recording into 1 s clips.</summary>
    public sealed class ImportCommand : ICliCommand
    {
        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var defaults = new ImportOptions();
            var input = new Argument<FileInfo>("wav") { Description = "A recording of one word said several times with pauses (16-bit PCM, 16 kHz)" };
            var word = new Option<string>("--word", "-w") { Description = "The word said (folder name)", Required = true };
            var speaker = new Option<string>("--speaker", "-s") { Description = "Speaker id (letters, digits, '-'; keeps your clips on one side of the train/test split)", Required = true };
            var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Data set folder (Speech Commands layout)", Required = true };
            var threshold = new Option<double>("--threshold-db") { Description = "Speech = frames within this many dB of the loudest frame", DefaultValueFactory = _ => defaults.ThresholdDb };
            var gap = new Option<int>("--min-gap-ms") { Description = "Pauses shorter than this do not split a word", DefaultValueFactory = _ => defaults.MinGapMs };
            var command = new Command("import", "Split a long recording of one word into 1-second clips on energy and add them to a data set folder.");
            command.Arguments.Add(input);
            foreach (Option o in new Option[] { word, speaker, output, threshold, gap })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => Run(r.GetValue(input), r.GetValue(word), r.GetValue(speaker), r.GetValue(output), new ImportOptions { ThresholdDb = r.GetValue(threshold), MinGapMs = r.GetValue(gap) }, console));
            return command;
        }

        private static int Run(FileInfo input, string word, string speaker, DirectoryInfo output, ImportOptions options, CliConsole console)
        {
            if (input == null || !input.Exists)
            {
                console.Error.WriteLine($"error: recording '{input?.FullName}' not found");
                return ExitCodes.UsageOrIo;
            }

            try
            {
                var written = new ClipImporter().Import(input.FullName, word, speaker, output.FullName, options);
                if (written.Count == 0)
                {
                    console.Error.WriteLine("error: no words found; is the recording silent? Try a lower --threshold-db (e.g. -35)");
                    return ExitCodes.InvalidInput;
                }

                console.Out.WriteLine($"{written.Count} clips of '{word}' by '{speaker}' written to {Path.Combine(output.FullName, word)}");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidDataException || e is IOException)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.InvalidInput;
            }
        }
    }
}

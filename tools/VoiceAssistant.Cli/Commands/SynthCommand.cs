using System;
using System.CommandLine;
using System.IO;
using VoiceAssistant.Data;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary><c>va synth &lt;word&gt;... --out &lt;dir&gt;</c>: synthesises training clips with espeak-ng and sox.</summary>
    public sealed class SynthCommand : ICliCommand
    {
        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var defaults = new SynthOptions();
            var words = new Argument<string[]>("word") { Description = "Word(s) to synthesise; each becomes a folder of clips", Arity = ArgumentArity.OneOrMore };
            var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Data set folder (Speech Commands layout: <out>/<word>/<speaker>_nohash_<n>.wav)", Required = true };
            var voices = new Option<string>("--voices") { Description = "Comma-separated espeak-ng voices (see 'espeak-ng --voices=en'; '+f3' etc. pick a variant)", DefaultValueFactory = _ => string.Join(',', defaults.Voices) };
            var pitches = new Option<string>("--pitches") { Description = "Comma-separated espeak-ng pitches, 0-99", DefaultValueFactory = _ => string.Join(',', defaults.Pitches) };
            var speeds = new Option<string>("--speeds") { Description = "Comma-separated speeds in words per minute", DefaultValueFactory = _ => string.Join(',', defaults.Speeds) };
            var variations = new Option<int>("--variations") { Description = "Clips per voice/pitch/speed: the first clean, the others with random tempo, pitch, filter, reverb, level and noise", DefaultValueFactory = _ => defaults.Variations };
            var seed = new Option<int>("--seed") { Description = "Random seed of the effects", DefaultValueFactory = _ => defaults.Seed };
            var noise = new Option<float>("--noise") { Description = "Peak white-noise level (0-1 of full scale) added to varied clips; 0 for none", DefaultValueFactory = _ => defaults.NoiseLevel };
            var command = new Command("synth", "Make 1-second 16 kHz training clips of any word with espeak-ng and sox (each voice/pitch/speed is one speaker), so you can train a new word without recordings.");
            command.Arguments.Add(words);
            foreach (Option o in new Option[] { output, voices, pitches, speeds, variations, seed, noise })
            {
                command.Options.Add(o);
            }

            command.SetAction(r =>
            {
                var options = new SynthOptions
                {
                    Voices = CliLists.Strings(r.GetValue(voices)),
                    Pitches = CliLists.Ints(r.GetValue(pitches), "--pitches"),
                    Speeds = CliLists.Ints(r.GetValue(speeds), "--speeds"),
                    Variations = r.GetValue(variations),
                    Seed = r.GetValue(seed),
                    NoiseLevel = r.GetValue(noise),
                };
                return Run(r.GetValue(words), r.GetValue(output), options, console);
            });
            return command;
        }

        private static int Run(string[] words, DirectoryInfo output, SynthOptions options, CliConsole console)
        {
            if (options.Variations < 1 || options.Voices.Length == 0 || options.Pitches.Length == 0 || options.Speeds.Length == 0)
            {
                console.Error.WriteLine("error: need at least one voice, pitch, speed and variation");
                return ExitCodes.UsageOrIo;
            }

            try
            {
                var synth = new SpeechSynthesizer();
                foreach (string word in words)
                {
                    var written = synth.Synthesize(word, output.FullName, options);
                    console.Out.WriteLine($"{word}: {written.Count} clips in {Path.Combine(output.FullName, word)}");
                }

                return ExitCodes.Ok;
            }
            catch (MissingToolException e)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageOrIo;
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException || e is InvalidDataException || e is IOException)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.InvalidInput;
            }
        }
    }
}

using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using VoiceAssistant.Data;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary><c>va synth &lt;word&gt;... --out &lt;dir&gt;</c>: synthesises training clips with espeak-ng and sox.</summary>
    public sealed class SynthCommand : ICliCommand
    {
        /// <summary>espeak-ng's pitch range.</summary>
        internal const int MinPitch = 0;

        /// <summary>espeak-ng's pitch range.</summary>
        internal const int MaxPitch = 99;

        /// <summary>espeak-ng's speaking-rate range in words per minute.</summary>
        internal const int MinSpeed = 80;

        /// <summary>espeak-ng's speaking-rate range in words per minute.</summary>
        internal const int MaxSpeed = 450;

        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var defaults = new SynthOptions();
            var words = new Argument<string[]>("word") { Description = "Word(s) to synthesise; each becomes a folder of clips", Arity = ArgumentArity.OneOrMore };
            var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Data set folder (Speech Commands layout: <out>/<word>/<speaker>_nohash_<n>.wav)", Required = true };
            var voices = new Option<string>("--voices") { Description = "Comma-separated espeak-ng voices (see 'espeak-ng --voices=en'; '+f3' etc. pick a variant)", DefaultValueFactory = _ => string.Join(',', defaults.Voices) };
            var pitches = new Option<string>("--pitches") { Description = $"Comma-separated espeak-ng pitches, {MinPitch}-{MaxPitch}", DefaultValueFactory = _ => string.Join(',', defaults.Pitches) };
            var speeds = new Option<string>("--speeds") { Description = $"Comma-separated speeds in words per minute, {MinSpeed}-{MaxSpeed}", DefaultValueFactory = _ => string.Join(',', defaults.Speeds) };
            var variations = new Option<int>("--variations") { Description = "Clips per voice/pitch/speed: the first clean, the others with random tempo, pitch, filter, reverb, level and noise", DefaultValueFactory = _ => defaults.Variations };
            var seed = new Option<int>("--seed") { Description = "Random seed of the effects", DefaultValueFactory = _ => defaults.Seed };
            var noise = new Option<float>("--noise") { Description = "Peak white-noise level (0-1 of full scale) added to varied clips; 0 for none", DefaultValueFactory = _ => defaults.NoiseLevel };
            var command = new Command("synth", "Make 1-second 16 kHz training clips of any word with espeak-ng and sox (each voice/pitch/speed is one speaker), so you can train a new word without recordings.");
            command.Arguments.Add(words);
            foreach (Option o in new Option[] { output, voices, pitches, speeds, variations, seed, noise })
            {
                command.Options.Add(o);
            }

            command.SetAction((r, token) =>
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
                return System.Threading.Tasks.Task.FromResult(Run(r.GetValue(words), r.GetValue(output), options, console, token));
            });
            return command;
        }

        /// <summary>Synthesises the words; Ctrl-C stops between clips, keeping the clips written and removing the temporary folder.</summary>
        internal static int Run(string[] words, DirectoryInfo output, SynthOptions options, CliConsole console, CancellationToken cancellation)
        {
            string problem = OptionChecks.First(
                options.Voices.Length == 0 ? "--voices needs at least one voice" : null,
                OptionChecks.AllWithin("--pitches", options.Pitches, MinPitch, MaxPitch),
                OptionChecks.AllWithin("--speeds", options.Speeds, MinSpeed, MaxSpeed),
                OptionChecks.AtLeast("--variations", options.Variations, 1),
                OptionChecks.Within("--noise", options.NoiseLevel, 0, 1));
            if (problem != null)
            {
                console.Error.WriteLine("error: " + problem);
                return ExitCodes.UsageOrIo;
            }

            try
            {
                var synth = new SpeechSynthesizer();
                foreach (string word in words)
                {
                    var written = synth.Synthesize(word, output.FullName, options, null, cancellation);
                    console.Out.WriteLine($"{word}: {written.Count} clips in {Path.Combine(output.FullName, word)}");
                }

                return ExitCodes.Ok;
            }
            catch (Exception e) when (cancellation.IsCancellationRequested && (e is OperationCanceledException || e is InvalidOperationException))
            {
                // Ctrl-C also stops a running espeak-ng/sox, which then reports a failure: that is the stop, not a tool error.
                console.Error.WriteLine($"Stopped: the clips written so far stay in {output.FullName}; the temporary files are removed.");
                return ExitCodes.Interrupted;
            }
            catch (Exception e) when (e is MissingToolException || e is InvalidOperationException)
            {
                // espeak-ng or sox is missing or failed.
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.ExternalTool;
            }
            catch (Exception e) when (e is ArgumentException || e is IOException)
            {
                // A word that cannot be a folder name, or an output folder that cannot be written.
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageOrIo;
            }
            catch (InvalidDataException e)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.InvalidInput;
            }
        }
    }
}

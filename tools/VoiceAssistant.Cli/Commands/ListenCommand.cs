using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Export;
using VoiceAssistant.Host;
using VoiceAssistant.Tflite;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary>
    /// <c>va listen &lt;wav or folder&gt; [--model m.tflite]</c>: the host twin of the board. Each WAV (resampled to
    /// 16 kHz mono) is fed as raw 16-bit PCM, one hop at a time, to the <see cref="HostKeywordSpotter"/> (core MFCC
    /// + int8 interpreter), then through the core <see cref="CommandPipeline"/>; its DETECT lines and LED changes
    /// are printed with a readable time prefix.
    /// </summary>
    public sealed class ListenCommand : ICliCommand
    {
        /// <summary>16 kHz samples read and fed per block (one second).</summary>
        internal const int BlockSamples = AssistantSettings.SampleRate;

        /// <summary>Recordings at least this long (in 16 kHz samples; ten minutes) show progress on stderr.</summary>
        internal static long ProgressMinimumSamples { get; set; } = 10L * 60 * AssistantSettings.SampleRate;

        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var input = new Argument<FileSystemInfo>("wav") { Description = "A WAV file or a folder of WAV files (any PCM/float format, rate or channel count)" };
            var model = new Option<FileInfo>("--model") { Description = $"int8 .tflite model; labels and recogniser settings come from <name>.manifest.json beside it (default: the built-in {ShippedModel.SourcePath})" };
            var labels = new Option<string>("--labels") { Description = "Comma-separated labels in output order, for a model without a manifest" };
            var threshold = new Option<int?>("--threshold") { Description = "Detection threshold 0..255 (default: the manifest's, else the device's)" };
            var invokeEvery = new Option<int>("--invoke-every") { Description = "Run the model every this many new 20 ms feature rows (as the device setting)", DefaultValueFactory = _ => new AssistantSettings().InvokeEveryRows };
            var command = new Command("listen", "Run the device pipeline (MFCC, int8 model, recogniser, actions) over WAV audio and print what it detects.");
            command.Arguments.Add(input);
            command.Options.Add(model);
            command.Options.Add(labels);
            command.Options.Add(threshold);
            command.Options.Add(invokeEvery);
            command.SetAction(r => Run(r.GetValue(input), r.GetValue(model), r.GetValue(labels), r.GetValue(threshold), r.GetValue(invokeEvery), console));
            return command;
        }

        private static int Run(FileSystemInfo input, FileInfo modelFile, string labelText, int? threshold, int invokeEvery, CliConsole console)
        {
            if (modelFile != null && !modelFile.Exists)
            {
                console.Error.WriteLine($"error: model file '{modelFile.FullName}' not found");
                return ExitCodes.UsageOrIo;
            }

            if (input == null || !input.Exists)
            {
                console.Error.WriteLine($"error: '{input?.FullName}' not found (give a WAV file or a folder of WAV files)");
                return ExitCodes.UsageOrIo;
            }

            string problem = OptionChecks.First(OptionChecks.AtLeast("--invoke-every", invokeEvery, 1), threshold is int t ? OptionChecks.Within("--threshold", t, 0, 255) : null);
            if (problem != null)
            {
                console.Error.WriteLine("error: " + problem);
                return ExitCodes.UsageOrIo;
            }

            string[] files = input is DirectoryInfo dir
                ? dir.GetFiles("*.wav", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, RecurseSubdirectories = true }).Select(f => f.FullName).OrderBy(f => f, StringComparer.Ordinal).ToArray()
                : new[] { input.FullName };
            if (files.Length == 0)
            {
                console.Error.WriteLine($"error: no .wav files in '{input.FullName}'");
                return ExitCodes.UsageOrIo;
            }

            var settings = new AssistantSettings { InvokeEveryRows = invokeEvery };
            string modelPath = modelFile?.FullName ?? ShippedModel.SourcePath + " (built in)";
            string modelName = modelFile?.Name ?? ShippedModel.FileName;
            HostKeywordSpotter spotter;
            try
            {
                TfliteModel model;
                ModelManifest manifest = null;
                if (modelFile == null)
                {
                    (model, manifest) = ShippedModel.Load();
                }
                else
                {
                    // A model named on the command line takes its labels and recogniser settings from the manifest
                    // beside it, unless --labels stands in for a missing one.
                    manifest = labelText == null ? ModelManifest.Load(ModelManifest.PathFor(modelPath)) : null;
                    model = TfliteModel.Load(modelPath);
                }

                string[] labels = labelText?.Split(',', StringSplitOptions.TrimEntries) ?? manifest.Labels;
                if (labelText == null)
                {
                    ModelWorkflow.ApplyRecognizer(manifest, settings);
                }

                if (threshold is int value)
                {
                    settings.DetectionThreshold = value;
                }

                int outputs = new TfliteInterpreter(model).Output.ElementCount;
                if (labelText != null && labels.Length != outputs)
                {
                    console.Error.WriteLine($"error: --labels gives {labels.Length} label(s) but the model '{modelName}' has {outputs} outputs");
                    return ExitCodes.UsageOrIo;
                }

                spotter = new HostKeywordSpotter(settings, model, labels);
            }
            catch (Exception e) when (e is ModelException or ManifestException or ArgumentException)
            {
                console.Error.WriteLine($"error: invalid model '{modelPath}': {e.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (IOException e)
            {
                console.Error.WriteLine($"error: cannot read model '{modelPath}': {e.Message}");
                return ExitCodes.UsageOrIo;
            }

            console.Out.WriteLine($"Model {modelName}: labels {string.Join(", ", spotter.Labels)}; threshold {settings.DetectionThreshold}, invoke every {settings.InvokeEveryRows} row(s)");
            int failures = 0;
            foreach (string file in files)
            {
                string name = Path.GetRelativePath(input is DirectoryInfo d ? d.FullName : Path.GetDirectoryName(file), file);
                try
                {
                    using WavStreamReader reader = WavStreamReader.Open(file);
                    string warning = WavWarnings.CutShort(name, reader);
                    if (warning != null)
                    {
                        console.Error.WriteLine(warning);
                    }

                    Listen(name, reader, spotter, settings, console);
                }
                catch (Exception e) when (e is WavFormatException or InvalidDataException or IOException)
                {
                    console.Error.WriteLine($"error: cannot read '{file}': {e.Message}");
                    failures++;
                }
            }

            return failures == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
        }

        /// <summary>
        /// Runs one recording through a fresh pipeline block by block (memory does not grow with its length),
        /// printing its lines, and progress on the error writer for long recordings; returns the number of detections.
        /// </summary>
        /// <param name="name">Name printed in the header.</param>
        /// <param name="reader">The recording.</param>
        /// <param name="spotter">Keyword spotter (reset first).</param>
        /// <param name="settings">Settings (16-bit mono layout).</param>
        /// <param name="console">Lines go to its output, progress to its error writer.</param>
        internal static int Listen(string name, WavStreamReader reader, HostKeywordSpotter spotter, AssistantSettings settings, CliConsole console)
        {
            TextWriter output = console.Out;
            spotter.Reset();
            var reporter = new TimedReporter(output);
            var listener = new HostListener(spotter, settings, null, reporter);
            reporter.Clock = () => listener.ElapsedMs;
            long total = reader.Mono16kSamples;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {total / (double)AssistantSettings.SampleRate:F2} s"));
            var progress = new ListenProgress(name, total, console.Error);
            var samples = new short[BlockSamples];
            var raw = new byte[BlockSamples * 2];
            long done = 0;
            for (int n; (n = reader.ReadMono16k(samples)) > 0;)
            {
                Buffer.BlockCopy(samples, 0, raw, 0, n * 2);
                listener.Feed(raw, 0, n * 2);
                done += n;
                progress.Report(done);
            }

            string why = total < AssistantSettings.SampleRate
                ? string.Create(CultureInfo.InvariantCulture, $" (the recording is {total / (double)AssistantSettings.SampleRate:F2} s; the model needs one full second of audio before its first inference)")
                : string.Empty;
            output.WriteLine($"{name}: {reporter.Detections} detection(s) in {listener.Invocations} inferences{why}");
            return reporter.Detections;
        }

        /// <summary>Reports how far a long recording got, every tenth of it, on the error writer (not among the DETECT lines).</summary>
        private sealed class ListenProgress
        {
            private readonly string name;
            private readonly long total;
            private readonly TextWriter error;
            private int reportedTenths;

            public ListenProgress(string name, long total, TextWriter error)
            {
                this.name = name;
                this.total = total;
                this.error = error;
            }

            public void Report(long done)
            {
                if (total < ProgressMinimumSamples)
                {
                    return;
                }

                int tenths = (int)(done * 10 / total);
                if (tenths > reportedTenths && tenths < 10)
                {
                    reportedTenths = tenths;
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {Clock(done)} of {Clock(total)} ({tenths * 10}%)"));
                }
            }

            private static string Clock(long samples)
            {
                long s = samples / AssistantSettings.SampleRate;
                return string.Create(CultureInfo.InvariantCulture, $"{s / 3600}:{s / 60 % 60:00}:{s % 60:00}");
            }
        }

        /// <summary>Prints the assistant's lines (DETECT, LED, MIC) with an m:ss.fff audio-time prefix.</summary>
        private sealed class TimedReporter : IReporter
        {
            private readonly TextWriter output;

            public TimedReporter(TextWriter output) => this.output = output;

            public Func<long> Clock { get; set; } = () => 0;

            // A count, not the lines: hours of audio must not keep what was already printed.
            public int Detections { get; private set; }

            public void WriteLine(string line)
            {
                if (DetectionFormatter.TryParseDetection(line, out _, out _, out _))
                {
                    Detections++;
                }

                output.WriteLine($"[{Stamp()}] {line}");
            }

            private string Stamp()
            {
                long ms = Clock();
                return string.Create(CultureInfo.InvariantCulture, $"{ms / 60000}:{ms / 1000 % 60:00}.{ms % 1000:000}");
            }
        }
    }
}

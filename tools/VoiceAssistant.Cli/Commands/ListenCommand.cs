using System;
using System.Collections.Generic;
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
        /// <summary>The shipped default model, relative to the repository root.</summary>
        public const string DefaultModel = "models/yes-no/model.tflite";

        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var input = new Argument<FileSystemInfo>("wav") { Description = "A WAV file or a folder of WAV files (any PCM/float format, rate or channel count)" };
            var model = new Option<FileInfo>("--model") { Description = $"int8 .tflite model; labels and recogniser settings come from <name>.manifest.json beside it (default: {DefaultModel} of this repository)" };
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
            string modelPath = modelFile?.FullName ?? FindDefaultModel();
            if (modelPath == null || !File.Exists(modelPath))
            {
                console.Error.WriteLine(modelFile == null
                    ? $"error: the default model {DefaultModel} was not found (run from the repository, or pass --model)"
                    : $"error: model file '{modelPath}' not found");
                return ExitCodes.UsageOrIo;
            }

            if (input == null || !input.Exists)
            {
                console.Error.WriteLine($"error: '{input?.FullName}' not found (give a WAV file or a folder of WAV files)");
                return ExitCodes.UsageOrIo;
            }

            if (invokeEvery < 1 || (threshold is int t && (t < 0 || t > 255)))
            {
                console.Error.WriteLine("error: --invoke-every must be at least 1 and --threshold 0..255");
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
            HostKeywordSpotter spotter;
            try
            {
                string[] labels = labelText?.Split(',', StringSplitOptions.TrimEntries) ?? ApplyManifest(modelPath, settings);
                if (threshold is int value)
                {
                    settings.DetectionThreshold = value;
                }

                spotter = new HostKeywordSpotter(settings, TfliteModel.Load(modelPath), labels);
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

            console.Out.WriteLine($"Model {Path.GetFileName(modelPath)}: labels {string.Join(", ", spotter.Labels)}; threshold {settings.DetectionThreshold}, invoke every {settings.InvokeEveryRows} row(s)");
            int failures = 0;
            foreach (string file in files)
            {
                short[] samples;
                try
                {
                    samples = WavReader.ReadMono16k(file);
                }
                catch (Exception e) when (e is WavFormatException or InvalidDataException or IOException)
                {
                    console.Error.WriteLine($"error: cannot read '{file}': {e.Message}");
                    failures++;
                    continue;
                }

                Listen(Path.GetRelativePath(input is DirectoryInfo d ? d.FullName : Path.GetDirectoryName(file), file), samples, spotter, settings, console.Out);
            }

            return failures == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
        }

        /// <summary>Runs one recording through a fresh pipeline, printing its lines; returns the DETECT lines.</summary>
        /// <param name="name">Name printed in the header.</param>
        /// <param name="samples">16 kHz mono audio.</param>
        /// <param name="spotter">Keyword spotter (reset first).</param>
        /// <param name="settings">Settings (16-bit mono layout).</param>
        /// <param name="output">Where lines go.</param>
        internal static IReadOnlyList<string> Listen(string name, short[] samples, HostKeywordSpotter spotter, AssistantSettings settings, TextWriter output)
        {
            spotter.Reset();
            var reporter = new TimedReporter(output);
            var listener = new HostListener(spotter, settings, null, reporter);
            reporter.Clock = () => listener.ElapsedMs;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {samples.Length / (double)AssistantSettings.SampleRate:F2} s"));
            byte[] raw = new byte[samples.Length * 2];
            Buffer.BlockCopy(samples, 0, raw, 0, raw.Length);
            listener.Feed(raw, 0, raw.Length);
            output.WriteLine($"{name}: {reporter.Detections.Count} detection(s) in {listener.Invocations} inferences");
            return reporter.Detections;
        }

        /// <summary>Loads the manifest beside the model (checking its features and the model's sha256) and applies its recogniser settings.</summary>
        private static string[] ApplyManifest(string modelPath, AssistantSettings settings)
        {
            ModelManifest manifest = ModelManifest.Load(ModelManifest.PathFor(modelPath));
            ModelWorkflow.ApplyRecognizer(manifest, settings);
            return manifest.Labels;
        }

        private static string FindDefaultModel()
        {
            // The repository root is the first ancestor (of the working folder, then of the tool) holding the model.
            foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
                {
                    string candidate = Path.Combine(d.FullName, DefaultModel);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            return null;
        }

        /// <summary>Prints the assistant's lines (DETECT, LED, MIC) with an m:ss.fff audio-time prefix.</summary>
        private sealed class TimedReporter : IReporter
        {
            private readonly TextWriter output;

            public TimedReporter(TextWriter output) => this.output = output;

            public Func<long> Clock { get; set; } = () => 0;

            public List<string> Detections { get; } = new List<string>();

            public void WriteLine(string line)
            {
                if (DetectionFormatter.TryParseDetection(line, out _, out _, out _))
                {
                    Detections.Add(line);
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

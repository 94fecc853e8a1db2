using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Data;
using VoiceAssistant.Evaluation;
using VoiceAssistant.Export;
using VoiceAssistant.Export.Quantization;
using VoiceAssistant.Training;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary>
    /// <c>va export --checkpoint run/model.ckpt --data &lt;folder&gt; --out model.tflite</c> (alias <c>quantize</c>):
    /// post-training int8 quantisation calibrated on training clips, then the micro_speech-graph .tflite and its
    /// manifest, both written atomically.
    /// </summary>
    public sealed class ExportCommand : ICliCommand
    {
        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "Checkpoint written by 'va train' (model.ckpt)", Required = true };
            var data = new Option<DirectoryInfo>("--data") { Description = "The dataset the model was trained on (its training clips calibrate the int8 ranges)", Required = true };
            var output = new Option<FileInfo>("--out") { Description = "Destination .tflite; the manifest is written beside it as <name>.manifest.json (default: model.tflite beside the checkpoint)" };
            var force = new Option<bool>("--force") { Description = "Overwrite an existing model and manifest" };
            var salt = new Option<string>("--split-salt") { Description = "The --split-salt used in training", DefaultValueFactory = _ => string.Empty };
            var floor = new Option<float>("--feature-floor") { Description = "The --feature-floor used in training (clamps the calibration input the same way)", DefaultValueFactory = _ => MfccFeatureExtractor.DefaultFloor };
            var count = new Option<int>("--representative") { Description = "Training clips used for calibration", DefaultValueFactory = _ => 500 };
            var threshold = new Option<int>("--threshold") { Description = "Recogniser detection threshold (0..255) recorded in the manifest", DefaultValueFactory = _ => new AssistantSettings().DetectionThreshold };
            var window = new Option<int>("--average-window-ms") { Description = "Recogniser averaging window in ms recorded in the manifest (choose it with 'va eval --average-window-ms' on validation recordings)", DefaultValueFactory = _ => new AssistantSettings().AverageWindowMs };
            var background = new Option<DirectoryInfo>("--background") { Description = "Folder of background recordings (generated silence for calibration and --false-accept-target); default <data>/_background_noise_" };
            var falseAccepts = new Option<double>("--false-accept-target") { Description = "Operating point: shift the command words' logits so that at most this percentage of the validation split's silence/unknown clips is taken for a command (0 = no shift, the trained model as is)", DefaultValueFactory = _ => 0 };
            var command = new Command("export", "Quantise a trained checkpoint to int8 and write the .tflite model and its manifest.");
            command.Aliases.Add("quantize");
            foreach (Option o in new Option[] { checkpoint, data, output, force, salt, background, floor, count, threshold, window, falseAccepts })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => Run(r.GetValue(checkpoint), r.GetValue(data), r.GetValue(output), r.GetValue(force), r.GetValue(salt), r.GetValue(background)?.FullName, r.GetValue(floor), r.GetValue(count), r.GetValue(threshold), r.GetValue(window), r.GetValue(falseAccepts), console));
            return command;
        }

        private static int Run(FileInfo checkpointFile, DirectoryInfo data, FileInfo output, bool force, string salt, string background, float floor, int count, int threshold, int averageWindowMs, double falseAcceptTarget, CliConsole console)
        {
            if (!checkpointFile.Exists || !data.Exists)
            {
                console.Error.WriteLine($"error: '{(checkpointFile.Exists ? data.FullName : checkpointFile.FullName)}' not found");
                return ExitCodes.UsageOrIo;
            }

            if (background != null && !Directory.Exists(background))
            {
                console.Error.WriteLine($"error: '{background}' not found");
                return ExitCodes.UsageOrIo;
            }

            output ??= new FileInfo(Path.Combine(checkpointFile.DirectoryName, "model.tflite"));
            string problem = OptionChecks.First(
                OptionChecks.AtLeast("--representative", count, 1),
                OptionChecks.Within("--threshold", threshold, 0, 255),
                OptionChecks.Within("--average-window-ms", averageWindowMs, 20, 10000),
                float.IsNaN(floor) ? "--feature-floor must be a number" : null,
                OptionChecks.Below("--false-accept-target", falseAcceptTarget, 0, 100));
            if (problem != null)
            {
                console.Error.WriteLine("error: " + problem);
                return ExitCodes.UsageOrIo;
            }

            string manifestPath = ModelManifest.PathFor(output.FullName);
            string existing = File.Exists(output.FullName) ? output.FullName : File.Exists(manifestPath) ? manifestPath : null;
            if (existing != null && !force)
            {
                // A model (maybe the shipped one, which tests and the firmware sources are pinned to) is not replaced silently.
                console.Error.WriteLine($"error: '{existing}' already exists; choose another --out or pass --force to overwrite it");
                return ExitCodes.UsageOrIo;
            }

            try
            {
                CheckpointContents checkpoint = CheckpointContents.Read(checkpointFile.FullName);
                TinyConvWeights weights = ModelWorkflow.ToExportWeights(checkpoint);
                SpeechCommandsDataset dataset = ModelWorkflow.LoadEvaluation(data.FullName, checkpoint.Labels, salt, background);
                string operatingPoint = string.Empty;
                if (falseAcceptTarget > 0)
                {
                    operatingPoint = ShiftCommands(checkpoint, weights, dataset, floor, falseAcceptTarget, console);
                }

                var clips = ModelWorkflow.Clips(dataset, DataSplit.Training).Take(count).ToArray();
                FeatureSet representative = ModelWorkflow.Features(dataset, clips, float.NegativeInfinity, Environment.ProcessorCount);
                QuantizedTinyConv q = QuantizedTinyConv.Quantize(weights, Enumerable.Range(0, representative.Count).Select(representative.FeaturesOf), floor);
                Directory.CreateDirectory(output.DirectoryName);
                var settings = new AssistantSettings { DetectionThreshold = threshold, AverageWindowMs = averageWindowMs };
                string createdBy = string.Create(CultureInfo.InvariantCulture, $"va export (checkpoint step {checkpoint.Step}, split salt '{salt}', feature floor {floor}, {clips.Length} calibration clips{operatingPoint})");
                ModelManifest manifest = TinyConvExporter.Export(q, checkpoint.Labels.ToArray(), settings, output.FullName, createdBy);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {output.FullName} ({manifest.ModelBytes} bytes) and {ModelManifest.PathFor(output.FullName)}"));
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Labels {string.Join(", ", manifest.Labels)}; input scale {manifest.Input.Scale:G6}, zero point {manifest.Input.ZeroPoint}; calibrated on {clips.Length} training clips"));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is InvalidDataException or WavFormatException or ArgumentException or ManifestException or Tflite.ModelException)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.InvalidInput;
            }
            catch (IOException e)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageOrIo;
            }
        }

        // Picks the command bias on the validation split (float model) and adds it to the command words' FC bias.
        private static string ShiftCommands(CheckpointContents checkpoint, TinyConvWeights weights, SpeechCommandsDataset dataset, float floor, double targetPercent, CliConsole console)
        {
            var clips = ModelWorkflow.Clips(dataset, DataSplit.Validation);
            if (clips.Count == 0)
            {
                throw new ArgumentException("--false-accept-target needs a validation split, and this dataset's is empty");
            }

            const int firstCommand = SpeechCommandsDataset.UnknownIndex + 1;
            float[][] probabilities = ModelWorkflow.FloatProbabilities(checkpoint, ModelWorkflow.Features(dataset, clips, floor, Environment.ProcessorCount));
            int[] actual = clips.Select(c => c.Label).ToArray();
            double bias = CommandBiasCalibration.Choose(probabilities, actual, firstCommand, targetPercent / 100);
            double before = CommandBiasCalibration.FalseAcceptRate(probabilities, actual, firstCommand, 0);
            double after = CommandBiasCalibration.FalseAcceptRate(probabilities, actual, firstCommand, bias);
            for (int l = firstCommand; l < weights.Labels; l++)
            {
                weights.FcBias[l] += (float)bias;
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Command bias {bias:+0.00;-0.00;0.00} (log-odds added to {string.Join(", ", checkpoint.Labels.Skip(firstCommand))}): validation false accepts {100 * after:F1}% (trained model {100 * before:F1}%) over {actual.Count(a => a < firstCommand)} silence/unknown clips"));
            return string.Create(CultureInfo.InvariantCulture, $", command bias {bias:+0.00;-0.00;0.00} for <= {targetPercent}% validation false accepts");
        }
    }
}

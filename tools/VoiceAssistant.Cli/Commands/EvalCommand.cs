using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using VoiceAssistant.Audio;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Data;
using VoiceAssistant.Evaluation;
using VoiceAssistant.Export;
using VoiceAssistant.Host;
using VoiceAssistant.Tflite;
using VoiceAssistant.Training;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary>
    /// <c>va eval --model m.tflite --data &lt;folder&gt; [--checkpoint c] [--split testing] [--report prefix]
    /// [--streaming-seconds N]</c>: accuracy, keyword metrics with 95% intervals, confusion matrices (text and PNG)
    /// of the int8 model (device path: core MFCC, core quantiser, interpreter) and optionally the float checkpoint
    /// side by side, on every clip of a split; then optionally a streaming test through the real recogniser.
    /// </summary>
    public sealed class EvalCommand : ICliCommand
    {
        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var model = new Option<FileInfo>("--model") { Description = "int8 .tflite with its manifest beside it", Required = true };
            var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "Float checkpoint to evaluate side by side (optional)" };
            var data = new Option<DirectoryInfo>("--data") { Description = "Dataset folder in the Speech Commands layout", Required = true };
            var split = new Option<string>("--split") { Description = "testing, validation, training or all (every clip: all unknown words, no generated silence)", DefaultValueFactory = _ => "testing" };
            var salt = new Option<string>("--split-salt") { Description = "The --split-salt used in training", DefaultValueFactory = _ => string.Empty };
            var floor = new Option<float>("--feature-floor") { Description = "The --feature-floor used in training (float column only)", DefaultValueFactory = _ => MfccFeatureExtractor.DefaultFloor };
            var report = new Option<string>("--report") { Description = "Write <prefix>.txt (report) and <prefix>.png (int8 confusion matrix)" };
            var streaming = new Option<int>("--streaming-seconds") { Description = "Also build a recording of this many seconds from the split's clips over background noise and run the recogniser (0 = skip)", DefaultValueFactory = _ => 0 };
            var seed = new Option<int>("--seed") { Description = "Seed of the streaming recording", DefaultValueFactory = _ => 1 };
            var command = new Command("eval", "Evaluate an int8 model (and optionally its float checkpoint) on a dataset split: accuracy, keyword metrics, confusion matrix, streaming.");
            foreach (Option o in new Option[] { model, checkpoint, data, split, salt, floor, report, streaming, seed })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => Run(r.GetValue(model), r.GetValue(checkpoint), r.GetValue(data), r.GetValue(split), r.GetValue(salt), r.GetValue(floor), r.GetValue(report), r.GetValue(streaming), r.GetValue(seed), console));
            return command;
        }

        private static int Run(FileInfo modelFile, FileInfo checkpointFile, DirectoryInfo data, string splitName, string salt, float floor, string report, int streamingSeconds, int seed, CliConsole console)
        {
            DataSplit? split = splitName?.ToLowerInvariant() switch
            {
                "testing" or "test" => DataSplit.Testing,
                "validation" => DataSplit.Validation,
                "training" or "train" => DataSplit.Training,
                "all" => null,
                _ => (DataSplit)(-1),
            };
            if (split == (DataSplit)(-1) || streamingSeconds < 0 || (streamingSeconds > 0 && streamingSeconds < 10))
            {
                console.Error.WriteLine("error: --split must be testing, validation, training or all; --streaming-seconds 0 or at least 10");
                return ExitCodes.UsageOrIo;
            }

            foreach (FileSystemInfo f in new FileSystemInfo[] { modelFile, checkpointFile, data })
            {
                if (f != null && !f.Exists)
                {
                    console.Error.WriteLine($"error: '{f.FullName}' not found");
                    return ExitCodes.UsageOrIo;
                }
            }

            try
            {
                ModelManifest manifest = ModelManifest.Load(ModelManifest.PathFor(modelFile.FullName));
                string[] labels = manifest.Labels;
                TfliteModel model = TfliteModel.Load(modelFile.FullName);
                CheckpointContents checkpoint = checkpointFile == null ? null : CheckpointContents.Read(checkpointFile.FullName);
                if (checkpoint != null && !checkpoint.Labels.SequenceEqual(labels))
                {
                    console.Error.WriteLine("error: the checkpoint's labels differ from the model's");
                    return ExitCodes.InvalidInput;
                }

                int threads = Environment.ProcessorCount;
                IReadOnlyList<DatasetExample> clips = ModelWorkflow.AllClips(data.FullName, labels, salt, split);
                if (clips.Count == 0)
                {
                    console.Error.WriteLine($"error: the {splitName} split of '{data.FullName}' is empty");
                    return ExitCodes.InvalidInput;
                }

                int[] actual = clips.Select(c => c.Label).ToArray();
                var columns = new List<PredictionColumn>();
                if (checkpoint != null)
                {
                    columns.Add(new PredictionColumn("float", ModelWorkflow.PredictFloat(checkpoint, ModelWorkflow.Features(clips, floor, threads))));
                }

                columns.Add(new PredictionColumn("int8", ModelWorkflow.PredictInt8(model, ModelWorkflow.Features(clips, float.NegativeInfinity, threads))));
                string title = $"{Path.GetFileName(modelFile.FullName)} on {data.Name}, {splitName} split (salt '{salt}'), {clips.Count} clips";
                var text = new StringBuilder(VoiceAssistant.Evaluation.EvaluationReport.Render(title, labels, actual, columns));
                text.AppendLine().AppendLine($"Mistakes by spoken word ({columns[^1].Name}; wrong of clips -> predicted):");
                text.Append(VoiceAssistant.Evaluation.EvaluationReport.RenderMistakesByWord(labels, clips.Select(c => c.Word).ToArray(), actual, columns[^1].Predicted));
                if (streamingSeconds > 0)
                {
                    text.AppendLine().AppendLine(Streaming(model, manifest, data.FullName, clips, streamingSeconds, seed));
                }

                console.Out.Write(text.ToString());
                if (report != null)
                {
                    string prefix = Path.GetFullPath(report);
                    Directory.CreateDirectory(Path.GetDirectoryName(prefix));
                    VoiceAssistant.Audio.AtomicFile.Write(prefix + ".txt", s => s.Write(Encoding.UTF8.GetBytes(text.ToString())));
                    ConfusionMatrixPlot.Save(ConfusionMatrix.From(labels, actual, columns[^1].Predicted), $"int8, {splitName} split, {clips.Count} clips", prefix + ".png");
                    console.Out.WriteLine($"Wrote {prefix}.txt and {prefix}.png");
                }

                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is InvalidDataException or WavFormatException or ArgumentException or ManifestException or ModelException)
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

        private static string Streaming(TfliteModel model, ModelManifest manifest, string root, IReadOnlyList<DatasetExample> clips, int seconds, int seed)
        {
            string[] labels = manifest.Labels;
            var labeled = clips.Select(c => new LabeledClip(labels[c.Label], WavReader.ReadMono16k(c.Path))).ToArray();
            string noiseDir = Path.Combine(root, SpeechCommandsDataset.BackgroundFolder);
            short[] noise = Directory.Exists(noiseDir)
                ? Directory.GetFiles(noiseDir, "*.wav").OrderBy(f => f, StringComparer.Ordinal).SelectMany(WavReader.ReadMono16k).ToArray()
                : null;
            const float NoiseVolume = 0.1f;
            StreamingTestSet set = StreamingTestSet.Build(labeled, noise, seconds, seed, NoiseVolume);
            var settings = new AssistantSettings();
            ModelWorkflow.ApplyRecognizer(manifest, settings);
            var spotter = new HostKeywordSpotter(settings, model, labels);
            StreamingResult result = StreamingEvaluator.Evaluate(spotter, set, settings);
            return string.Create(CultureInfo.InvariantCulture, $"Streaming (split clips every 3 ± 0.5 s over the background noise at volume {NoiseVolume}, seed {seed}, threshold {settings.DetectionThreshold}): {result}");
        }
    }
}

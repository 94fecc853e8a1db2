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
    /// [--streaming-seconds N] [--invoke-every-rows N] [--average-window-ms N]</c>: accuracy, keyword metrics with 95% intervals, confusion matrices (text and PNG)
    /// of the int8 model (device path: core MFCC, core quantiser, interpreter) and optionally the float checkpoint
    /// side by side, on every clip of a split; then optionally a streaming test through the real recogniser.
    /// </summary>
    public sealed class EvalCommand : ICliCommand
    {
        /// <summary>Streaming recordings pool their detections within this budget when the DET curve picks a threshold.</summary>
        public const double FalseAcceptBudgetPerHour = 10;

        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var model = new Option<FileInfo>("--model") { Description = "int8 .tflite with its manifest beside it", Required = true };
            var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "Float checkpoint to evaluate side by side (optional)" };
            var data = new Option<DirectoryInfo>("--data") { Description = "Dataset folder in the Speech Commands layout", Required = true };
            var split = new Option<string>("--split") { Description = "testing, validation, training or all: every clip of the split (silence clips included; generated silence only for a dataset without a _silence_ folder), the same clips 'train' reports", DefaultValueFactory = _ => "testing" };
            var salt = new Option<string>("--split-salt") { Description = "The --split-salt used in training", DefaultValueFactory = _ => string.Empty };
            var background = new Option<DirectoryInfo>("--background") { Description = "Folder of background recordings (generated silence, streaming noise); default <data>/_background_noise_" };
            var bias = new Option<double>("--command-bias") { Description = "Log-odds added to the command words in the float column: the operating-point shift 'export --false-accept-target' printed and built into the int8 model, so both columns are at the same operating point (default 0: the checkpoint as trained)", DefaultValueFactory = _ => 0 };
            var floor = new Option<float>("--feature-floor") { Description = "The --feature-floor used in training (float column only)", DefaultValueFactory = _ => MfccFeatureExtractor.DefaultFloor };
            var report = new Option<string>("--report") { Description = "Write <prefix>.txt (report), <prefix>.png (int8 confusion matrix) and with streaming <prefix>.det.png (DET curve)" };
            var reference = new Option<FileInfo>("--reference-scores") { Description = "CSV of another model's int8 scores per clip (path,class,predicted,score_<label>...; e.g. TFLM's anchor_dev_scores.csv): its figures on the same clips as a further column" };
            var streaming = new Option<int>("--streaming-seconds") { Description = "Also build recordings of this many seconds from the split's clips over background noise and run the recogniser (0 = skip)", DefaultValueFactory = _ => 0 };
            var recordings = new Option<int>("--recordings") { Description = "Streaming recordings (seeds --seed, --seed+1, ...), pooled for the DET curve", DefaultValueFactory = _ => 1 };
            var seed = new Option<int>("--seed") { Description = "Seed of the first streaming recording", DefaultValueFactory = _ => 1 };
            var window = new Option<int?>("--average-window-ms") { Description = "Streaming: the recogniser's averaging window in ms instead of the manifest's (to measure its effect on latency)" };
            var cadence = new Option<int>("--invoke-every-rows") { Description = "Streaming: run the model every this many new feature rows, as the device loop does (default: the firmware's AssistantSettings.InvokeEveryRows)", DefaultValueFactory = _ => new AssistantSettings().InvokeEveryRows };
            var command = new Command("eval", "Evaluate an int8 model (and optionally its float checkpoint) on a dataset split: accuracy, keyword metrics, confusion matrix, streaming and DET curve.");
            foreach (Option o in new Option[] { model, checkpoint, data, split, salt, background, bias, floor, report, reference, streaming, recordings, seed, cadence, window })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => Run(
                new Arguments
                {
                    Model = r.GetValue(model), Checkpoint = r.GetValue(checkpoint), Data = r.GetValue(data), Split = r.GetValue(split), Salt = r.GetValue(salt), Background = r.GetValue(background),
                    Floor = r.GetValue(floor), CommandBias = r.GetValue(bias), Report = r.GetValue(report), Reference = r.GetValue(reference), StreamingSeconds = r.GetValue(streaming), Recordings = r.GetValue(recordings), Seed = r.GetValue(seed),
                    InvokeEveryRows = r.GetValue(cadence), AverageWindowMs = r.GetValue(window),
                },
                console));
            return command;
        }

        private static int Run(Arguments a, CliConsole console)
        {
            DataSplit? split = a.Split?.ToLowerInvariant() switch
            {
                "testing" or "test" => DataSplit.Testing,
                "validation" => DataSplit.Validation,
                "training" or "train" => DataSplit.Training,
                "all" => null,
                _ => (DataSplit)(-1),
            };
            if (!(Math.Abs(a.CommandBias) <= 100))
            {
                console.Error.WriteLine("error: --command-bias must be a number within -100..100");
                return ExitCodes.UsageOrIo;
            }

            string problem = OptionChecks.First(
                split == (DataSplit)(-1) ? $"--split must be testing, validation, training or all (got '{a.Split}')" : null,
                a.StreamingSeconds == 0 ? null : OptionChecks.AtLeast("--streaming-seconds", a.StreamingSeconds, 10),
                OptionChecks.Within("--recordings", a.Recordings, 1, 100),
                OptionChecks.Within("--invoke-every-rows", a.InvokeEveryRows, 1, AssistantSettings.WindowFrames),
                a.AverageWindowMs is int w ? OptionChecks.Within("--average-window-ms", w, 20, 10000) : null);
            if (problem != null)
            {
                console.Error.WriteLine("error: " + problem + (problem.StartsWith("--streaming", StringComparison.Ordinal) ? " or 0 for none" : string.Empty));
                return ExitCodes.UsageOrIo;
            }

            foreach (FileSystemInfo f in new FileSystemInfo[] { a.Model, a.Checkpoint, a.Data, a.Background, a.Reference })
            {
                if (f != null && !f.Exists)
                {
                    console.Error.WriteLine($"error: '{f.FullName}' not found");
                    return ExitCodes.UsageOrIo;
                }
            }

            try
            {
                ModelManifest manifest = ModelManifest.Load(ModelManifest.PathFor(a.Model.FullName));
                string[] labels = manifest.Labels;
                TfliteModel model = TfliteModel.Load(a.Model.FullName);
                CheckpointContents checkpoint = a.Checkpoint == null ? null : CheckpointContents.Read(a.Checkpoint.FullName);
                if (checkpoint != null && !checkpoint.Labels.SequenceEqual(labels))
                {
                    console.Error.WriteLine($"error: the checkpoint's labels ({string.Join(",", checkpoint.Labels)}) differ from the model's ({string.Join(",", labels)}): pass the checkpoint the model was exported from");
                    return ExitCodes.UsageOrIo;
                }

                int threads = Environment.ProcessorCount;
                SpeechCommandsDataset dataset = ModelWorkflow.LoadEvaluation(a.Data.FullName, labels, a.Salt, a.Background?.FullName);
                IReadOnlyList<DatasetExample> clips = ModelWorkflow.Clips(dataset, split);
                if (clips.Count == 0)
                {
                    console.Error.WriteLine($"error: the {a.Split} split of '{a.Data.FullName}' is empty");
                    return ExitCodes.InvalidInput;
                }

                int[] actual = clips.Select(c => c.Label).ToArray();
                var columns = new List<PredictionColumn>();
                if (checkpoint != null)
                {
                    FeatureSet features = ModelWorkflow.Features(dataset, clips, a.Floor, threads);
                    columns.Add(a.CommandBias == 0
                        ? new PredictionColumn("float", ModelWorkflow.PredictFloat(checkpoint, features))
                        : new PredictionColumn(string.Create(CultureInfo.InvariantCulture, $"float, bias {a.CommandBias:+0.00;-0.00}"), ModelWorkflow.FloatProbabilities(checkpoint, features).Select(p => CommandBiasCalibration.Predict(p, SpeechCommandsDataset.UnknownIndex + 1, a.CommandBias)).ToArray()));
                }

                var int8 = new PredictionColumn("int8", ModelWorkflow.PredictInt8(model, ModelWorkflow.Features(dataset, clips, float.NegativeInfinity, threads)));
                columns.Add(int8);
                if (a.Reference != null)
                {
                    string[] paths = clips.Select(c => c.Path == null ? "(generated silence)" : Path.GetRelativePath(dataset.Root, c.Path)).ToArray();
                    columns.Add(new PredictionColumn("reference: " + Path.GetFileNameWithoutExtension(a.Reference.Name), ReferenceScores.Load(a.Reference.FullName).Predict(paths, labels)));
                }

                int generated = clips.Count(c => c.Kind == ExampleKind.GeneratedSilence);
                string title = $"{Path.GetFileName(a.Model.FullName)} on {a.Data.Name}, {a.Split} split (salt '{a.Salt}'), {clips.Count} clips" + (generated > 0 ? $" ({generated} of them generated silence)" : string.Empty);
                var text = new StringBuilder(VoiceAssistant.Evaluation.EvaluationReport.Render(title, labels, actual, columns));
                string[] words = clips.Select(c => c.Kind == ExampleKind.GeneratedSilence ? "(generated silence)" : c.Word).ToArray();
                foreach (PredictionColumn column in columns.Skip(columns.Count - (a.Reference != null ? 2 : 1)))
                {
                    text.AppendLine().AppendLine($"Mistakes by spoken word ({column.Name}; wrong of clips -> predicted):");
                    text.Append(VoiceAssistant.Evaluation.EvaluationReport.RenderMistakesByWord(labels, words, actual, column.Predicted));
                }

                string prefix = a.Report == null ? null : Path.GetFullPath(a.Report);
                if (prefix != null)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(prefix));
                }

                if (a.StreamingSeconds > 0)
                {
                    text.AppendLine().Append(Streaming(model, manifest, dataset, clips, a, prefix));
                }

                console.Out.Write(text.ToString());
                if (prefix != null)
                {
                    VoiceAssistant.Audio.AtomicFile.Write(prefix + ".txt", s => s.Write(Encoding.UTF8.GetBytes(text.ToString())));
                    ConfusionMatrixPlot.Save(ConfusionMatrix.From(labels, actual, int8.Predicted), $"int8, {a.Split} split, {clips.Count} clips", prefix + ".png");
                    console.Out.WriteLine($"Wrote {prefix}.txt and {prefix}.png" + (a.StreamingSeconds > 0 ? $" and {prefix}.det.png" : string.Empty));
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

        // Recordings of the split's clips (generated silence rendered as evaluated) over the looped background noise,
        // scored once by the host twin, then the recogniser replayed at every threshold for the DET curve.
        private static string Streaming(TfliteModel model, ModelManifest manifest, SpeechCommandsDataset dataset, IReadOnlyList<DatasetExample> clips, Arguments a, string prefix)
        {
            string[] labels = manifest.Labels;
            short[][] audio = ModelWorkflow.Audio(dataset, clips);
            var labeled = clips.Select((c, i) => new LabeledClip(labels[c.Label], c.Path == null ? audio[i] : WavReader.ReadMono16k(c.Path))).ToArray();
            short[] noise = dataset.BackgroundFiles.Count > 0 ? dataset.BackgroundFiles.SelectMany(WavReader.ReadMono16k).ToArray() : null;
            const float NoiseVolume = 0.1f;
            var settings = new AssistantSettings { InvokeEveryRows = a.InvokeEveryRows };
            ModelWorkflow.ApplyRecognizer(manifest, settings);
            settings.AverageWindowMs = a.AverageWindowMs ?? settings.AverageWindowMs;
            var text = new StringBuilder();
            var scored = new List<ScoredRecording>();
            var latencies = new List<int>();
            for (int k = 0; k < a.Recordings; k++)
            {
                StreamingTestSet set = StreamingTestSet.Build(labeled, noise, a.StreamingSeconds, a.Seed + k, NoiseVolume);
                ScoredRecording recording = ScoredRecording.Score(new HostKeywordSpotter(settings, model, labels), set, settings);
                scored.Add(recording);
                StreamingResult result = recording.Evaluate(settings);
                latencies.AddRange(result.LatenciesMs);
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Streaming (split clips every 3 ± 0.5 s over the background noise at volume {NoiseVolume}, seed {a.Seed + k}, threshold {settings.DetectionThreshold}, averaging {settings.AverageWindowMs} ms, invoking every {settings.InvokeEveryRows} row(s)): {result}"));
            }

            DetPoint[] curve = DetCurve.Sweep(scored, settings, Enumerable.Range(0, 256).ToArray());
            DetPoint chosen = curve[settings.DetectionThreshold];
            DetPoint best = DetCurve.Best(curve, FalseAcceptBudgetPerHour);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Pooled over {scored.Count} recording(s) at the manifest's threshold {chosen.Threshold}: false rejects {100 * chosen.FalseRejectRate:0.0}% ({chosen.Missed} of {chosen.Targets}), {chosen.FalseAcceptsPerHour:0.0} false accepts per hour ({chosen.FalseAccepts}); {LatencySummary.From(latencies)}."));
            text.AppendLine(best == null
                ? string.Create(CultureInfo.InvariantCulture, $"No threshold keeps false accepts at or below {FalseAcceptBudgetPerHour} per hour on these recordings.")
                : string.Create(CultureInfo.InvariantCulture, $"Lowest false rejects at <= {FalseAcceptBudgetPerHour} false accepts per hour on these recordings: threshold {best.Threshold}, {100 * best.FalseRejectRate:0.0}% ({best.Missed} of {best.Targets}), {best.FalseAcceptsPerHour:0.0} per hour."));
            text.AppendLine("DET curve (threshold: false rejects %, false accepts per hour):");
            foreach (DetPoint p in curve.Where(p => p.Threshold % 10 == 0 || p.Threshold == chosen.Threshold))
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Threshold,3}: {100 * p.FalseRejectRate,5:0.0}%  {p.FalseAcceptsPerHour,6:0.0}/h"));
            }

            if (prefix != null)
            {
                DetCurvePlot.Save(curve, chosen, $"DET, {a.Split} split, {scored.Count} x {a.StreamingSeconds} s", prefix + ".det.png");
            }

            return text.ToString();
        }

        private sealed class Arguments
        {
            public FileInfo Model { get; set; }

            public FileInfo Checkpoint { get; set; }

            public DirectoryInfo Data { get; set; }

            public string Split { get; set; }

            public string Salt { get; set; }

            public DirectoryInfo Background { get; set; }

            public float Floor { get; set; }

            public double CommandBias { get; set; }

            public string Report { get; set; }

            public FileInfo Reference { get; set; }

            public int StreamingSeconds { get; set; }

            public int Recordings { get; set; }

            public int Seed { get; set; }

            public int InvokeEveryRows { get; set; }

            public int? AverageWindowMs { get; set; }
        }
    }
}

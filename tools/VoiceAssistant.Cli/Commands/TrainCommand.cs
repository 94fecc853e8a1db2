using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Spectre.Console;
using VoiceAssistant.Audio;
using VoiceAssistant.Data;
using VoiceAssistant.Training;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary>
    /// <c>va train --data &lt;folder&gt; --out &lt;dir&gt; [--words yes,no] ...</c>: trains a float tinyConv on a
    /// Speech Commands-layout folder with the firmware's MFCC, showing loss and accuracies, writing
    /// <c>&lt;out&gt;/model.ckpt</c> atomically as it goes; <c>--resume</c> continues a checkpoint exactly.
    /// </summary>
    public sealed class TrainCommand : ICliCommand
    {
        /// <summary>Checkpoint file name inside the output folder.</summary>
        public const string CheckpointFileName = "model.ckpt";

        /// <summary>The shipped model's recipe (see README): TF's defaults except the split salt, precomputed
        /// variants and a larger unknown share that rejects other words better.</summary>
        internal static class Defaults
        {
            public const string Words = "yes,no";
            public const string Steps = "25000,5000";
            public const string Rates = "0.001,0.0001";
            public const int Variants = 20;
            public const int UnknownVariants = 12;
            public const double UnknownPercentage = 1_000_000;
            public const double SilencePercentage = 20;
            public const string ConfusableWords = "";
            public const float Dropout = 0.5f;
            public const int TimeShiftMs = 250;
            public const double SpeedChange = 0.15;
            public const double GainDb = 6;
        }

        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var data = new Option<DirectoryInfo>("--data") { Description = "Dataset folder in the Speech Commands layout (<word>/<speaker>_nohash_<n>.wav, _background_noise_/, _silence_/)", Required = true };
            var output = new Option<DirectoryInfo>("--out") { Description = "Output folder for the checkpoint (model.ckpt)", Required = true };
            var words = new Option<string>("--words") { Description = "Comma-separated words to recognise (labels: _silence_, _unknown_, then these)", DefaultValueFactory = _ => Defaults.Words };
            var steps = new Option<string>("--steps") { Description = "Steps per learning-rate stage, comma-separated", DefaultValueFactory = _ => Defaults.Steps };
            var rates = new Option<string>("--learning-rates") { Description = "Learning rate per stage, comma-separated (as many as --steps)", DefaultValueFactory = _ => Defaults.Rates };
            var batch = new Option<int>("--batch-size") { Description = "Examples per step", DefaultValueFactory = _ => 100 };
            var seed = new Option<ulong>("--seed") { Description = "Seed of weights, sampling, augmentation and dropout (same seed, same model)", DefaultValueFactory = _ => 59185UL };
            var salt = new Option<string>("--split-salt") { Description = "Text mixed into the speaker hash of the train/validation/test split. Empty = TensorFlow's split; the shared Speech Commands clips are all TF test clips, so use e.g. va1 for them", DefaultValueFactory = _ => string.Empty };
            var variants = new Option<int>("--variants") { Description = "Augmented renderings precomputed per clip (0 = render every draw, slow)", DefaultValueFactory = _ => Defaults.Variants };
            var unknownVariants = new Option<int>("--unknown-variants") { Description = "Renderings per unknown-word clip (0 = same as --variants)", DefaultValueFactory = _ => Defaults.UnknownVariants };
            var unknownShare = new Option<double>("--unknown-percentage") { Description = "Unknown-word clips per split as a percentage of the wanted-word clips (TF: 10; default: all there are)", DefaultValueFactory = _ => Defaults.UnknownPercentage };
            var silenceShare = new Option<double>("--silence-percentage") { Description = "Silence examples per split as a percentage of the wanted-word clips (TF: 10)", DefaultValueFactory = _ => Defaults.SilencePercentage };
            var floor = new Option<float>("--feature-floor") { Description = "Lowest MFCC value (quieter frames are raised to it; export must calibrate with the same floor)", DefaultValueFactory = _ => MfccFeatureExtractor.DefaultFloor };
            var threads = new Option<int>("--threads") { Description = "Worker threads (does not change the result)", DefaultValueFactory = _ => Environment.ProcessorCount };
            var evalEvery = new Option<int>("--eval-every") { Description = "Validate every this many steps (0 = only at the end)", DefaultValueFactory = _ => 1000 };
            var extra = new Option<DirectoryInfo[]>("--extra-data") { Description = "More folders in the same layout (e.g. from 'va synth') used for training only, never for validation/testing", AllowMultipleArgumentsPerToken = true };
            var confusable = new Option<string>("--confusable-words") { Description = "Comma-separated unknown words that sound like a wanted word (e.g. go for no): rendered --variants times like the wanted words instead of --unknown-variants", DefaultValueFactory = _ => Defaults.ConfusableWords };
            var dropout = new Option<float>("--dropout") { Description = "Fraction of the fully connected layer's inputs dropped in training (TF: 0.5)", DefaultValueFactory = _ => Defaults.Dropout };
            var shift = new Option<int>("--time-shift-ms") { Description = "Largest random time shift of training clips in ms, either way (TF: 100)", DefaultValueFactory = _ => Defaults.TimeShiftMs };
            var speed = new Option<double>("--speed-change") { Description = "Largest relative speaking-rate change of training word clips, either way (0.1 = rates 0.9..1.1; 0 = none, as TensorFlow)", DefaultValueFactory = _ => Defaults.SpeedChange };
            var gain = new Option<double>("--gain-db") { Description = "Largest gain change of training word clips in dB, either way (0 = none, as TensorFlow)", DefaultValueFactory = _ => Defaults.GainDb };
            var background = new Option<DirectoryInfo>("--background") { Description = "Folder of background recordings mixed into training clips and the source of generated silence; default <data>/_background_noise_" };
            var cacheDir = new Option<DirectoryInfo>("--feature-cache") { Description = "Folder of the on-disk feature cache (keyed by clip content, feature version and augmentation settings; a second run skips the features); default ~/.cache/voice-assistant/features" };
            var noCache = new Option<bool>("--no-feature-cache") { Description = "Compute every feature set, read and write no cache" };
            var resume = new Option<FileInfo>("--resume") { Description = "Continue from this checkpoint (same --data, --words and --split-salt)" };
            var force = new Option<bool>("--force") { Description = "Overwrite an existing <out>/model.ckpt of another run" };
            var command = new Command("train", "Train a keyword model (float tinyConv on the firmware's MFCC) and write a checkpoint.");
            foreach (Option o in new Option[] { data, output, words, steps, rates, batch, seed, salt, variants, unknownVariants, unknownShare, silenceShare, confusable, dropout, shift, speed, gain, floor, threads, evalEvery, resume, force, extra, background, cacheDir, noCache })
            {
                command.Options.Add(o);
            }

            command.SetAction((r, token) =>
            {
                var a = new Arguments
                {
                    Data = r.GetValue(data), Out = r.GetValue(output), Words = r.GetValue(words), Steps = r.GetValue(steps), Rates = r.GetValue(rates),
                    BatchSize = r.GetValue(batch), Seed = r.GetValue(seed), SplitSalt = r.GetValue(salt), Variants = r.GetValue(variants),
                    UnknownVariants = r.GetValue(unknownVariants), UnknownPercentage = r.GetValue(unknownShare), SilencePercentage = r.GetValue(silenceShare), ConfusableWords = r.GetValue(confusable), Dropout = r.GetValue(dropout), TimeShiftMs = r.GetValue(shift), SpeedChange = r.GetValue(speed), GainDb = r.GetValue(gain), FeatureFloor = r.GetValue(floor),
                    Threads = r.GetValue(threads), EvaluateEvery = r.GetValue(evalEvery), Resume = r.GetValue(resume), Force = r.GetValue(force), ExtraData = r.GetValue(extra) ?? Array.Empty<DirectoryInfo>(),
                    Background = r.GetValue(background), FeatureCache = r.GetValue(noCache) ? null : r.GetValue(cacheDir) ?? new DirectoryInfo(Training.FeatureCache.DefaultDirectory()),
                };
                return System.Threading.Tasks.Task.FromResult(Run(a, console, token));
            });
            return command;
        }

        internal static int Run(Arguments a, CliConsole console, CancellationToken cancellation)
        {
            string problem = a.Check();
            if (problem != null)
            {
                console.Error.WriteLine("error: " + problem);
                return ExitCodes.UsageOrIo;
            }

            var datasetOptions = new DatasetOptions
            {
                WantedWords = a.Words.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                SplitSalt = a.SplitSalt ?? string.Empty,
                UnknownPercentage = a.UnknownPercentage,
                SilencePercentage = a.SilencePercentage,
                BackgroundFolder = a.Background?.FullName,
            };
            var augmentation = new AugmentationOptions { PrecomputedVariants = a.Variants, UnknownVariants = a.UnknownVariants, TimeShiftMs = a.TimeShiftMs, SpeedChange = a.SpeedChange, GainDb = a.GainDb,
                ConfusableWords = (a.ConfusableWords ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            };
            var options = new TrainingOptions
            {
                Schedule = LearningRateSchedule.Parse(a.Steps, a.Rates),
                BatchSize = a.BatchSize,
                DropoutRate = a.Dropout,
                Seed = a.Seed,
                MaxDegreeOfParallelism = a.Threads,
                EvaluateEverySteps = a.EvaluateEvery,
                CheckpointEverySteps = 500,
            };
            string checkpoint = Path.Combine(a.Out.FullName, CheckpointFileName);
            options.CheckpointPath = checkpoint;
            int resumeProblem = CheckResume(a, datasetOptions.WantedWords, console);
            if (resumeProblem != ExitCodes.Ok)
            {
                return resumeProblem;
            }

            Directory.CreateDirectory(a.Out.FullName);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var stop = new StopReport(console, checkpoint);
            using CancellationTokenRegistration onCancel = cancellation.Register(stop.OnCancel);
            TrainingData prepared;
            Trainer trainer;
            string cacheNote;
            try
            {
                console.Out.WriteLine($"Loading {a.Data.FullName} and computing MFCC features ({a.Threads} threads)...");
                var featureProgress = new StageProgress(console.Out);
                FeatureCache cache = a.FeatureCache == null ? null : new FeatureCache(a.FeatureCache.FullName, string.Create(CultureInfo.InvariantCulture, $"core mfcc v{Core.Settings.AssistantSettings.FeatureVersion} floor {a.FeatureFloor:R}"));
                prepared = TrainingData.Prepare(a.Data.FullName, datasetOptions, augmentation, () => new MfccFeatureExtractor(a.FeatureFloor), a.Seed, a.Threads, featureProgress.Report, a.ExtraData.Select(d => d.FullName).ToArray(), cache);
                cacheNote = cache == null ? "no feature cache" : $"feature cache {cache.Directory}: {cache.Hits} set(s) read, {cache.Misses} computed";
                if (a.Resume != null)
                {
                    trainer = Trainer.Resume(a.Resume.FullName, prepared.Training, prepared.Validation, a.Threads, checkpoint);
                }
                else
                {
                    trainer = new Trainer(TinyConvConfig.Default(prepared.Labels.Count), prepared.Labels, options, prepared.Training, prepared.Validation);
                }
            }
            catch (Exception e) when (e is InvalidDataException or WavFormatException or ArgumentException or FormatException)
            {
                console.Error.WriteLine("error: " + e.Message);
                return e is ArgumentException or FormatException ? ExitCodes.UsageOrIo : ExitCodes.InvalidInput;
            }
            catch (IOException e)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageOrIo;
            }

            if (cancellation.IsCancellationRequested)
            {
                // Stopped while computing features (StopReport said so): training does not start.
                return ExitCodes.Interrupted;
            }

            TimeSpan prepareTime = clock.Elapsed;
            if (prepared.Dataset.BackgroundFiles.Count == 0)
            {
                console.Error.WriteLine($"warning: no background recordings in {Path.Combine(a.Data.FullName, SpeechCommandsDataset.BackgroundFolder)}: training clips get no noise and generated silence is digital zero; pass --background <folder>");
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Labels {string.Join(", ", prepared.Labels)}; training clips {prepared.TrainingAudio.Count} ({prepared.Training.Count} examples), validation {prepared.Validation?.Count ?? 0}, testing {prepared.Testing?.Count ?? 0}; features in {prepareTime.TotalSeconds:F1} s ({cacheNote})"));
            console.Out.WriteLine($"Schedule {trainer.Options.Schedule}, batch {trainer.Options.BatchSize}, from step {trainer.Step}");

            long firstStep = trainer.Step;
            var progress = new TrainingDisplay(console, trainer.Options.Schedule.TotalSteps, stop);
            stop.Training = true;
            progress.Run(trainer, cancellation);
            TimeSpan trainTime = clock.Elapsed - prepareTime;
            double examplesPerSecond = (trainer.Step - firstStep) * trainer.Options.BatchSize / Math.Max(1e-9, trainTime.TotalSeconds);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trained to step {trainer.Step} in {trainTime.TotalSeconds:F1} s ({examplesPerSecond:F0} examples/s); total {clock.Elapsed.TotalSeconds:F1} s"));
            console.Out.WriteLine($"Checkpoint: {checkpoint}");
            if (cancellation.IsCancellationRequested)
            {
                console.Out.WriteLine($"Stopped at step {trainer.Step} of {trainer.Options.Schedule.TotalSteps}; the checkpoint {checkpoint} holds step {stop.LastCheckpointStep}.");
                console.Out.WriteLine($"Continue with the same options plus: --resume {checkpoint}");
                return ExitCodes.Interrupted;
            }

            if (prepared.Testing != null)
            {
                EvaluationReport test = trainer.Evaluate(prepared.Testing);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Float accuracy on the test split: {test.Accuracy:P1} of {test.Count} (loss {test.Loss:F3})"));
            }

            return ExitCodes.Ok;
        }

        /// <summary>
        /// Reads a --resume checkpoint before the long feature computation, so a file that is no checkpoint or one
        /// of other --words fails at once.
        /// </summary>
        private static int CheckResume(Arguments a, IReadOnlyList<string> words, CliConsole console)
        {
            if (a.Resume == null)
            {
                return ExitCodes.Ok;
            }

            CheckpointContents contents;
            try
            {
                contents = CheckpointContents.Read(a.Resume.FullName);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException)
            {
                console.Error.WriteLine($"error: '{a.Resume.FullName}' is not a usable checkpoint: {e.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: cannot read '{a.Resume.FullName}': {e.Message}");
                return ExitCodes.UsageOrIo;
            }

            string[] labels = new[] { SpeechCommandsDataset.SilenceLabel, SpeechCommandsDataset.UnknownLabel }.Concat(words).ToArray();
            if (!contents.Labels.SequenceEqual(labels))
            {
                console.Error.WriteLine($"error: checkpoint labels ({string.Join(",", contents.Labels)}) differ from this run's ({string.Join(",", labels)}): pass the same --words");
                return ExitCodes.UsageOrIo;
            }

            return ExitCodes.Ok;
        }

        /// <summary>Prints each stage of the feature computation and every tenth of it (it can take minutes).</summary>
        private sealed class StageProgress
        {
            private readonly TextWriter output;
            private string stage;
            private int tenths = -1;

            public StageProgress(TextWriter output) => this.output = output;

            public void Report(string name, int done, int total)
            {
                // Called from worker threads.
                lock (this)
                {
                    if (name != stage)
                    {
                        stage = name;
                        tenths = -1;
                    }

                    int now = total <= 0 ? 10 : (int)((long)done * 10 / total);
                    if (now > tenths)
                    {
                        tenths = now;
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {done:N0}/{total:N0} ({now * 10}%)"));
                    }
                }
            }
        }

        /// <summary>What Ctrl-C leaves behind: said at once (the process may be ended soon after), and the last checkpoint.</summary>
        private sealed class StopReport
        {
            private readonly CliConsole console;
            private readonly string checkpoint;

            public StopReport(CliConsole console, string checkpoint)
            {
                this.console = console;
                this.checkpoint = checkpoint;
            }

            public bool Training { get; set; }

            public long LastCheckpointStep { get; set; } = -1;

            public void OnCancel()
            {
                console.Error.WriteLine(Training
                    ? $"Stopping after the current step; the checkpoint {checkpoint} will hold it. Continue with the same options plus: --resume {checkpoint}"
                    : LastCheckpointStep < 0 && !File.Exists(checkpoint)
                        ? "Stopped while computing features: nothing was written."
                        : $"Stopped while computing features; {checkpoint} is unchanged. Continue with the same options plus: --resume {checkpoint}");
            }
        }

        /// <summary>Parsed command-line values.</summary>
        internal sealed class Arguments
        {
            public DirectoryInfo Data { get; set; }

            public DirectoryInfo Out { get; set; }

            public string Words { get; set; } = Defaults.Words;

            public string Steps { get; set; } = Defaults.Steps;

            public string Rates { get; set; } = Defaults.Rates;

            public int BatchSize { get; set; } = 100;

            public ulong Seed { get; set; } = 59185;

            public string SplitSalt { get; set; } = string.Empty;

            public int Variants { get; set; } = Defaults.Variants;

            public int UnknownVariants { get; set; } = Defaults.UnknownVariants;

            public double UnknownPercentage { get; set; } = Defaults.UnknownPercentage;

            public double SilencePercentage { get; set; } = Defaults.SilencePercentage;

            public string ConfusableWords { get; set; } = Defaults.ConfusableWords;

            public float Dropout { get; set; } = Defaults.Dropout;

            public int TimeShiftMs { get; set; } = Defaults.TimeShiftMs;

            public double SpeedChange { get; set; } = Defaults.SpeedChange;

            public double GainDb { get; set; } = Defaults.GainDb;

            public float FeatureFloor { get; set; } = MfccFeatureExtractor.DefaultFloor;

            public int Threads { get; set; } = 2;

            public int EvaluateEvery { get; set; } = 1000;

            public FileInfo Resume { get; set; }

            public bool Force { get; set; }

            public DirectoryInfo[] ExtraData { get; set; } = Array.Empty<DirectoryInfo>();

            public DirectoryInfo Background { get; set; }

            public DirectoryInfo FeatureCache { get; set; }

            /// <summary>Returns what is wrong with the arguments, or null.</summary>
            public string Check()
            {
                if (Data == null || !Data.Exists)
                {
                    return $"dataset folder '{Data?.FullName}' not found";
                }

                DirectoryInfo missing = ExtraData.FirstOrDefault(d => !d.Exists);
                if (missing != null)
                {
                    return $"--extra-data folder '{missing.FullName}' not found";
                }

                if (Background != null && !Background.Exists)
                {
                    return $"--background folder '{Background.FullName}' not found";
                }

                if (Out == null)
                {
                    return "--out is required";
                }

                if (File.Exists(Out.FullName))
                {
                    return $"--out '{Out.FullName}' is a file, not a folder";
                }

                if (Resume != null && !Resume.Exists)
                {
                    return $"checkpoint '{Resume.FullName}' not found";
                }

                // A run's checkpoint is hours of work: only its own continuation or --force replaces it.
                string checkpoint = Path.Combine(Out.FullName, CheckpointFileName);
                bool continuing = Resume != null && string.Equals(Path.GetFullPath(Resume.FullName), Path.GetFullPath(checkpoint), StringComparison.Ordinal);
                if (File.Exists(checkpoint) && !continuing && !Force)
                {
                    return $"'{checkpoint}' already exists (an earlier run); continue it with --resume {checkpoint}, choose another --out, or pass --force to overwrite it";
                }

                if (string.IsNullOrWhiteSpace(Words) || Words.Split(',', StringSplitOptions.TrimEntries).Any(w => w.Length == 0 || w.StartsWith('_')))
                {
                    return "--words must be a comma-separated list of words (none empty or starting with '_')";
                }

                return OptionChecks.First(
                    CheckSchedule(),
                    OptionChecks.Within("--batch-size", BatchSize, 1, 100_000),
                    OptionChecks.Within("--variants", Variants, 0, 1000),
                    OptionChecks.Within("--unknown-variants", UnknownVariants, 0, 1000),
                    OptionChecks.AtLeast("--unknown-percentage", UnknownPercentage, 0),
                    OptionChecks.AtLeast("--silence-percentage", SilencePercentage, 0),
                    OptionChecks.Below("--dropout", Dropout, 0, 1),
                    OptionChecks.Within("--time-shift-ms", TimeShiftMs, 0, 500),
                    OptionChecks.Below("--speed-change", SpeedChange, 0, 0.5),
                    OptionChecks.Within("--gain-db", GainDb, 0, 40),
                    float.IsNaN(FeatureFloor) ? "--feature-floor must be a number" : null,
                    OptionChecks.AtLeast("--threads", Threads, 1),
                    OptionChecks.AtLeast("--eval-every", EvaluateEvery, 0));
            }

            /// <summary>--steps and --learning-rates: each item a positive number, one rate per stage.</summary>
            private string CheckSchedule()
            {
                string[] steps = (Steps ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
                string[] rates = (Rates ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
                string badStep = steps.FirstOrDefault(s => !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 1);
                if (badStep != null)
                {
                    return $"--steps: '{badStep}' is not a whole number of steps of at least 1 (give one count per learning-rate stage, e.g. --steps 25000,5000)";
                }

                string badRate = rates.FirstOrDefault(r => !float.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || !(v > 0) || float.IsInfinity(v));
                if (badRate != null)
                {
                    return $"--learning-rates: '{badRate}' is not a positive number (e.g. --learning-rates 0.001,0.0001)";
                }

                if (steps.Length != rates.Length)
                {
                    string which = Rates == Defaults.Rates ? "the default " : string.Empty;
                    return $"--steps gives {steps.Length} stage(s) ({Steps}) but --learning-rates gives {rates.Length} ({which}{Rates}): give one learning rate per stage, e.g. --steps {Steps} --learning-rates {string.Join(",", Enumerable.Repeat("0.001", steps.Length))}";
                }

                return null;
            }
        }

        /// <summary>Renders progress: a Spectre.Console live bar on a terminal, plain lines otherwise (logs, tests).</summary>
        private sealed class TrainingDisplay : ITrainingProgress
        {
            private readonly CliConsole console;
            private readonly long totalSteps;
            private readonly bool interactive;
            private ProgressTask task;
            private float lossAverage = float.NaN;
            private float accuracyAverage = float.NaN;
            private string validation = "-";

            private readonly StopReport stop;

            public TrainingDisplay(CliConsole console, long totalSteps, StopReport stop)
            {
                this.stop = stop;
                this.console = console;
                this.totalSteps = totalSteps;
                interactive = ReferenceEquals(console.Out, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            }

            public void Run(Trainer trainer, CancellationToken cancellation)
            {
                if (!interactive)
                {
                    trainer.Run(this, cancellation);
                    return;
                }

                AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        task = ctx.AddTask("training", maxValue: totalSteps);
                        task.Value = trainer.Step;
                        trainer.Run(this, cancellation);
                    });
            }

            public void OnStep(StepReport report)
            {
                // Exponential moving averages: one batch of 100 is too noisy to read.
                lossAverage = float.IsNaN(lossAverage) ? report.Loss : 0.98f * lossAverage + 0.02f * report.Loss;
                accuracyAverage = float.IsNaN(accuracyAverage) ? report.Accuracy : 0.98f * accuracyAverage + 0.02f * report.Accuracy;
                if (task != null)
                {
                    task.Value = report.Step;
                    task.Description = Markup.Escape(Line(report.Step));
                }
            }

            public void OnEvaluation(EvaluationReport report)
            {
                validation = report.Accuracy.ToString("P1", CultureInfo.InvariantCulture);
                if (task == null)
                {
                    console.Out.WriteLine(Line(report.Step));
                }
            }

            public void OnCheckpoint(long step, string path) => stop.LastCheckpointStep = step;

            private string Line(long step) => string.Create(CultureInfo.InvariantCulture, $"step {step}/{totalSteps} loss {lossAverage:F3} train {accuracyAverage:P1} validation {validation}");
        }
    }
}

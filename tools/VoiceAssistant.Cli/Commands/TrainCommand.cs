using System;
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
            var command = new Command("train", "Train a keyword model (float tinyConv on the firmware's MFCC) and write a checkpoint.");
            foreach (Option o in new Option[] { data, output, words, steps, rates, batch, seed, salt, variants, unknownVariants, unknownShare, silenceShare, confusable, dropout, shift, speed, gain, floor, threads, evalEvery, resume, extra, background, cacheDir, noCache })
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
                    Threads = r.GetValue(threads), EvaluateEvery = r.GetValue(evalEvery), Resume = r.GetValue(resume), ExtraData = r.GetValue(extra) ?? Array.Empty<DirectoryInfo>(),
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
            Directory.CreateDirectory(a.Out.FullName);
            string checkpoint = Path.Combine(a.Out.FullName, CheckpointFileName);
            options.CheckpointPath = checkpoint;

            var clock = System.Diagnostics.Stopwatch.StartNew();
            TrainingData prepared;
            Trainer trainer;
            string cacheNote;
            try
            {
                console.Out.WriteLine($"Loading {a.Data.FullName} and computing MFCC features ({a.Threads} threads)...");
                FeatureCache cache = a.FeatureCache == null ? null : new FeatureCache(a.FeatureCache.FullName, string.Create(CultureInfo.InvariantCulture, $"core mfcc v{Core.Settings.AssistantSettings.FeatureVersion} floor {a.FeatureFloor:R}"));
                prepared = TrainingData.Prepare(a.Data.FullName, datasetOptions, augmentation, () => new MfccFeatureExtractor(a.FeatureFloor), a.Seed, a.Threads, extraTrainingRoots: a.ExtraData.Select(d => d.FullName).ToArray(), cache: cache);
                cacheNote = cache == null ? "no feature cache" : $"feature cache {cache.Directory}: {cache.Hits} set(s) read, {cache.Misses} computed";
                if (a.Resume != null)
                {
                    trainer = Trainer.Resume(a.Resume.FullName, prepared.Training, prepared.Validation, a.Threads, checkpoint);
                    if (!trainer.Labels.SequenceEqual(prepared.Labels))
                    {
                        console.Error.WriteLine($"error: checkpoint labels ({string.Join(",", trainer.Labels)}) differ from this dataset's ({string.Join(",", prepared.Labels)}): pass the same --words");
                        return ExitCodes.UsageOrIo;
                    }
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

            TimeSpan prepareTime = clock.Elapsed;
            if (prepared.Dataset.BackgroundFiles.Count == 0)
            {
                console.Error.WriteLine($"warning: no background recordings in {Path.Combine(a.Data.FullName, SpeechCommandsDataset.BackgroundFolder)}: training clips get no noise and generated silence is digital zero; pass --background <folder>");
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Labels {string.Join(", ", prepared.Labels)}; training clips {prepared.TrainingAudio.Count} ({prepared.Training.Count} examples), validation {prepared.Validation?.Count ?? 0}, testing {prepared.Testing?.Count ?? 0}; features in {prepareTime.TotalSeconds:F1} s ({cacheNote})"));
            console.Out.WriteLine($"Schedule {trainer.Options.Schedule}, batch {trainer.Options.BatchSize}, from step {trainer.Step}");

            long firstStep = trainer.Step;
            var progress = new TrainingDisplay(console, trainer.Options.Schedule.TotalSteps);
            progress.Run(trainer, cancellation);
            TimeSpan trainTime = clock.Elapsed - prepareTime;
            double examplesPerSecond = (trainer.Step - firstStep) * trainer.Options.BatchSize / Math.Max(1e-9, trainTime.TotalSeconds);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trained to step {trainer.Step} in {trainTime.TotalSeconds:F1} s ({examplesPerSecond:F0} examples/s); total {clock.Elapsed.TotalSeconds:F1} s"));
            console.Out.WriteLine($"Checkpoint: {checkpoint}");
            if (prepared.Testing != null)
            {
                EvaluationReport test = trainer.Evaluate(prepared.Testing);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Float accuracy on the test split: {test.Accuracy:P1} of {test.Count} (loss {test.Loss:F3})"));
            }

            if (cancellation.IsCancellationRequested)
            {
                console.Out.WriteLine("Stopped early; continue with --resume " + checkpoint);
            }

            return ExitCodes.Ok;
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

                if (string.IsNullOrWhiteSpace(Words) || Words.Split(',', StringSplitOptions.TrimEntries).Any(w => w.Length == 0 || w.StartsWith('_')))
                {
                    return "--words must be a comma-separated list of words (none empty or starting with '_')";
                }

                try
                {
                    LearningRateSchedule schedule = LearningRateSchedule.Parse(Steps ?? string.Empty, Rates ?? string.Empty);
                    if (schedule.Stages.Any(s => s.Steps < 1 || !(s.Rate > 0)))
                    {
                        return "--steps must be positive and --learning-rates positive";
                    }
                }
                catch (Exception e) when (e is FormatException or ArgumentException)
                {
                    return "--steps/--learning-rates: " + e.Message;
                }

                if (BatchSize < 1 || BatchSize > 100_000)
                {
                    return "--batch-size must be 1..100000";
                }

                if (Variants < 0 || Variants > 1000 || UnknownVariants < 0 || UnknownVariants > 1000)
                {
                    return "--variants and --unknown-variants must be 0..1000";
                }

                if (!(UnknownPercentage >= 0) || !(SilencePercentage >= 0))
                {
                    return "--unknown-percentage and --silence-percentage must not be negative";
                }

                if (!(Dropout >= 0f && Dropout < 1f))
                {
                    return "--dropout must be at least 0 and below 1";
                }

                if (TimeShiftMs < 0 || TimeShiftMs > 500)
                {
                    return "--time-shift-ms must be 0..500";
                }

                if (!(SpeedChange >= 0 && SpeedChange < 0.5) || !(GainDb >= 0 && GainDb <= 40))
                {
                    return "--speed-change must be 0..0.5 (exclusive) and --gain-db 0..40";
                }

                if (float.IsNaN(FeatureFloor))
                {
                    return "--feature-floor must be a number";
                }

                if (Threads < 1 || EvaluateEvery < 0)
                {
                    return "--threads must be at least 1 and --eval-every not negative";
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

            public TrainingDisplay(CliConsole console, long totalSteps)
            {
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

            public void OnCheckpoint(long step, string path)
            {
            }

            private string Line(long step) => string.Create(CultureInfo.InvariantCulture, $"step {step}/{totalSteps} loss {lossAverage:F3} train {accuracyAverage:P1} validation {validation}");
        }
    }
}

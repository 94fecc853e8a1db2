using System;
using System.Collections.Generic;
using System.Linq;
using VoiceAssistant.Data;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// Everything a training run needs from a Speech Commands folder: the scanned dataset, the augmented training
    /// source (audio in memory, features computed per draw) and the cached features of validation and testing.
    /// </summary>
    public sealed class TrainingData
    {
        private TrainingData(SpeechCommandsDataset dataset, AudioExampleSource trainingAudio, IExampleSource training, FeatureSet validation, FeatureSet testing)
        {
            Dataset = dataset;
            TrainingAudio = trainingAudio;
            Training = training;
            Validation = validation;
            Testing = testing;
        }

        /// <summary>The scanned dataset (labels, examples per split).</summary>
        public SpeechCommandsDataset Dataset { get; }

        /// <summary>Training clips as audio, augmented on every read.</summary>
        public AudioExampleSource TrainingAudio { get; }

        /// <summary>
        /// What the trainer draws from: <see cref="TrainingAudio"/> itself (rendered per draw) or, when
        /// <see cref="AugmentationOptions.PrecomputedVariants"/> is positive, that many precomputed renderings per clip.
        /// </summary>
        public IExampleSource Training { get; }

        /// <summary>Validation features (computed once, not augmented), or null when the split is empty.</summary>
        public FeatureSet Validation { get; }

        /// <summary>Testing features (computed once, not augmented), or null when the split is empty.</summary>
        public FeatureSet Testing { get; }

        /// <summary>
        /// Seed of the generated silence of evaluation sets (<see cref="DatasetOptions.Evaluation"/>): fixed, so
        /// <c>train</c>'s validation figures and <c>eval</c> score the same examples whatever the training seed.
        /// </summary>
        public const ulong EvaluationSeed = 59185;

        /// <summary>Label names of the dataset.</summary>
        public IReadOnlyList<string> Labels => Dataset.Labels;

        /// <summary>Scans a dataset folder, loads the audio and caches validation/testing features.</summary>
        /// <param name="root">Dataset folder in the Speech Commands layout.</param>
        /// <param name="datasetOptions">Words, proportions, split (null for defaults).</param>
        /// <param name="augmentation">Augmentation (null for defaults).</param>
        /// <param name="extractorFactory">Creates a feature extractor (one per thread).</param>
        /// <param name="seed">Seed for the generated silence of the cached sets.</param>
        /// <param name="maxDegreeOfParallelism">Threads for loading and feature computation.</param>
        /// <param name="progress">Receives (stage, done, total) while features are computed (from worker threads), or null.</param>
        /// <param name="extraTrainingRoots">
        /// Further folders in the same layout (e.g. synthesised clips) whose clips all go to training, every one of
        /// them (wanted words, other words as unknown, silence clips); never to validation or testing, so those
        /// figures stay on real speakers.
        /// </param>
        /// <param name="cache">Keeps computed feature sets on disk between runs, or null to always compute.</param>
        /// <exception cref="System.IO.InvalidDataException">The folder has no training examples or a wanted word is missing.</exception>
        /// <exception cref="Audio.WavFormatException">A clip cannot be read.</exception>
        public static TrainingData Prepare(string root, DatasetOptions datasetOptions, AugmentationOptions augmentation, Func<IFeatureExtractor> extractorFactory, ulong seed = 59185, int maxDegreeOfParallelism = 2, Action<string, int, int> progress = null, IReadOnlyList<string> extraTrainingRoots = null, FeatureCache cache = null)
        {
            ArgumentNullException.ThrowIfNull(extractorFactory);
            datasetOptions ??= new DatasetOptions();
            SpeechCommandsDataset dataset = SpeechCommandsDataset.Load(root, datasetOptions);
            SpeechCommandsDataset evaluation = SpeechCommandsDataset.Load(root, DatasetOptions.Evaluation(datasetOptions.WantedWords, datasetOptions.SplitSalt, datasetOptions.BackgroundFolder));
            augmentation ??= new AugmentationOptions();
            float[][] backgrounds = AudioExampleSource.LoadBackgrounds(dataset.BackgroundFiles);
            var augmenter = new Augmenter(augmentation, backgrounds);
            var train = new List<DatasetExample>(dataset.Examples(DataSplit.Training));
            foreach (string extra in extraTrainingRoots ?? Array.Empty<string>())
            {
                // Every clip: percentages relative to the folder's own wanted-word clips would drop all of a
                // folder that holds only other words (e.g. synthesised distractors).
                SpeechCommandsDataset more = SpeechCommandsDataset.Load(extra, new DatasetOptions
                {
                    WantedWords = datasetOptions.WantedWords,
                    EveryClip = true,
                    GenerateSilence = false,
                    RequireAllWords = false,
                    ValidationPercentage = 0,
                    TestingPercentage = 0,
                    Seed = datasetOptions.Seed,
                });
                train.AddRange(more.Examples(DataSplit.Training));
            }

            if (train.Count == 0)
            {
                throw new System.IO.InvalidDataException($"dataset '{root}' has no training examples with this split (try another SplitSalt or percentages)");
            }

            progress?.Invoke("reading training clips", 0, train.Count);
            var audio = new AudioExampleSource(train, augmenter, extractorFactory, training: true, maxDegreeOfParallelism);
            progress?.Invoke("reading training clips", train.Count, train.Count);
            IExampleSource training = audio;
            if (augmentation.PrecomputedVariants > 0)
            {
                int unknown = augmentation.UnknownVariants > 0 ? augmentation.UnknownVariants : augmentation.PrecomputedVariants;
                var confusable = new HashSet<string>(augmentation.ConfusableWords ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
                int[] variants = new int[audio.Count];
                for (int i = 0; i < variants.Length; i++)
                {
                    bool rare = audio.LabelOf(i) == SpeechCommandsDataset.UnknownIndex && !confusable.Contains(train[i].Word);
                    variants[i] = rare ? unknown : augmentation.PrecomputedVariants;
                }

                int total = variants.Sum();
                string recipe = $"training variants [{string.Join(",", variants)}] seed {seed} {Describe(augmentation)}";
                training = Cached(cache, recipe, audio, backgrounds, () => AugmentedVariants.Compute(audio, variants, seed, maxDegreeOfParallelism, done => progress?.Invoke("training variants", done, total)));
            }

            return new TrainingData(dataset, audio, training, Evaluate(DataSplit.Validation, "validation features"), Evaluate(DataSplit.Testing, "testing features"));

            FeatureSet Evaluate(DataSplit split, string stage)
            {
                IReadOnlyList<DatasetExample> examples = evaluation.Examples(split);
                if (examples.Count == 0)
                {
                    return null;
                }

                progress?.Invoke(stage, 0, examples.Count);
                var source = new AudioExampleSource(examples, augmenter, extractorFactory, training: false, maxDegreeOfParallelism);
                // Unaugmented renders depend only on the clips, the backgrounds (generated silence) and the seed.
                string recipe = $"evaluation seed {EvaluationSeed} samples {augmentation.ClipSamples}";
                FeatureSet set = Cached(cache, recipe, source, backgrounds, () => FeatureSet.Compute(source, EvaluationSeed, maxDegreeOfParallelism));
                progress?.Invoke(stage, examples.Count, examples.Count);
                return set;
            }
        }

        /// <summary>Every augmentation setting, as text for a cache key.</summary>
        /// <param name="a">Options.</param>
        public static string Describe(AugmentationOptions a)
        {
            ArgumentNullException.ThrowIfNull(a);
            return System.FormattableString.Invariant($"background {a.BackgroundFrequency:R}/{a.BackgroundVolume:R} shift {a.TimeShiftMs} speed {a.SpeedChange:R} gain {a.GainDb:R} samples {a.ClipSamples}");
        }

        private static FeatureSet Cached(FeatureCache cache, string recipe, AudioExampleSource source, float[][] backgrounds, Func<FeatureSet> compute) =>
            cache == null ? compute() : cache.GetOrCompute(cache.Key(recipe, source.Clips, source.Labels, backgrounds), compute);
    }
}

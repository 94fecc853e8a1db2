using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace VoiceAssistant.Data
{
    /// <summary>Partition of a dataset.</summary>
    public enum DataSplit
    {
        /// <summary>Used to fit the weights.</summary>
        Training = 0,

        /// <summary>Used to watch progress during training.</summary>
        Validation = 1,

        /// <summary>Held out for the final figure.</summary>
        Testing = 2,
    }

    /// <summary>Where an example's audio comes from.</summary>
    public enum ExampleKind
    {
        /// <summary>A clip of a wanted word.</summary>
        Word,

        /// <summary>A clip of another word, labelled unknown.</summary>
        Unknown,

        /// <summary>A clip from the <c>_silence_</c> folder.</summary>
        SilenceClip,

        /// <summary>No clip: zeros plus background noise at a random volume (TensorFlow's silence examples).</summary>
        GeneratedSilence,
    }

    /// <summary>One labelled example of a dataset.</summary>
    /// <param name="Path">WAV file, or null for <see cref="ExampleKind.GeneratedSilence"/>.</param>
    /// <param name="Word">Folder name (the spoken word), "_silence_" for silence.</param>
    /// <param name="Speaker">Speaker id, or null when the file name has none.</param>
    /// <param name="Label">Index into <see cref="SpeechCommandsDataset.Labels"/>.</param>
    /// <param name="Split">Partition.</param>
    /// <param name="Kind">Where the audio comes from.</param>
    public sealed record DatasetExample(string Path, string Word, string Speaker, int Label, DataSplit Split, ExampleKind Kind);

    /// <summary>How a Speech Commands folder is turned into labelled examples (TensorFlow speech_commands defaults).</summary>
    public sealed class DatasetOptions
    {
        /// <summary>Words to recognise, in label order after silence and unknown. Default yes, no.</summary>
        public IReadOnlyList<string> WantedWords { get; set; } = new[] { "yes", "no" };

        /// <summary>Silence examples per split, as a percentage of the wanted-word examples of that split (default 10).</summary>
        public double SilencePercentage { get; set; } = 10;

        /// <summary>Unknown-word examples per split, as a percentage of the wanted-word examples (default 10).</summary>
        public double UnknownPercentage { get; set; } = 10;

        /// <summary>
        /// Whether silence beyond the <c>_silence_</c> clips of a split is generated from background noise (default
        /// true, as TensorFlow). False caps silence at the clips there are, e.g. to evaluate on every clip of a split.
        /// </summary>
        public bool GenerateSilence { get; set; } = true;

        /// <summary>Whether every wanted word must have clips (default true; false for supplementary folders).</summary>
        public bool RequireAllWords { get; set; } = true;

        /// <summary>Share of speakers in validation (default 10).</summary>
        public double ValidationPercentage { get; set; } = 10;

        /// <summary>Share of speakers in testing (default 10).</summary>
        public double TestingPercentage { get; set; } = 10;

        /// <summary>
        /// Text prefixed to every hashed name before SHA-1. Empty (default) reproduces TensorFlow's split exactly; any
        /// other value gives a different, equally stable speaker-disjoint partition (e.g. for a corpus that is itself
        /// TensorFlow's test split, where the default puts every clip in testing).
        /// </summary>
        public string SplitSalt { get; set; } = string.Empty;

        /// <summary>Seed for choosing unknown and silence examples (TensorFlow's default random_seed).</summary>
        public ulong Seed { get; set; } = 59185;

        /// <summary>
        /// Every word, unknown-word and <c>_silence_</c> clip of each split exactly once, whatever the percentages
        /// (evaluation). Silence is then generated (when <see cref="GenerateSilence"/>) only for a dataset without
        /// any <c>_silence_</c> clip, at <see cref="SilencePercentage"/> of each split's wanted-word clips, so a
        /// dataset that has its own silence clips is evaluated on exactly its files.
        /// </summary>
        public bool EveryClip { get; set; }

        /// <summary>
        /// Folder of the long background recordings (mixed into training clips, source of generated silence);
        /// null for the dataset's own <c>_background_noise_/</c>.
        /// </summary>
        public string BackgroundFolder { get; set; }

        /// <summary>
        /// The evaluation set of a model (the same for <c>train</c>'s validation/testing figures and for <c>eval</c>):
        /// every clip of each split, plus TensorFlow's 10 % of generated silence where the dataset has no silence clips.
        /// </summary>
        /// <param name="wantedWords">The model's words.</param>
        /// <param name="splitSalt">Split salt of the training run.</param>
        /// <param name="backgroundFolder">Background folder (null for the dataset's own).</param>
        public static DatasetOptions Evaluation(IReadOnlyList<string> wantedWords, string splitSalt, string backgroundFolder) => new DatasetOptions
        {
            WantedWords = wantedWords,
            SplitSalt = splitSalt ?? string.Empty,
            EveryClip = true,
            GenerateSilence = true,
            SilencePercentage = 10,
            BackgroundFolder = backgroundFolder,
        };
    }

    /// <summary>
    /// A dataset in the Speech Commands layout: <c>&lt;word&gt;/&lt;speaker&gt;_nohash_&lt;n&gt;.wav</c>, plus
    /// <c>_background_noise_/</c> (long noise recordings for augmentation) and <c>_silence_/</c> (1 s noise clips).
    /// Labels are <c>_silence_</c>, <c>_unknown_</c>, then the wanted words.
    /// </summary>
    /// <remarks>
    /// The split is TensorFlow's <c>which_set</c>: SHA-1 of the file name with everything from <c>_nohash_</c> on
    /// removed (the speaker id), taken modulo 2^27 and scaled to a percentage, so all clips of a speaker land in the
    /// same split and adding files never moves existing ones. <c>_silence_</c> clips have no speaker and are split by
    /// their whole file name the same way. Per split, silence takes <c>_silence_</c> clips first (in a seeded
    /// shuffle) and generates the rest; unknown takes a seeded shuffle's first examples of all other words.
    /// </remarks>
    public sealed class SpeechCommandsDataset
    {
        /// <summary>Label of silence (index 0).</summary>
        public const string SilenceLabel = "_silence_";

        /// <summary>Index of <see cref="SilenceLabel"/>.</summary>
        public const int SilenceIndex = 0;

        /// <summary>Index of <see cref="UnknownLabel"/>.</summary>
        public const int UnknownIndex = 1;

        /// <summary>Label of other words (index 1).</summary>
        public const string UnknownLabel = "_unknown_";

        /// <summary>Folder of long background-noise recordings.</summary>
        public const string BackgroundFolder = "_background_noise_";

        /// <summary>Folder of 1 s silence/noise clips.</summary>
        public const string SilenceFolder = "_silence_";

        /// <summary>TensorFlow's MAX_NUM_WAVS_PER_CLASS (2^27 − 1), the hash modulus minus one.</summary>
        public const long MaxWavsPerClass = (1L << 27) - 1;

        private static readonly EnumerationOptions WavFiles = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive };

        private static readonly Regex NoHash = new Regex("_nohash_.*$", RegexOptions.CultureInvariant);

        private readonly DatasetExample[][] splits;

        private SpeechCommandsDataset(string root, IReadOnlyList<string> labels, IReadOnlyList<string> backgroundFiles, DatasetExample[][] splits)
        {
            Root = root;
            Labels = labels;
            BackgroundFiles = backgroundFiles;
            this.splits = splits;
        }

        /// <summary>The dataset folder.</summary>
        public string Root { get; }

        /// <summary>Label names: silence, unknown, then the wanted words.</summary>
        public IReadOnlyList<string> Labels { get; }

        /// <summary>WAV files in <c>_background_noise_/</c>, sorted.</summary>
        public IReadOnlyList<string> BackgroundFiles { get; }

        /// <summary>The examples of a split, in a seeded shuffled order.</summary>
        /// <param name="split">The split.</param>
        public IReadOnlyList<DatasetExample> Examples(DataSplit split) => splits[(int)split];

        /// <summary>Scans a dataset folder.</summary>
        /// <param name="root">Folder holding one sub-folder per word.</param>
        /// <param name="options">Options (null for defaults).</param>
        /// <exception cref="InvalidDataException">The folder or a wanted word's folder is missing or empty.</exception>
        public static SpeechCommandsDataset Load(string root, DatasetOptions options = null)
        {
            options ??= new DatasetOptions();
            if (!Directory.Exists(root))
            {
                throw new InvalidDataException($"dataset folder '{root}' does not exist");
            }

            string[] wanted = options.WantedWords.Select(w => w.ToLowerInvariant()).ToArray();
            if (wanted.Length == 0 || wanted.Distinct().Count() != wanted.Length || wanted.Any(w => w.StartsWith('_')))
            {
                throw new ArgumentException("wanted words must be non-empty, distinct and not start with '_'", nameof(options));
            }

            var labels = new List<string> { SilenceLabel, UnknownLabel };
            labels.AddRange(wanted);
            var wantedIndex = wanted.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i + 2);

            var words = new List<DatasetExample>[3];
            var unknown = new List<DatasetExample>[3];
            var silence = new List<DatasetExample>[3];
            for (int s = 0; s < 3; s++)
            {
                words[s] = new List<DatasetExample>();
                unknown[s] = new List<DatasetExample>();
                silence[s] = new List<DatasetExample>();
            }

            var seenWanted = new HashSet<string>();
            foreach (string dir in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
            {
                string word = Path.GetFileName(dir).ToLowerInvariant();
                if (word == BackgroundFolder || (word.StartsWith('_') && word != SilenceFolder))
                {
                    continue;
                }

                foreach (string file in Directory.GetFiles(dir, "*.wav", WavFiles).OrderBy(f => f, StringComparer.Ordinal))
                {
                    string name = Path.GetFileName(file);
                    if (name.StartsWith('.'))
                    {
                        // Hidden files, e.g. macOS "._clip.wav" resource forks copied along with the clips.
                        continue;
                    }

                    DataSplit split = WhichSet(name, options.ValidationPercentage, options.TestingPercentage, options.SplitSalt);
                    if (word == SilenceFolder)
                    {
                        silence[(int)split].Add(new DatasetExample(file, SilenceLabel, null, 0, split, ExampleKind.SilenceClip));
                    }
                    else if (wantedIndex.TryGetValue(word, out int label))
                    {
                        seenWanted.Add(word);
                        words[(int)split].Add(new DatasetExample(file, word, SpeakerOf(name), label, split, ExampleKind.Word));
                    }
                    else
                    {
                        unknown[(int)split].Add(new DatasetExample(file, word, SpeakerOf(name), 1, split, ExampleKind.Unknown));
                    }
                }
            }

            string[] missing = wanted.Where(w => !seenWanted.Contains(w)).ToArray();
            if (missing.Length > 0 && options.RequireAllWords)
            {
                throw new InvalidDataException($"dataset '{root}' has no .wav files for: {string.Join(", ", missing)}");
            }

            string backgroundDir = options.BackgroundFolder ?? Path.Combine(root, BackgroundFolder);
            if (options.BackgroundFolder != null && !Directory.Exists(backgroundDir))
            {
                throw new InvalidDataException($"background folder '{backgroundDir}' does not exist");
            }

            string[] backgrounds = Directory.Exists(backgroundDir)
                ? Directory.GetFiles(backgroundDir, "*.wav", WavFiles).OrderBy(f => f, StringComparer.Ordinal).ToArray()
                : Array.Empty<string>();

            var result = new DatasetExample[3][];
            for (int s = 0; s < 3; s++)
            {
                var split = (DataSplit)s;
                var rng = Rng.Derive(options.Seed, 1, s);
                var examples = new List<DatasetExample>(words[s]);
                int silenceCount = (int)Math.Ceiling(words[s].Count * options.SilencePercentage / 100.0);
                int unknownCount = options.EveryClip ? unknown[s].Count : (int)Math.Ceiling(words[s].Count * options.UnknownPercentage / 100.0);
                bool generate = options.GenerateSilence && (!options.EveryClip || silence.All(l => l.Count == 0));

                rng.Shuffle(silence[s]);
                examples.AddRange(options.EveryClip ? silence[s] : silence[s].Take(silenceCount));
                for (int i = options.EveryClip ? 0 : silence[s].Count; generate && i < silenceCount; i++)
                {
                    examples.Add(new DatasetExample(null, SilenceLabel, null, 0, split, ExampleKind.GeneratedSilence));
                }

                rng.Shuffle(unknown[s]);
                examples.AddRange(unknown[s].Take(unknownCount));
                rng.Shuffle(examples);
                result[s] = examples.ToArray();
            }

            return new SpeechCommandsDataset(Path.GetFullPath(root), labels, backgrounds, result);
        }

        /// <summary>
        /// TensorFlow's which_set: the split of a file from its name alone (speaker part only, for files named
        /// <c>&lt;speaker&gt;_nohash_&lt;n&gt;.wav</c>).
        /// </summary>
        /// <param name="fileName">File name (a path is reduced to its name).</param>
        /// <param name="validationPercentage">Validation share in percent.</param>
        /// <param name="testingPercentage">Testing share in percent.</param>
        /// <param name="salt">Prefix of the hashed name (empty for TensorFlow's split).</param>
        public static DataSplit WhichSet(string fileName, double validationPercentage, double testingPercentage, string salt = "")
        {
            double percentage = HashPercentage(fileName, salt);
            if (percentage < validationPercentage)
            {
                return DataSplit.Validation;
            }

            return percentage < testingPercentage + validationPercentage ? DataSplit.Testing : DataSplit.Training;
        }

        /// <summary>The percentage (0..100) which_set compares: SHA-1 of the hashed name, mod 2^27, × 100 / (2^27 − 1).</summary>
        /// <param name="fileName">File name (a path is reduced to its name).</param>
        /// <param name="salt">Prefix of the hashed name (empty for TensorFlow's split).</param>
        public static double HashPercentage(string fileName, string salt = "")
        {
            ArgumentNullException.ThrowIfNull(fileName);
            string hashName = (salt ?? string.Empty) + NoHash.Replace(Path.GetFileName(fileName), string.Empty);
            byte[] sha = SHA1.HashData(Encoding.UTF8.GetBytes(hashName));

            // The digest as a big-endian integer mod 2^27 is its last 27 bits.
            long low = ((long)(sha[16] & 0x07) << 24) | ((long)sha[17] << 16) | ((long)sha[18] << 8) | sha[19];
            return low * (100.0 / MaxWavsPerClass);
        }

        /// <summary>Speaker id of a Speech Commands file name (the part before <c>_nohash_</c>), or null if it has none.</summary>
        /// <param name="fileName">File name.</param>
        public static string SpeakerOf(string fileName)
        {
            string name = Path.GetFileName(fileName);
            int at = name.IndexOf("_nohash_", StringComparison.Ordinal);
            return at > 0 ? name[..at] : null;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.Data;
using Xunit;

namespace VoiceAssistant.Training.Tests
{
    /// <summary>
    /// TensorFlow's protocol on the shared data: training/validation of speech_commands_extra by its which_set
    /// column, test = every clip of speech_commands by folder; the evaluation set, short clips and the feature cache.
    /// </summary>
    public sealed class ProtocolTests : IDisposable
    {
        private static readonly string[] YesNo = { "yes", "no" };

        private readonly string root = Path.Combine(Path.GetTempPath(), "protocol-" + Guid.NewGuid().ToString("N"));

        public ProtocolTests() => Directory.CreateDirectory(root);

        public void Dispose() => Directory.Delete(root, recursive: true);

        [Fact]
        public void ExtraClipsSplitByTheirWhichSetColumn()
        {
            string extra = TestSupport.SharedData.Require("data/speech_commands_extra");
            string[] rows = File.ReadAllLines(Path.Combine(extra, "manifest.csv"));
            string[] header = rows[0].Split(',');
            int pathColumn = Array.IndexOf(header, "path"), setColumn = Array.IndexOf(header, "which_set");
            var expected = rows.Skip(1).Select(r => r.Split(',')).ToDictionary(c => c[pathColumn], c => c[setColumn]);
            Assert.Equal(7032, expected.Count);

            // The dataset's split (TF's hash, no salt) against the manifest's own column, clip by clip.
            var dataset = SpeechCommandsDataset.Load(extra, DatasetOptions.Evaluation(YesNo, string.Empty, TestSupport.SharedData.Require("data/speech_commands/_background_noise_")));
            var seen = new Dictionary<string, string>();
            foreach (DataSplit split in Enum.GetValues<DataSplit>())
            {
                foreach (DatasetExample e in dataset.Examples(split).Where(e => e.Path != null))
                {
                    seen[Path.GetRelativePath(extra, e.Path).Replace('\\', '/')] = split == DataSplit.Training ? "training" : split == DataSplit.Validation ? "validation" : "testing";
                }
            }

            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), seen.OrderBy(p => p.Key, StringComparer.Ordinal));

            // No silence folder there: validation gets TF's 10 % of generated silence from the given background.
            var validation = dataset.Examples(DataSplit.Validation);
            int words = validation.Count(e => e.Kind == ExampleKind.Word);
            Assert.Equal(271 + 273, words);
            Assert.Equal((int)Math.Ceiling(words * 0.1), validation.Count(e => e.Kind == ExampleKind.GeneratedSilence));
            Assert.Equal(6, dataset.BackgroundFiles.Count);
        }

        [Fact]
        public void TestSetIsEveryClipOfSpeechCommandsByFolder()
        {
            string dir = TestSupport.SharedData.Require("data/speech_commands");
            var perFolder = File.ReadAllLines(Path.Combine(dir, "manifest.csv")).Skip(1)
                .Select(r => r.Split(',')[0].Split('/')[0])
                .Where(f => f != "_background_noise_")
                .GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(3007, perFolder.Values.Sum());

            var dataset = SpeechCommandsDataset.Load(dir, DatasetOptions.Evaluation(YesNo, string.Empty, null));
            DatasetExample[] all = Enum.GetValues<DataSplit>().SelectMany(dataset.Examples).ToArray();
            Assert.Equal(perFolder.OrderBy(p => p.Key, StringComparer.Ordinal), all.GroupBy(e => Path.GetFileName(Path.GetDirectoryName(e.Path))).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(3007, all.Select(e => e.Path).Distinct().Count());
            Assert.DoesNotContain(all, e => e.Kind == ExampleKind.GeneratedSilence);

            // The golden README's class counts of the same clips: silence 286, unknown 2,144, yes 293, no 284.
            Assert.Equal(new[] { 286, 2144, 293, 284 }, Enumerable.Range(0, 4).Select(l => all.Count(e => e.Label == l)));

            // The hash puts some _silence_ clips into training/validation: they still belong to the set.
            Assert.True(dataset.Examples(DataSplit.Training).Count(e => e.Kind == ExampleKind.SilenceClip) > 0);
        }

        [Fact]
        public void ShortClipsAreZeroPaddedToOneSecond()
        {
            var rng = new Random(5);
            short[] half = Enumerable.Range(0, 7000).Select(_ => (short)rng.Next(-8000, 8000)).ToArray();
            WavWriter.WriteMono16(Path.Combine(Dir("short", "yes"), "aaaaaaaa_nohash_0.wav"), half);
            WavWriter.WriteMono16(Path.Combine(Dir("padded", "yes"), "aaaaaaaa_nohash_0.wav"), half.Concat(new short[16000 - half.Length]).ToArray());
            float[] Features(string data)
            {
                var d = SpeechCommandsDataset.Load(data, new DatasetOptions { WantedWords = new[] { "yes" }, EveryClip = true, ValidationPercentage = 0, TestingPercentage = 0 });
                var source = new AudioExampleSource(d.Examples(DataSplit.Training), new Augmenter(new AugmentationOptions(), Array.Empty<float[]>()), () => new MfccFeatureExtractor(), training: false);
                return FeatureSet.Compute(source, 1).FeaturesOf(0);
            }

            Assert.Equal(Features(Path.Combine(root, "padded")), Features(Path.Combine(root, "short")));
        }

        [Fact]
        public void FeatureCacheSkipsASecondRunAndNoticesEveryChange()
        {
            string data = Path.Combine(root, "data");
            for (int s = 0; s < 12; s++)
            {
                string speaker = (s * 2654435761u).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
                WavWriter.WriteMono16(Path.Combine(Dir("data", "yes"), $"{speaker}_nohash_0.wav"), Tone(300 + (20 * s)));
                WavWriter.WriteMono16(Path.Combine(Dir("data", "no"), $"{speaker}_nohash_0.wav"), Tone(1500 + (20 * s)));
            }

            WavWriter.WriteMono16(Path.Combine(Dir("data", "_background_noise_"), "noise.wav"), Tone(50, 32000));
            var options = new DatasetOptions { SplitSalt = "x" };
            var augmentation = new AugmentationOptions { PrecomputedVariants = 3, SpeedChange = 0.1 };
            var cache = new FeatureCache(Path.Combine(root, "cache"), "stand-in v1");
            TrainingData Prepare(AugmentationOptions a, FeatureCache c) => TrainingData.Prepare(data, options, a, () => new StandInFeatures(), seed: 7, cache: c);

            TrainingData first = Prepare(augmentation, cache);
            int computed = cache.Misses;
            Assert.True(computed >= 2, "training and validation sets are computed on the first run");
            Assert.Equal(0, cache.Hits);

            TrainingData second = Prepare(augmentation, cache);
            Assert.Equal(computed, cache.Misses);
            Assert.Equal(computed, cache.Hits);
            TrainingData uncached = Prepare(augmentation, null);
            for (int i = 0; i < uncached.Training.Count; i++)
            {
                var set = (FeatureSet)second.Training;
                Assert.Equal(((FeatureSet)uncached.Training).FeaturesOf(i), set.FeaturesOf(i));
                Assert.Equal(((FeatureSet)uncached.Training).LabelOf(i), set.LabelOf(i));
            }

            // Another augmentation setting, another clip content or another extractor: computed again.
            Prepare(new AugmentationOptions { PrecomputedVariants = 3, SpeedChange = 0.2 }, cache);
            Assert.Equal(computed + 1, cache.Misses);
            string someClip = Directory.GetFiles(Path.Combine(data, "yes"))[0];
            WavWriter.WriteMono16(someClip, Tone(999));
            Prepare(augmentation, cache);
            Assert.True(cache.Misses >= computed + 2);
            var other = new FeatureCache(cache.Directory, "stand-in v2");
            Prepare(augmentation, other);
            Assert.Equal(0, other.Hits);

            // A damaged file is recomputed, not trusted.
            foreach (string f in Directory.GetFiles(cache.Directory))
            {
                File.WriteAllBytes(f, new byte[] { 1, 2, 3 });
            }

            var again = new FeatureCache(cache.Directory, "stand-in v1");
            Prepare(augmentation, again);
            Assert.Equal(0, again.Hits);
            Assert.NotNull(first.Validation);
        }

        [Fact]
        public void BackgroundsAreLoadedAtFullScalePeak()
        {
            WavWriter.WriteMono16(Path.Combine(Dir("noise"), "quiet.wav"), new short[] { 0, 164, -328, 82 });
            float[] loaded = AudioExampleSource.LoadBackgrounds(new[] { Path.Combine(root, "noise", "quiet.wav") }).Single();
            float[] expected = { 0f, 0.5f, -1f, 0.25f };
            Assert.Equal(expected.Length, loaded.Length);
            Assert.All(expected.Zip(loaded), p => Assert.Equal(p.First, p.Second, 6));
            Assert.Equal(new float[3], AudioExampleSource.PeakNormalized(new float[3]));
        }

        [Fact]
        public void ExtraFoldersOfOtherWordsOnlyAddEveryClip()
        {
            string data = Dir("main");
            for (int s = 0; s < 10; s++)
            {
                WavWriter.WriteMono16(Path.Combine(Dir("main", "yes"), $"{s:x8}_nohash_0.wav"), Tone(300 + s));
                WavWriter.WriteMono16(Path.Combine(Dir("main", "no"), $"{s:x8}_nohash_0.wav"), Tone(900 + s));
            }

            // Synthesised distractors only: no wanted word, so no percentage of wanted words can select them.
            string extra = Dir("synth");
            for (int s = 0; s < 7; s++)
            {
                WavWriter.WriteMono16(Path.Combine(Dir("synth", "off"), $"synth-{s}_nohash_0.wav"), Tone(2000 + s));
            }

            var options = new DatasetOptions { SplitSalt = "x", UnknownPercentage = 1e6 };
            int without = TrainingData.Prepare(data, options, null, () => new StandInFeatures()).TrainingAudio.Count;
            TrainingData with = TrainingData.Prepare(data, options, null, () => new StandInFeatures(), extraTrainingRoots: new[] { extra });
            Assert.Equal(without + 7, with.TrainingAudio.Count);
        }

        private static short[] Tone(double hz, int samples = 16000) =>
            Enumerable.Range(0, samples).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * hz * i / 16000))).ToArray();

        private string Dir(params string[] parts)
        {
            string d = Path.Combine(new[] { root }.Concat(parts).ToArray());
            Directory.CreateDirectory(d);
            return d;
        }
    }
}

using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Data;
using Xunit;

namespace VoiceAssistant.Training.Tests
{
    public sealed class AugmentedVariantsTests : IDisposable
    {
        private readonly string root = Path.Combine(Path.GetTempPath(), "variants-" + Guid.NewGuid().ToString("N"));

        public AugmentedVariantsTests() => Directory.CreateDirectory(root);

        public void Dispose() => Directory.Delete(root, recursive: true);

        private static void WriteTone(string path, double hz, double seconds = 1)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            int n = (int)(16000 * seconds);
            WavWriter.WriteMono16(path, Enumerable.Range(0, n).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * hz * i / 16000))).ToArray());
        }

        private void BuildDataset()
        {
            for (int s = 0; s < 30; s++)
            {
                string speaker = (s * 2654435761u).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
                WriteTone(Path.Combine(root, "yes", $"{speaker}_nohash_0.wav"), 300 + s);
                WriteTone(Path.Combine(root, "no", $"{speaker}_nohash_0.wav"), 1200 + s);
                WriteTone(Path.Combine(root, "cat", $"{speaker}_nohash_0.wav"), 2500 + s);
                WriteTone(Path.Combine(root, "dog", $"{speaker}_nohash_0.wav"), 3100 + s);
            }

            WriteTone(Path.Combine(root, "_background_noise_", "hum.wav"), 60, seconds: 3);
        }

        [Fact]
        public void MfccExtractorIsTheCoreMfccOfTheWholeClip()
        {
            // A clip's 49 rows must be the core's per-frame MFCC at hops of 320 samples: checked frame by frame
            // through the streaming entry point (ComputeFrame), not the batch path the extractor wraps.
            var rng = new Rng(3);
            short[] clip = Enumerable.Range(0, 16000).Select(_ => (short)rng.NextIntInclusive(-20000, 20000)).ToArray();
            var extractor = new MfccFeatureExtractor();
            var features = new float[extractor.Rows * extractor.Columns];
            extractor.Compute(clip, features);
            Assert.Equal(49, extractor.Rows);
            Assert.Equal(40, extractor.Columns);
            var mfcc = new Mfcc();
            var row = new float[40];
            for (int r = 0; r < 49; r++)
            {
                mfcc.ComputeFrame(clip, r * 320, row, 0);
                Assert.Equal(row, features.AsSpan(r * 40, 40).ToArray());
            }

            Assert.Throws<ArgumentException>(() => extractor.Compute(new short[8000], features));
        }

        [Fact]
        public void VariantsAreDeterministicPerExampleAndIndependentOfThreads()
        {
            BuildDataset();
            var dataset = SpeechCommandsDataset.Load(root, new DatasetOptions { UnknownPercentage = 1e6 });
            var augmenter = new Augmenter(new AugmentationOptions(), AudioExampleSource.LoadBackgrounds(dataset.BackgroundFiles));
            var audio = new AudioExampleSource(dataset.Examples(DataSplit.Training), augmenter, () => new MfccFeatureExtractor(), training: true);
            int[] counts = Enumerable.Range(0, audio.Count).Select(i => audio.LabelOf(i) == SpeechCommandsDataset.UnknownIndex ? 1 : 3).ToArray();
            FeatureSet one = AugmentedVariants.Compute(audio, counts, 7, maxDegreeOfParallelism: 1);
            FeatureSet two = AugmentedVariants.Compute(audio, counts, 7, maxDegreeOfParallelism: 2);
            Assert.Equal(counts.Sum(), one.Count);
            var reader = audio.CreateReader();
            var expected = new float[audio.FeatureLength];
            for (int e = 0, at = 0; e < audio.Count; e++)
            {
                for (int k = 0; k < counts[e]; k++, at++)
                {
                    Assert.Equal(audio.LabelOf(e), one.LabelOf(at));
                    Assert.Equal(one.FeaturesOf(at), two.FeaturesOf(at));
                    Assert.Equal(audio.LabelOf(e), reader.Read(e, Rng.Derive(7, 4, at), expected));
                    Assert.Equal(expected, one.FeaturesOf(at));
                }

                // Variants of one clip differ (random shift and background).
                if (counts[e] > 1)
                {
                    Assert.NotEqual(one.FeaturesOf(at - 1), one.FeaturesOf(at - 2));
                }
            }
        }

        [Fact]
        public void PrepareUsesFewerVariantsPerUnknownClip()
        {
            BuildDataset();
            var augmentation = new AugmentationOptions { PrecomputedVariants = 4, UnknownVariants = 1 };
            var data = TrainingData.Prepare(root, new DatasetOptions { UnknownPercentage = 1e6 }, augmentation, () => new MfccFeatureExtractor());
            int unknownClips = Enumerable.Range(0, data.TrainingAudio.Count).Count(i => data.TrainingAudio.LabelOf(i) == SpeechCommandsDataset.UnknownIndex);
            Assert.True(unknownClips > 0);
            Assert.Equal((4 * (data.TrainingAudio.Count - unknownClips)) + unknownClips, data.Training.Count);
        }

        [Fact]
        public void ConfusableUnknownWordsGetAsManyVariantsAsTheWantedWords()
        {
            BuildDataset();
            var augmentation = new AugmentationOptions { PrecomputedVariants = 4, UnknownVariants = 1, ConfusableWords = new[] { "CAT" } };
            var data = TrainingData.Prepare(root, new DatasetOptions { UnknownPercentage = 1e6 }, augmentation, () => new MfccFeatureExtractor());
            var words = data.Dataset.Examples(DataSplit.Training).Select(e => e.Word).ToArray();
            int dogs = words.Count(w => w == "dog"), cats = words.Count(w => w == "cat");
            Assert.True(dogs > 0 && cats > 0);
            Assert.Equal((4 * (words.Length - dogs)) + dogs, data.Training.Count);
        }

        [Fact]
        public void WithoutGeneratedSilenceEveryClipOfTheSplitIsUsedOnce()
        {
            BuildDataset();
            for (int i = 0; i < 3; i++)
            {
                WriteTone(Path.Combine(root, "_silence_", $"s{i}.wav"), 50);
            }

            var all = SpeechCommandsDataset.Load(root, new DatasetOptions { UnknownPercentage = 1e6, SilencePercentage = 1e6, GenerateSilence = false });
            var examples = Enum.GetValues<DataSplit>().SelectMany(s => all.Examples(s)).ToArray();
            Assert.Equal(30 * 4 + 3, examples.Length);
            Assert.DoesNotContain(examples, e => e.Kind == ExampleKind.GeneratedSilence);
            Assert.Equal(examples.Length, examples.Select(e => e.Path).Distinct().Count());
        }
    }
}

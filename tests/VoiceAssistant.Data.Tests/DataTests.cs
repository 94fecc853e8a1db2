using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.Data;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Data.Tests
{
    public sealed class DataTests : IDisposable
    {
        private readonly string dir = Path.Combine(Path.GetTempPath(), "va-data-" + Guid.NewGuid().ToString("N"));

        public DataTests() => Directory.CreateDirectory(dir);

        public void Dispose() => Directory.Delete(dir, true);

        [Fact]
        public void WavWriterOutputReadsBackAndMatchesTheSharedClipFormat()
        {
            // The shared clips are canonical 44-byte-header 16 kHz mono PCM: our encoder must produce the same bytes.
            string shared = SharedData.Require("data/tflm_testdata/yes_1000ms.wav");
            short[] samples = AudioLibraryWavIo.Instance.ReadMono16k(shared);
            Assert.Equal(16000, samples.Length);
            Assert.Equal(File.ReadAllBytes(shared), WavWriter.ToBytes(samples, 16000));
            string path = Path.Combine(dir, "a.wav");
            AudioLibraryWavIo.Instance.WriteMono16k(path, samples);
            Assert.Equal(samples, AudioLibraryWavIo.Instance.ReadMono16k(path));
        }

        [Fact]
        public void WavReaderSkipsChunksAfterTheDataOfTheNoiseFiles()
        {
            string noise = SharedData.Require("data/speech_commands/_background_noise_/doing_the_dishes.wav");
            short[] samples = AudioLibraryWavIo.Instance.ReadMono16k(noise);
            // soxi: 16 kHz mono 16-bit; data chunk size / 2 samples, followed by LIST and id3 chunks.
            byte[] b = File.ReadAllBytes(noise);
            int dataAt = IndexOf(b, "data"u8.ToArray());
            Assert.Equal(BitConverter.ToInt32(b, dataAt + 4) / 2, samples.Length);
            Assert.InRange(samples.Length / 16000.0, 60, 100);
            Assert.Equal(BitConverter.ToInt16(b, dataAt + 8 + 2 * 1234), samples[1234]);
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 12; i + needle.Length <= haystack.Length; i++)
            {
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
                {
                    return i;
                }
            }

            return -1;
        }

        [Fact]
        public void WavSeamResamplesOtherRatesAndExplainsWhatItCannotRead()
        {
            string path = Path.Combine(dir, "b.wav");
            File.WriteAllBytes(path, WavWriter.ToBytes(new short[4410], 44100));
            Assert.Equal(1600, AudioLibraryWavIo.Instance.ReadMono16k(path).Length); // 0.1 s at 16 kHz
            File.WriteAllText(path, "hello");
            var e = Assert.Throws<InvalidDataException>(() => AudioLibraryWavIo.Instance.ReadMono16k(path));
            Assert.Contains("b.wav", e.Message);
        }

        [Fact]
        public void LayoutNamesAndNumbering()
        {
            Assert.Equal(Path.Combine("r", "yes", "synth-en+f3-p40-s150_nohash_2.wav"), SpeechCommandsLayout.ClipPath("r", "yes", "synth-en+f3-p40-s150", 2));
            Assert.Throws<ArgumentException>(() => SpeechCommandsLayout.ClipPath("r", "yes", "bad_speaker", 0));
            Assert.Throws<ArgumentException>(() => SpeechCommandsLayout.ClipPath("r", "../x", "s", 0));
            Assert.Throws<ArgumentException>(() => SpeechCommandsLayout.ClipPath("r", "two words", "s", 0));
            Assert.Equal(0, SpeechCommandsLayout.NextIndex(dir, "yes", "me"));
            Directory.CreateDirectory(Path.Combine(dir, "yes"));
            File.WriteAllText(Path.Combine(dir, "yes", "me_nohash_4.wav"), "");
            File.WriteAllText(Path.Combine(dir, "yes", "meme_nohash_9.wav"), "");
            Assert.Equal(5, SpeechCommandsLayout.NextIndex(dir, "yes", "me"));
        }

        /// <summary>Ten 300 ms tone bursts at known places in 20 s of quiet noise.</summary>
        private static (short[] audio, int[] centres) Recording()
        {
            var rng = new Random(5);
            var audio = new short[20 * 16000];
            for (int i = 0; i < audio.Length; i++)
            {
                audio[i] = (short)rng.Next(-30, 31);
            }

            var centres = new int[10];
            for (int w = 0; w < 10; w++)
            {
                int start = 8000 + w * 30000 + rng.Next(0, 4000);
                int length = 4800;
                centres[w] = start + length / 2;
                for (int i = 0; i < length; i++)
                {
                    audio[start + i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 16000.0));
                }

                // A 100 ms pause inside word 3 must not split it (min gap 300 ms).
                if (w == 3)
                {
                    Array.Clear(audio, start + 2000, 1600);
                }
            }

            return (audio, centres);
        }

        [Fact]
        public void EnergySplitFindsEachWordAndCentresIt()
        {
            (short[] audio, int[] centres) = Recording();
            List<Segment> segments = ClipCentering.FindSegments(audio);
            Assert.Equal(10, segments.Count);
            for (int w = 0; w < 10; w++)
            {
                int centre = (segments[w].Start + segments[w].End) / 2;
                Assert.InRange(centre, centres[w] - 320, centres[w] + 320);
            }

            List<short[]> clips = ClipImporter.Split(audio, null);
            Assert.Equal(10, clips.Count);
            Assert.All(clips, c => Assert.Equal(16000, c.Length));
            // The burst is in the middle of the clip: loud at the centre, quiet near the edges.
            Assert.All(clips, c => Assert.True(c.Skip(7000).Take(2000).Max(v => Math.Abs((int)v)) > 5000 && c.Take(3000).Max(v => Math.Abs((int)v)) < 100));
        }

        [Fact]
        public void ImportWritesClipsIntoTheLayout()
        {
            (short[] audio, _) = Recording();
            string wav = Path.Combine(dir, "long.wav");
            File.WriteAllBytes(wav, WavWriter.ToBytes(audio, 16000));
            string root = Path.Combine(dir, "data");
            List<string> first = new ClipImporter().Import(wav, "hello", "alice", root);
            List<string> second = new ClipImporter().Import(wav, "hello", "alice", root);
            Assert.Equal(10, first.Count);
            Assert.EndsWith("alice_nohash_0.wav", first[0]);
            Assert.EndsWith("alice_nohash_10.wav", second[0]);
            Assert.Equal(20, Directory.GetFiles(Path.Combine(root, "hello")).Length);
            Assert.Equal(16000, AudioLibraryWavIo.Instance.ReadMono16k(first[3]).Length);
            Assert.Empty(ClipImporter.Split(new short[16000], null));
        }

        [Fact]
        public void MissingToolSaysHowToInstall()
        {
            var e = Assert.Throws<MissingToolException>(() => ExternalTools.Require("va-no-such-tool-xyz"));
            Assert.Contains("apt-get install espeak-ng sox", e.Message);
        }

        [Fact]
        public void SynthesisedClipsAreCentredOneSecondWordsPerSpeaker()
        {
            if (ExternalTools.Find("espeak-ng") == null || ExternalTools.Find("sox") == null)
            {
                Assert.Skip("espeak-ng and sox are not installed (apt-get install espeak-ng sox)");
            }

            var options = new SynthOptions { Voices = new[] { "en-us", "en+f3" }, Pitches = new[] { 50 }, Speeds = new[] { 150 }, Variations = 2, Seed = 4 };
            List<string> paths = new SpeechSynthesizer().Synthesize("yes", dir, options);
            Assert.Equal(4, paths.Count);
            Assert.Equal(
                new[] { "synth-en+f3-p50-s150_nohash_0.wav", "synth-en+f3-p50-s150_nohash_1.wav", "synth-en-us-p50-s150_nohash_0.wav", "synth-en-us-p50-s150_nohash_1.wav" },
                Directory.GetFiles(Path.Combine(dir, "yes")).Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal));
            foreach (string p in paths)
            {
                short[] clip = AudioLibraryWavIo.Instance.ReadMono16k(p);
                Assert.Equal(16000, clip.Length);
                // Energy centroid near the middle, and a real word (not silence).
                double energy = 0, moment = 0;
                for (int i = 0; i < clip.Length; i++)
                {
                    double e = (double)clip[i] * clip[i];
                    energy += e;
                    moment += e * i;
                }

                Assert.True(energy / clip.Length > 1e4, $"{p} is too quiet");
                Assert.InRange(moment / energy, 5500, 10500);
            }

            // Same options, same seed: identical clips.
            string again = Path.Combine(dir, "again");
            List<string> repeat = new SpeechSynthesizer().Synthesize("yes", again, options);
            Assert.Equal(File.ReadAllBytes(paths[1]), File.ReadAllBytes(repeat[1]));
        }
    }
}

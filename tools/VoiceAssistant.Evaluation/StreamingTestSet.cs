using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using VoiceAssistant.Audio;
using VoiceAssistant.Core.Recognition;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Data;

namespace VoiceAssistant.Evaluation
{
    /// <summary>A word placed in a streaming test recording.</summary>
    public sealed class PlacedWord
    {
        /// <summary>Creates the entry.</summary>
        /// <param name="label">Label of the clip.</param>
        /// <param name="startMs">Where the clip starts in the recording.</param>
        /// <param name="lengthMs">Clip length.</param>
        /// <param name="wordEndOffsetMs">Where the spoken word ends, from the clip's start (<see cref="WordEnd"/>), or null when unknown.</param>
        public PlacedWord(string label, int startMs, int lengthMs, int? wordEndOffsetMs = null)
        {
            Label = label;
            StartMs = startMs;
            LengthMs = lengthMs;
            WordEndOffsetMs = wordEndOffsetMs;
        }

        /// <summary>Label of the clip.</summary>
        public string Label { get; }

        /// <summary>Start of the clip in ms.</summary>
        public int StartMs { get; }

        /// <summary>Clip length in ms.</summary>
        public int LengthMs { get; }

        /// <summary>End of the clip in ms: the reference time detections are matched against.</summary>
        public int EndMs => StartMs + LengthMs;

        /// <summary>Where the spoken word ends, from the clip's start, or null when unknown.</summary>
        public int? WordEndOffsetMs { get; }

        /// <summary>End of the spoken word in the recording (ms), the reference of detection latency; null when unknown.</summary>
        public int? WordEndMs => StartMs + WordEndOffsetMs;

        /// <summary>True for a command word (not silence/unknown): a detection is expected.</summary>
        public bool IsTarget => !BackgroundLabels.IsBackground(Label);
    }

    /// <summary>A labelled 1 s clip available to the builder.</summary>
    public sealed class LabeledClip
    {
        /// <summary>Creates the clip.</summary>
        /// <param name="label">Label (a command word, or unknown for distractors).</param>
        /// <param name="samples">16 kHz mono samples.</param>
        public LabeledClip(string label, short[] samples)
        {
            Label = label;
            Samples = samples;
        }

        /// <summary>Label.</summary>
        public string Label { get; }

        /// <summary>Samples.</summary>
        public short[] Samples { get; }
    }

    /// <summary>
    /// A long recording with words at known times over background noise, like TensorFlow's
    /// generate_streaming_test_wav: noise looped over the whole length at <c>noiseVolume</c>, clips drawn at
    /// random and placed every <c>meanGapMs</c> ± <c>jitterMs</c>, seeded.
    /// </summary>
    public sealed class StreamingTestSet
    {
        private StreamingTestSet(short[] audio, List<PlacedWord> words)
        {
            Audio = audio;
            Words = words;
        }

        /// <summary>16 kHz mono samples.</summary>
        public short[] Audio { get; }

        /// <summary>Every placed clip in time order (targets and distractors).</summary>
        public IReadOnlyList<PlacedWord> Words { get; }

        /// <summary>Length in ms.</summary>
        public long DurationMs => (long)Audio.Length * 1000 / AssistantSettings.SampleRate;

        /// <summary>Builds the recording.</summary>
        /// <param name="clips">Clips to draw from (targets and distractors).</param>
        /// <param name="noise">Background noise samples (looped), or null for none.</param>
        /// <param name="seconds">Length of the recording.</param>
        /// <param name="seed">Random seed.</param>
        /// <param name="noiseVolume">Noise gain (TF default 0.3 for the streaming test; 0..1).</param>
        /// <param name="meanGapMs">Mean distance between clip starts.</param>
        /// <param name="jitterMs">Uniform jitter of each distance.</param>
        public static StreamingTestSet Build(IReadOnlyList<LabeledClip> clips, short[] noise, int seconds, int seed, float noiseVolume = 0.3f, int meanGapMs = 3000, int jitterMs = 500)
        {
            if (clips == null || clips.Count == 0)
            {
                throw new ArgumentException("no clips to place", nameof(clips));
            }

            if (seconds < 2 || meanGapMs - jitterMs < 1000)
            {
                throw new ArgumentException("the recording must be at least 2 s and clips at least 1 s apart");
            }

            int rate = AssistantSettings.SampleRate;
            var mix = new float[seconds * rate];
            if (noise != null && noise.Length > 0)
            {
                for (int i = 0; i < mix.Length; i++)
                {
                    mix[i] = noise[i % noise.Length] * noiseVolume;
                }
            }

            var rng = new Random(seed);
            var words = new List<PlacedWord>();
            int start = meanGapMs / 2;
            while (true)
            {
                LabeledClip clip = clips[rng.Next(clips.Count)];
                int startSample = (int)((long)start * rate / 1000);
                if (startSample + clip.Samples.Length > mix.Length)
                {
                    break;
                }

                for (int i = 0; i < clip.Samples.Length; i++)
                {
                    mix[startSample + i] += clip.Samples[i];
                }

                words.Add(new PlacedWord(clip.Label, start, (int)((long)clip.Samples.Length * 1000 / rate), WordEnd.FindEndMs(clip.Samples)));
                start += meanGapMs + rng.Next(-jitterMs, jitterMs + 1);
            }

            var audio = new short[mix.Length];
            for (int i = 0; i < mix.Length; i++)
            {
                audio[i] = (short)Math.Clamp(MathF.Round(mix[i]), short.MinValue, short.MaxValue);
            }

            return new StreamingTestSet(audio, words);
        }

        /// <summary>
        /// Writes the recording (<paramref name="wavPath"/>) and its word list beside it
        /// (<c>&lt;name&gt;.words.csv</c>: <c>label,start_ms,length_ms,word_end_ms</c>, the word's end from the clip's start,
        /// empty when unknown), each atomically.
        /// </summary>
        /// <param name="wavPath">Destination WAV.</param>
        /// <param name="wav">WAV I/O (default <see cref="AudioLibraryWavIo"/>).</param>
        public void Save(string wavPath, IWavIo wav = null)
        {
            var csv = new StringBuilder("label,start_ms,length_ms,word_end_ms\n");
            foreach (PlacedWord w in Words)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{w.Label},{w.StartMs},{w.LengthMs},{w.WordEndOffsetMs}\n");
            }

            (wav ?? AudioLibraryWavIo.Instance).WriteMono16k(wavPath, Audio);
            AtomicFile.WriteAllText(WordsPathFor(wavPath), csv.ToString());
        }

        /// <summary>Reads a recording and its word list written by <see cref="Save"/> (a list without the word_end_ms column too).</summary>
        /// <param name="wavPath">The WAV.</param>
        /// <param name="wav">WAV I/O (default <see cref="AudioLibraryWavIo"/>).</param>
        public static StreamingTestSet Load(string wavPath, IWavIo wav = null)
        {
            string csvPath = WordsPathFor(wavPath);
            var words = new List<PlacedWord>();
            string[] lines = File.ReadAllLines(csvPath);
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0)
                {
                    continue;
                }

                string[] f = lines[i].Split(',');
                int wordEnd = 0;
                if (f.Length < 3 || f.Length > 4 || !int.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int start) || !int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int length)
                    || (f.Length == 4 && f[3].Length > 0 && !int.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out wordEnd)))
                {
                    throw new InvalidDataException($"{csvPath}:{i + 1}: expected 'label,start_ms,length_ms[,word_end_ms]', got '{lines[i]}'");
                }

                words.Add(new PlacedWord(f[0], start, length, f.Length == 4 && f[3].Length > 0 ? wordEnd : null));
            }

            return FromRecording((wav ?? AudioLibraryWavIo.Instance).ReadMono16k(wavPath), words);
        }

        /// <summary>Word-list path of a recording: <c>dir/name.wav</c> → <c>dir/name.words.csv</c>.</summary>
        /// <param name="wavPath">The WAV.</param>
        public static string WordsPathFor(string wavPath) =>
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(wavPath)), Path.GetFileNameWithoutExtension(wavPath) + ".words.csv");

        /// <summary>Wraps an existing recording and its word list.</summary>
        /// <param name="audio">16 kHz mono samples.</param>
        /// <param name="words">Placed words.</param>
        public static StreamingTestSet FromRecording(short[] audio, IEnumerable<PlacedWord> words)
        {
            var list = new List<PlacedWord>(words);
            list.Sort((a, b) => a.StartMs.CompareTo(b.StartMs));
            return new StreamingTestSet(audio, list);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace VoiceAssistant.Data
{
    /// <summary>Options of <see cref="SpeechSynthesizer"/>.</summary>
    public sealed class SynthOptions
    {
        /// <summary>espeak-ng voices (e.g. en, en-us, en-gb, en-gb-scotland, en+f3, en-us+m3).</summary>
        public string[] Voices { get; set; } = { "en", "en-us", "en-gb", "en-gb-scotland", "en+f3", "en+m3", "en-us+f2", "en-gb-x-rp+f4" };

        /// <summary>espeak-ng pitches (0..99).</summary>
        public int[] Pitches { get; set; } = { 35, 50, 70 };

        /// <summary>espeak-ng speeds in words per minute.</summary>
        public int[] Speeds { get; set; } = { 130, 170 };

        /// <summary>Clips per speaker (voice × pitch × speed): variation 0 is clean, the others get random sox effects.</summary>
        public int Variations { get; set; } = 3;

        /// <summary>Random seed of the effects and noise.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Peak level of the added white noise (0..1 of full scale) for variations after the first; 0 for none.</summary>
        public float NoiseLevel { get; set; } = 0.01f;
    }

    /// <summary>
    /// Makes 1 s training clips of any word with espeak-ng and sox: every voice × pitch × speed is one "speaker"
    /// (so a speaker-disjoint split keeps a voice variant on one side); each speaker gets clips with random tempo,
    /// pitch shift, high-pass, reverb, gain and noise; the word is centred in 1 s at 16 kHz mono 16-bit and written
    /// atomically into <c>&lt;out&gt;/&lt;word&gt;/&lt;speaker&gt;_nohash_&lt;n&gt;.wav</c>.
    /// </summary>
    public sealed class SpeechSynthesizer
    {
        private readonly IWavIo wav;

        /// <summary>Creates the synthesiser.</summary>
        /// <param name="wav">WAV I/O (default <see cref="AudioLibraryWavIo"/>).</param>
        public SpeechSynthesizer(IWavIo wav = null)
        {
            this.wav = wav ?? AudioLibraryWavIo.Instance;
        }

        /// <summary>Speaker id of a voice variant: <c>synth-&lt;voice&gt;-p&lt;pitch&gt;-s&lt;speed&gt;</c>.</summary>
        /// <param name="voice">espeak-ng voice.</param>
        /// <param name="pitch">Pitch.</param>
        /// <param name="speed">Speed.</param>
        public static string SpeakerId(string voice, int pitch, int speed) =>
            string.Create(CultureInfo.InvariantCulture, $"synth-{voice}-p{pitch}-s{speed}");

        /// <summary>Synthesises every clip of <paramref name="word"/>; returns the written paths.</summary>
        /// <param name="word">The word (also the folder name).</param>
        /// <param name="outRoot">Data set root.</param>
        /// <param name="options">Options.</param>
        /// <param name="progress">Called after each clip with (done, total); may be null.</param>
        public List<string> Synthesize(string word, string outRoot, SynthOptions options, Action<int, int> progress = null)
        {
            SpeechCommandsLayout.CheckName(word, "word");
            ExternalTools.Require("espeak-ng", "sox");
            options ??= new SynthOptions();
            int total = options.Voices.Length * options.Pitches.Length * options.Speeds.Length * options.Variations;
            var written = new List<string>();
            string work = Path.Combine(Path.GetTempPath(), "va-synth-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                // Not HashCode.Combine: it is randomised per process, and the same seed must give the same clips in every run.
                var rng = new Random(unchecked((options.Seed * 486187739) ^ StableHash(word)));
                foreach (string voice in options.Voices)
                {
                    foreach (int pitch in options.Pitches)
                    {
                        foreach (int speed in options.Speeds)
                        {
                            string speaker = SpeakerId(voice, pitch, speed);
                            SpeechCommandsLayout.CheckName(speaker, "speaker");
                            string raw = Path.Combine(work, "raw.wav");
                            ExternalTools.Run("espeak-ng", new[] { "-v", voice, "-p", Inv(pitch), "-s", Inv(speed), "-w", raw, word });
                            for (int v = 0; v < options.Variations; v++)
                            {
                                string processed = Path.Combine(work, "fx.wav");
                                ExternalTools.Run("sox", SoxArguments(raw, processed, v == 0 ? null : rng));
                                short[] clip = ClipCentering.CenterWord(wav.ReadMono16k(processed));
                                if (v > 0 && options.NoiseLevel > 0)
                                {
                                    AddNoise(clip, options.NoiseLevel * (float)rng.NextDouble(), rng);
                                }

                                int n = SpeechCommandsLayout.NextIndex(outRoot, word, speaker);
                                string path = SpeechCommandsLayout.ClipPath(outRoot, word, speaker, n);
                                wav.WriteMono16k(path, clip);
                                written.Add(path);
                                progress?.Invoke(written.Count, total);
                            }
                        }
                    }
                }
            }
            finally
            {
                Directory.Delete(work, true);
            }

            return written;
        }

        /// <summary>sox arguments: random effects when <paramref name="rng"/> is given, then normalise and convert to 16 kHz mono 16-bit.</summary>
        /// <param name="input">Input WAV.</param>
        /// <param name="output">Output WAV.</param>
        /// <param name="rng">Random source, or null for a clean conversion.</param>
        public static List<string> SoxArguments(string input, string output, Random rng)
        {
            // -R -D: repeatable and no dither, so the same seed gives the same clips.
            var a = new List<string> { "-R", "-D", input, "-r", "16000", "-c", "1", "-b", "16", output };
            if (rng != null)
            {
                a.AddRange(new[] { "tempo", Inv(0.85 + 0.3 * rng.NextDouble()) });
                a.AddRange(new[] { "pitch", Inv(rng.Next(-200, 201)) });
                a.AddRange(new[] { "highpass", Inv(rng.Next(60, 300)) });
                if (rng.NextDouble() < 0.5)
                {
                    a.AddRange(new[] { "reverb", Inv(rng.Next(10, 60)) });
                }
            }

            // Normalise, then (for variations) a random level between -20 and -1 dBFS.
            a.AddRange(new[] { "norm", rng == null ? "-3" : Inv(-1 - 19 * rng.NextDouble()) });
            a.AddRange(new[] { "channels", "1", "rate", "16000" });
            return a;
        }

        private static void AddNoise(short[] clip, float level, Random rng)
        {
            for (int i = 0; i < clip.Length; i++)
            {
                double v = clip[i] + level * 32767 * (2 * rng.NextDouble() - 1);
                clip[i] = (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
            }
        }

        private static string Inv(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

        private static string Inv(int v) => v.ToString(CultureInfo.InvariantCulture);

        private static int StableHash(string s)
        {
            unchecked
            {
                int h = 17;
                foreach (char c in s)
                {
                    h = h * 31 + c;
                }

                return h;
            }
        }
    }
}

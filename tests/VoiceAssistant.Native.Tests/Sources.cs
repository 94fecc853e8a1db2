using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VoiceAssistant.TestSupport;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>A named int16 signal.</summary>
    internal sealed record Source(string Name, short[] Samples)
    {
        public override string ToString() => Name;
    }

    /// <summary>The audio the equality tests run on: real clips from ../shared and synthetic edge cases.</summary>
    internal static class Sources
    {
        private static readonly string[] Words = { "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go", "marvin", "_silence_" };

        /// <summary>3 clips of each of 12 folders (incl. _silence_), 2 s excerpts of the six background-noise files,
        /// and TFLM's four test clips (yes, no, noise, silence).</summary>
        public static List<Source> RealClips()
        {
            string speech = SharedData.Require("data/speech_commands");
            string tflm = SharedData.Require("data/tflm_testdata");
            var clips = new List<Source>();
            foreach (string word in Words)
            {
                foreach (string file in Directory.GetFiles(Path.Combine(speech, word), "*.wav").OrderBy(f => f, StringComparer.Ordinal).Take(3))
                {
                    clips.Add(new Source(word + "/" + Path.GetFileName(file), WavFile.ReadMono16(file)));
                }
            }

            foreach (string file in Directory.GetFiles(Path.Combine(speech, "_background_noise_"), "*.wav").OrderBy(f => f, StringComparer.Ordinal))
            {
                short[] all = WavFile.ReadMono16(file);
                // Two seconds from the middle (the files are 60-95 s long).
                clips.Add(new Source("noise/" + Path.GetFileName(file), all.Skip(all.Length / 2).Take(32000).ToArray()));
            }

            foreach (string file in Directory.GetFiles(tflm, "*.wav").OrderBy(f => f, StringComparer.Ordinal))
            {
                clips.Add(new Source("tflm/" + Path.GetFileName(file), WavFile.ReadMono16(file)));
            }

            return clips;
        }

        /// <summary>Tones, digital silence, full-scale noise, clipping square waves, impulses and DC extremes.</summary>
        public static List<Source> Synthetic()
        {
            const int n = 16000;
            var list = new List<Source>
            {
                new Source("silence", new short[n]),
                new Source("tone 1000 Hz 0.5", Tone(n, 1000, 0.5)),
                new Source("tone 440 Hz full scale", Tone(n, 440, 1.0)),
                new Source("tone 3999 Hz 0.01", Tone(n, 3999, 0.01)),
                new Source("tone 7000 Hz 0.3", Tone(n, 7000, 0.3)),
                new Source("tone 50 Hz 1e-4", Tone(n, 50, 1e-4)),
                new Source("full-scale noise", Noise(n, 1, short.MinValue, short.MaxValue)),
                new Source("quiet noise ±1", Noise(n, 2, -1, 1)),
                new Source("square 100 Hz clipping", Square(n, 80)),
                new Source("square 1 kHz clipping", Square(n, 8)),
                new Source("square at Nyquist", Square(n, 1)),
                new Source("DC max", Constant(n, short.MaxValue)),
                new Source("DC min", Constant(n, short.MinValue)),
                new Source("impulses", Impulses(n)),
            };
            return list;
        }

        public static short[] Tone(int count, double hz, double amplitude)
        {
            var s = new short[count];
            for (int i = 0; i < count; i++)
            {
                s[i] = (short)Math.Round(amplitude * 32767 * Math.Sin(2 * Math.PI * hz * i / 16000.0));
            }

            return s;
        }

        public static short[] Noise(int count, int seed, int min, int max)
        {
            var rng = new Random(seed);
            var s = new short[count];
            for (int i = 0; i < count; i++)
            {
                s[i] = (short)rng.Next(min, max + 1);
            }

            return s;
        }

        /// <summary>Alternates +32767 and −32768 every <paramref name="halfPeriod"/> samples.</summary>
        public static short[] Square(int count, int halfPeriod)
        {
            var s = new short[count];
            for (int i = 0; i < count; i++)
            {
                s[i] = (i / halfPeriod) % 2 == 0 ? short.MaxValue : short.MinValue;
            }

            return s;
        }

        private static short[] Constant(int count, short value)
        {
            var s = new short[count];
            Array.Fill(s, value);
            return s;
        }

        private static short[] Impulses(int count)
        {
            var s = new short[count];
            for (int i = 0; i < count; i += 211)
            {
                s[i] = (i / 211) % 2 == 0 ? short.MaxValue : short.MinValue;
            }

            return s;
        }
    }

    /// <summary>A microphone layout (AssistantSettings SlotBytes/ChannelsPerFrame/Channel/SampleShift) and a way to
    /// encode int16 audio into it the way such a microphone delivers it.</summary>
    internal sealed record Layout(string Name, int SlotBytes, int Channels, int Channel, int Shift)
    {
        /// <summary>Every layout the equality tests cover.</summary>
        public static readonly Layout[] All =
        {
            new Layout("16-bit mono", 2, 1, 0, 0),
            new Layout("16-bit stereo right", 2, 2, 1, 0),
            new Layout("24-bit packed mono >>8", 3, 1, 0, 8),
            new Layout("24-bit packed mono >>6 (gain 4, saturates)", 3, 1, 0, 6),
            new Layout("32-bit mono >>16 (INMP441)", 4, 1, 0, 16),
            new Layout("32-bit mono >>14 (gain 4, saturates)", 4, 1, 0, 14),
            new Layout("32-bit mono >>8 (gain 256, saturates)", 4, 1, 0, 8),
            new Layout("32-bit stereo left >>16", 4, 2, 0, 16),
            new Layout("32-bit stereo right >>16", 4, 2, 1, 16),
            new Layout("32-bit stereo right >>14", 4, 2, 1, 14),
            new Layout("24-bit packed stereo left >>8", 3, 2, 0, 8),
        };

        public int FrameBytes => SlotBytes * Channels;

        public override string ToString() => Name;

        /// <summary>Each sample left-justified in its slot, the bits below it and the other channel random.</summary>
        public byte[] Encode(short[] samples, int seed)
        {
            var rng = new Random(seed);
            var raw = new byte[samples.Length * FrameBytes];
            rng.NextBytes(raw);
            for (int i = 0; i < samples.Length; i++)
            {
                int slot = i * FrameBytes + Channel * SlotBytes;
                // Low bytes keep their random content; the top two bytes carry the sample.
                raw[slot + SlotBytes - 2] = (byte)(samples[i] & 0xFF);
                raw[slot + SlotBytes - 1] = (byte)((samples[i] >> 8) & 0xFF);
            }

            return raw;
        }
    }
}

using System;
using System.Collections.Generic;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Data
{
    /// <summary>A run of active audio, in samples [Start, End).</summary>
    public readonly struct Segment
    {
        /// <summary>Creates it.</summary>
        /// <param name="start">First sample.</param>
        /// <param name="end">One past the last sample.</param>
        public Segment(int start, int end)
        {
            Start = start;
            End = end;
        }

        /// <summary>First sample.</summary>
        public int Start { get; }

        /// <summary>One past the last sample.</summary>
        public int End { get; }

        /// <summary>Length in samples.</summary>
        public int Length => End - Start;
    }

    /// <summary>Energy-based word finding shared by synth and import: 20 ms frame energies, a threshold relative to the loudest frame.</summary>
    public static class ClipCentering
    {
        /// <summary>Frame length for the energy envelope (one hop, 20 ms).</summary>
        public const int FrameSamples = AssistantSettings.HopSamples;

        /// <summary>Samples in one clip (1 s).</summary>
        public const int ClipSamples = AssistantSettings.SampleRate;

        /// <summary>Energy in dB (re full scale) of each 20 ms frame.</summary>
        /// <param name="samples">Audio.</param>
        public static double[] FrameEnergyDb(short[] samples)
        {
            int frames = samples.Length / FrameSamples;
            var db = new double[frames];
            for (int f = 0; f < frames; f++)
            {
                double sum = 0;
                for (int i = f * FrameSamples; i < (f + 1) * FrameSamples; i++)
                {
                    sum += (double)samples[i] * samples[i];
                }

                db[f] = 10 * Math.Log10(sum / FrameSamples / (32768.0 * 32768.0) + 1e-12);
            }

            return db;
        }

        /// <summary>
        /// Active segments: frames within <paramref name="relativeDb"/> of the loudest frame (and 6 dB above the 10th
        /// percentile, the noise floor), runs closer than <paramref name="minGapMs"/> merged, runs shorter than
        /// <paramref name="minLengthMs"/> dropped.
        /// </summary>
        /// <param name="samples">Audio.</param>
        /// <param name="relativeDb">Threshold below the loudest frame (negative, e.g. −25).</param>
        /// <param name="minGapMs">Gaps shorter than this join two runs.</param>
        /// <param name="minLengthMs">Shortest kept run.</param>
        public static List<Segment> FindSegments(short[] samples, double relativeDb = -25, int minGapMs = 300, int minLengthMs = 100)
        {
            double[] db = FrameEnergyDb(samples);
            var result = new List<Segment>();
            if (db.Length == 0)
            {
                return result;
            }

            var sorted = (double[])db.Clone();
            Array.Sort(sorted);
            double peak = sorted[^1];
            double floor = sorted[sorted.Length / 10];
            double threshold = Math.Max(peak + relativeDb, floor + 6);
            if (peak < threshold)
            {
                return result;
            }

            int frameMs = FrameSamples * 1000 / AssistantSettings.SampleRate;
            int start = -1, lastActive = -1;
            for (int f = 0; f <= db.Length; f++)
            {
                bool active = f < db.Length && db[f] >= threshold;
                if (active)
                {
                    if (start >= 0 && (f - lastActive - 1) * frameMs >= minGapMs)
                    {
                        Close(result, start, lastActive, minLengthMs, frameMs);
                        start = -1;
                    }

                    if (start < 0)
                    {
                        start = f;
                    }

                    lastActive = f;
                }
            }

            if (start >= 0)
            {
                Close(result, start, lastActive, minLengthMs, frameMs);
            }

            return result;
        }

        /// <summary>A 1 s clip centred on <paramref name="segment"/> (zero-padded at the recording's edges; a longer segment keeps its middle second).</summary>
        /// <param name="samples">Audio.</param>
        /// <param name="segment">Word segment.</param>
        public static short[] Extract(short[] samples, Segment segment)
        {
            var clip = new short[ClipSamples];
            int centre = (segment.Start + segment.End) / 2;
            int from = centre - ClipSamples / 2;
            for (int i = 0; i < ClipSamples; i++)
            {
                int j = from + i;
                if (j >= 0 && j < samples.Length)
                {
                    clip[i] = samples[j];
                }
            }

            return clip;
        }

        /// <summary>Centres the audible part of a short recording (e.g. one synthesised word) in a 1 s clip.</summary>
        /// <param name="samples">Audio.</param>
        public static short[] CenterWord(short[] samples)
        {
            List<Segment> segments = FindSegments(samples, -40, int.MaxValue / 2, 0);
            Segment whole = segments.Count == 0 ? new Segment(0, samples.Length) : new Segment(segments[0].Start, segments[^1].End);
            return Extract(samples, whole);
        }

        private static void Close(List<Segment> result, int first, int last, int minLengthMs, int frameMs)
        {
            if ((last - first + 1) * frameMs >= minLengthMs)
            {
                result.Add(new Segment(first * FrameSamples, (last + 1) * FrameSamples));
            }
        }
    }
}

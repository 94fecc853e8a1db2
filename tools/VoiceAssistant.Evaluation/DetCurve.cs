using System;
using System.Collections.Generic;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Recognition;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Host;

namespace VoiceAssistant.Evaluation
{
    /// <summary>
    /// A streaming recording with the model's int8 scores at every inference, as the device's hop loop produces
    /// them; the recogniser can then be replayed over the same scores at any threshold (one model pass per curve).
    /// </summary>
    public sealed class ScoredRecording
    {
        private ScoredRecording(StreamingTestSet set, string[] labels, List<sbyte[]> scores, List<int> timesMs)
        {
            Set = set;
            Labels = labels;
            Scores = scores;
            TimesMs = timesMs;
        }

        /// <summary>The recording and its words.</summary>
        public StreamingTestSet Set { get; }

        /// <summary>Labels in score order.</summary>
        public string[] Labels { get; }

        /// <summary>Scores of each inference.</summary>
        public IReadOnlyList<sbyte[]> Scores { get; }

        /// <summary>Time of each inference in ms (audio consumed when it ran).</summary>
        public IReadOnlyList<int> TimesMs { get; }

        /// <summary>Feeds the recording through the host twin's hop loop and keeps every inference's scores.</summary>
        /// <param name="spotter">Keyword spotter (core MFCC + int8 interpreter).</param>
        /// <param name="set">Recording.</param>
        /// <param name="settings">Settings (16-bit mono PCM; the threshold does not matter here).</param>
        public static ScoredRecording Score(IKeywordSpotter spotter, StreamingTestSet set, AssistantSettings settings)
        {
            ArgumentNullException.ThrowIfNull(spotter);
            ArgumentNullException.ThrowIfNull(set);
            ArgumentNullException.ThrowIfNull(settings);
            if (settings.FrameBytes != 2)
            {
                throw new ArgumentException("streaming evaluation feeds 16-bit mono PCM", nameof(settings));
            }

            spotter.Reset();
            var recorder = new Recorder(spotter);
            var quiet = new Quiet();
            var bytes = new byte[set.Audio.Length * 2];
            Buffer.BlockCopy(set.Audio, 0, bytes, 0, bytes.Length);
            var listener = new HostListener(recorder, new CommandPipeline(spotter.Labels, settings, quiet, quiet), settings);
            recorder.Clock = () => listener.ElapsedMs;
            listener.Feed(bytes, 0, bytes.Length);
            return new ScoredRecording(set, spotter.Labels, recorder.Scores, recorder.TimesMs);
        }

        /// <summary>Replays the recogniser over the kept scores and matches its detections to the words.</summary>
        /// <param name="settings">Recogniser settings (threshold, window, suppression).</param>
        /// <param name="toleranceMs">Matching tolerance.</param>
        public StreamingResult Evaluate(AssistantSettings settings, int toleranceMs = StreamingEvaluator.DefaultToleranceMs) =>
            StreamingEvaluator.Evaluate(Labels, Scores, TimesMs, Set, settings, toleranceMs);

        // Passes everything to the real spotter and keeps the scores and the audio time of each inference.
        private sealed class Recorder : IKeywordSpotter
        {
            private readonly IKeywordSpotter inner;

            public Recorder(IKeywordSpotter inner) => this.inner = inner;

            public List<sbyte[]> Scores { get; } = new List<sbyte[]>();

            public List<int> TimesMs { get; } = new List<int>();

            // The loop's own audio time (the hop being processed), as its pipeline sees it.
            public Func<long> Clock { get; set; } = () => 0;

            public string[] Labels => inner.Labels;

            public float InputScale => inner.InputScale;

            public int InputZeroPoint => inner.InputZeroPoint;

            public int PushAudio(byte[] raw, int offset, int count) => inner.PushAudio(raw, offset, count);

            public int GetLevels(int[] levels) => inner.GetLevels(levels);

            public void Invoke(sbyte[] scores)
            {
                inner.Invoke(scores);
                Scores.Add((sbyte[])scores.Clone());
                TimesMs.Add((int)Clock());
            }

            public void Reset() => inner.Reset();
        }

        private sealed class Quiet : IReporter, ILed
        {
            public void WriteLine(string line)
            {
            }

            public void SetState(LedState state)
            {
            }
        }
    }

    /// <summary>One point of a DET curve: the recogniser at one detection threshold over all recordings.</summary>
    /// <param name="Threshold">Detection threshold (0..255).</param>
    /// <param name="FalseRejectRate">Share of target words not detected with the right label.</param>
    /// <param name="FalseAcceptsPerHour">False alarms plus wrong-label detections per hour of audio.</param>
    /// <param name="Missed">Target words missed.</param>
    /// <param name="Targets">Target words.</param>
    /// <param name="FalseAccepts">False alarms plus wrong-label detections.</param>
    public sealed record DetPoint(int Threshold, double FalseRejectRate, double FalseAcceptsPerHour, int Missed, int Targets, int FalseAccepts);

    /// <summary>
    /// Detection-error trade-off of the streaming recogniser (false rejects against false accepts per hour, the
    /// standard picture of wake-word engines), swept over the detection threshold on pooled recordings.
    /// </summary>
    public static class DetCurve
    {
        /// <summary>The curve over the given thresholds, pooling all recordings.</summary>
        /// <param name="recordings">Scored recordings.</param>
        /// <param name="settings">Recogniser settings; only the threshold varies (the object is not changed).</param>
        /// <param name="thresholds">Thresholds to evaluate (ascending gives the curve from many false accepts to few).</param>
        public static DetPoint[] Sweep(IReadOnlyList<ScoredRecording> recordings, AssistantSettings settings, IReadOnlyList<int> thresholds)
        {
            ArgumentNullException.ThrowIfNull(recordings);
            ArgumentNullException.ThrowIfNull(settings);
            ArgumentNullException.ThrowIfNull(thresholds);
            int original = settings.DetectionThreshold;
            var points = new DetPoint[thresholds.Count];
            try
            {
                for (int t = 0; t < thresholds.Count; t++)
                {
                    settings.DetectionThreshold = thresholds[t];
                    points[t] = Pool(thresholds[t], recordings, settings);
                }
            }
            finally
            {
                settings.DetectionThreshold = original;
            }

            return points;
        }

        /// <summary>
        /// The lowest false-reject point whose false accepts per hour are at most <paramref name="maxFalseAcceptsPerHour"/>
        /// (ties: the lower threshold), or null when no threshold reaches it.
        /// </summary>
        /// <param name="curve">Points of <see cref="Sweep"/>.</param>
        /// <param name="maxFalseAcceptsPerHour">Budget of false accepts per hour.</param>
        public static DetPoint Best(IReadOnlyList<DetPoint> curve, double maxFalseAcceptsPerHour)
        {
            ArgumentNullException.ThrowIfNull(curve);
            DetPoint best = null;
            foreach (DetPoint p in curve)
            {
                if (p.FalseAcceptsPerHour <= maxFalseAcceptsPerHour && (best == null || p.FalseRejectRate < best.FalseRejectRate))
                {
                    best = p;
                }
            }

            return best;
        }

        private static DetPoint Pool(int threshold, IReadOnlyList<ScoredRecording> recordings, AssistantSettings settings)
        {
            int targets = 0, missed = 0, falseAccepts = 0;
            long durationMs = 0;
            foreach (ScoredRecording r in recordings)
            {
                StreamingResult s = r.Evaluate(settings);
                targets += s.TargetWords;
                missed += s.Missed;
                falseAccepts += s.FalseAlarms + s.WrongLabel;
                durationMs += s.DurationMs;
            }

            return new DetPoint(
                threshold,
                targets == 0 ? double.NaN : (double)missed / targets,
                durationMs == 0 ? double.NaN : falseAccepts * 3600000.0 / durationMs,
                missed,
                targets,
                falseAccepts);
        }
    }
}

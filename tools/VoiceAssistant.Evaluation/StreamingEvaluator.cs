using System;
using System.Collections.Generic;
using System.Globalization;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Host;

namespace VoiceAssistant.Evaluation
{
    /// <summary>A reported detection (a <c>DETECT</c> line of the core pipeline).</summary>
    public sealed class Detection
    {
        /// <summary>Creates it.</summary>
        /// <param name="label">Label.</param>
        /// <param name="score">Average score 0..255.</param>
        /// <param name="timeMs">Time of the inference that triggered it.</param>
        public Detection(string label, int score, int timeMs)
        {
            Label = label;
            Score = score;
            TimeMs = timeMs;
        }

        /// <summary>Label.</summary>
        public string Label { get; }

        /// <summary>Score.</summary>
        public int Score { get; }

        /// <summary>Time in ms.</summary>
        public int TimeMs { get; }
    }

    /// <summary>Result of a streaming evaluation.</summary>
    public sealed class StreamingResult
    {
        /// <summary>Every detection in time order.</summary>
        public List<Detection> Detections { get; } = new List<Detection>();

        /// <summary>Target words in the recording.</summary>
        public int TargetWords { get; internal set; }

        /// <summary>Target words detected with the right label within the tolerance.</summary>
        public int Correct { get; internal set; }

        /// <summary>Detections within the tolerance of a target word but with another label.</summary>
        public int WrongLabel { get; internal set; }

        /// <summary>Detections matching no target word (including repeats of an already matched word).</summary>
        public int FalseAlarms { get; internal set; }

        /// <summary>Recording length in ms.</summary>
        public long DurationMs { get; internal set; }

        /// <summary>
        /// Detection latency of every correctly detected word whose end is known: detection time minus the end of the
        /// spoken word (<see cref="PlacedWord.WordEndMs"/>), in ms, in time order.
        /// </summary>
        public List<int> LatenciesMs { get; } = new List<int>();

        /// <summary>Median and p90 of <see cref="LatenciesMs"/>.</summary>
        public LatencySummary Latency => LatencySummary.From(LatenciesMs);

        /// <summary>Target words not detected correctly.</summary>
        public int Missed => TargetWords - Correct;

        /// <summary>False-reject rate: share of target words not detected with the right label.</summary>
        public double FalseRejectRate => TargetWords == 0 ? double.NaN : (double)Missed / TargetWords;

        /// <summary>False accepts per hour: (false alarms + wrong-label detections) per hour of audio.</summary>
        public double FalseAcceptsPerHour => DurationMs == 0 ? double.NaN : (FalseAlarms + WrongLabel) * 3600000.0 / DurationMs;

        /// <summary>One-line summary.</summary>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0:0.0} s, {1} target words: {2} correct, {3} wrong label, {4} missed in all; {5} false alarms. False rejects {6:0.0}%, false accepts {7:0.0} per hour; {8}.",
            DurationMs / 1000.0,
            TargetWords,
            Correct,
            WrongLabel,
            Missed,
            FalseAlarms,
            100 * FalseRejectRate,
            FalseAcceptsPerHour,
            Latency);
    }

    /// <summary>
    /// Streaming evaluation like TensorFlow's test_streaming_accuracy: run per-hop scores through the core
    /// <see cref="CommandPipeline"/> (the device's recogniser and reporting), collect its DETECT lines and match
    /// them to the known words: a detection matches the earliest unmatched target word whose clip END lies
    /// within ±tolerance (TF: 750 ms) of the detection time. A correct match's latency is measured from the end of
    /// the spoken word instead (<see cref="WordEnd"/>): the clip end only says where the 1 s clip stops.
    /// </summary>
    public static class StreamingEvaluator
    {
        /// <summary>TensorFlow's default time tolerance.</summary>
        public const int DefaultToleranceMs = 750;

        /// <summary>
        /// Feeds the recording (16-bit mono PCM) to <paramref name="spotter"/> through the host twin's
        /// <see cref="HostListener"/>, the device's hop loop, and evaluates the resulting detections.
        /// </summary>
        /// <param name="spotter">The keyword spotter (host twin: core MFCC + int8 interpreter).</param>
        /// <param name="set">Recording and words.</param>
        /// <param name="settings">Recogniser settings (the spotter's PCM layout must be 16-bit mono).</param>
        /// <param name="toleranceMs">Matching tolerance.</param>
        public static StreamingResult Evaluate(IKeywordSpotter spotter, StreamingTestSet set, AssistantSettings settings, int toleranceMs = DefaultToleranceMs)
        {
            settings ??= new AssistantSettings();
            return ScoredRecording.Score(spotter, set, settings).Evaluate(settings, toleranceMs);
        }

        /// <summary>Evaluates precomputed scores: <paramref name="hopScores"/>[i] was produced at <paramref name="timesMs"/>[i].</summary>
        /// <param name="labels">Labels in score order.</param>
        /// <param name="hopScores">Int8 scores per inference.</param>
        /// <param name="timesMs">Inference times.</param>
        /// <param name="set">Recording and words.</param>
        /// <param name="settings">Recogniser settings.</param>
        /// <param name="toleranceMs">Matching tolerance.</param>
        public static StreamingResult Evaluate(string[] labels, IReadOnlyList<sbyte[]> hopScores, IReadOnlyList<int> timesMs, StreamingTestSet set, AssistantSettings settings, int toleranceMs = DefaultToleranceMs)
        {
            var pipeline = new Pipeline(labels, settings);
            for (int i = 0; i < hopScores.Count; i++)
            {
                pipeline.Process(hopScores[i], timesMs[i]);
            }

            return Match(pipeline.Detections, set, toleranceMs);
        }

        /// <summary>Matches detections to the words of <paramref name="set"/>.</summary>
        /// <param name="detections">Detections in time order.</param>
        /// <param name="set">Recording and words.</param>
        /// <param name="toleranceMs">Matching tolerance.</param>
        public static StreamingResult Match(IReadOnlyList<Detection> detections, StreamingTestSet set, int toleranceMs = DefaultToleranceMs)
        {
            var result = new StreamingResult { DurationMs = set.DurationMs };
            var targets = new List<PlacedWord>();
            foreach (PlacedWord w in set.Words)
            {
                if (w.IsTarget)
                {
                    targets.Add(w);
                }
            }

            result.TargetWords = targets.Count;
            var matched = new bool[targets.Count];
            foreach (Detection d in detections)
            {
                result.Detections.Add(d);
                int hit = -1;
                for (int i = 0; i < targets.Count; i++)
                {
                    if (!matched[i] && Math.Abs(targets[i].EndMs - d.TimeMs) <= toleranceMs)
                    {
                        hit = i;
                        break;
                    }
                }

                if (hit < 0)
                {
                    result.FalseAlarms++;
                }
                else if (targets[hit].Label == d.Label)
                {
                    matched[hit] = true;
                    result.Correct++;
                    if (targets[hit].WordEndMs is int wordEnd)
                    {
                        result.LatenciesMs.Add(d.TimeMs - wordEnd);
                    }
                }
                else
                {
                    result.WrongLabel++;
                }
            }

            return result;
        }

        /// <summary>The core pipeline with a reporter that collects its DETECT lines.</summary>
        private sealed class Pipeline : IReporter, ILed
        {
            public Pipeline(string[] labels, AssistantSettings settings)
            {
                Commands = new CommandPipeline(labels, settings ?? new AssistantSettings(), this, this);
            }

            public CommandPipeline Commands { get; }

            public List<Detection> Detections { get; } = new List<Detection>();

            public void Process(sbyte[] scores, int timeMs) => Commands.Process(scores, timeMs);

            public void WriteLine(string line)
            {
                if (DetectionFormatter.TryParseDetection(line, out string label, out int score, out int timeMs))
                {
                    Detections.Add(new Detection(label, score, timeMs));
                }
            }

            public void SetState(LedState state)
            {
            }
        }
    }
}

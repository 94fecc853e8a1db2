using System;
using System.Collections.Generic;
using VoiceAssistant.Core.Recognition;
using Xunit;

namespace VoiceAssistant.Core.Tests.Recognition
{
    /// <summary>
    /// The recogniser keeps running sums; this compares it, call by call, with a straightforward recogniser written
    /// here that re-sums the whole window every call (as TFLM's RecognizeCommands does) on long random streams with
    /// hops, jitter, equal and out-of-order timestamps, gaps longer than the window, a full queue (drops) and resets.
    /// </summary>
    public class CommandRecognizerRunningSumTests
    {
        private static readonly string[] Labels = { "silence", "unknown", "yes", "no" };

        [Theory]
        [InlineData(1, 1000, 200, 1500, 3)] // the app's defaults: 20 ms hops fill the 50-entry queue
        [InlineData(2, 3000, 150, 500, 10)] // window far beyond the queue: drops on most calls
        [InlineData(3, 250, 100, 0, 1)]
        [InlineData(4, 0, 0, 0, 0)] // zero window and threshold: every call averages only itself
        [InlineData(5, 1, 254, 10, 60)] // minimum count above the queue capacity: never averages
        [InlineData(6, 700, 60, 2000, 2)]
        public void EveryCallEqualsAReSummingReference(int seed, int windowMs, int threshold, int suppressionMs, int minimumCount)
        {
            var rng = new Random(seed);
            var recognizer = new CommandRecognizer(Labels, windowMs, threshold, suppressionMs, minimumCount);
            var reference = new ReSummingRecognizer(Labels.Length, windowMs, threshold, suppressionMs, minimumCount);
            var scores = new sbyte[Labels.Length];
            int time = seed == 6 ? int.MaxValue - 400_000 : rng.Next(-1_000_000, 1_000_000); // seed 6 crosses int wrap-around
            int dominant = 0;
            int rejected = 0, dropped = 0, detections = 0, averaged = 0;
            for (int call = 0; call < 40_000; call++)
            {
                time = NextTime(rng, time, windowMs);
                if (rng.Next(400) == 0)
                {
                    dominant = rng.Next(Labels.Length);
                }

                for (int i = 0; i < scores.Length; i++)
                {
                    scores[i] = (sbyte)(i == dominant && rng.Next(10) != 0 ? rng.Next(60, 128) : rng.Next(-128, 128));
                }

                if (rng.Next(5000) == 0)
                {
                    recognizer.Reset();
                    reference.Reset();
                }

                int droppedBefore = reference.DroppedCount;
                bool accepted = recognizer.Process(scores, time);
                Assert.Equal(reference.Process(scores, time), accepted);
                RecognitionResult r = recognizer.Result;
                string where = $"call {call}, time {time}";
                Assert.True(reference.LabelIndex == r.LabelIndex, where + ": label " + r.LabelIndex + " vs " + reference.LabelIndex);
                Assert.True(reference.Score == r.Score, where + ": score " + r.Score + " vs " + reference.Score);
                Assert.True(reference.IsNewCommand == r.IsNewCommand, where + ": new command differs");
                Assert.Equal(reference.TimeMs, r.TimeMs);
                Assert.Equal(Labels[reference.LabelIndex], r.Label);
                Assert.Equal(reference.QueuedCount, recognizer.QueuedCount);
                Assert.Equal(reference.DroppedCount, recognizer.DroppedCount);
                Assert.Equal(reference.PreviousTopIndex, recognizer.PreviousTopLabelIndex);
                Assert.Equal(reference.PreviousTopTimeMs, recognizer.PreviousTopLabelTimeMs);
                rejected += accepted ? 0 : 1;
                dropped += reference.DroppedCount > droppedBefore ? 1 : 0;
                detections += r.IsNewCommand ? 1 : 0;
                averaged += r.Score > 0 ? 1 : 0;
            }

            // The streams reach every path the running sums could get wrong.
            Assert.True(rejected > 100, "out-of-order rejections: " + rejected);
            if (windowMs >= 1000)
            {
                Assert.True(dropped > 50, "queue-full drops: " + dropped);
            }

            if (minimumCount <= 50)
            {
                Assert.True(detections > 5, "detections: " + detections);
                Assert.True(averaged > 1000, "averaged calls: " + averaged);
            }
        }

        [Fact]
        public void ComparisonDetectsAnOffByOneWindow()
        {
            // The comparison can fail: a recogniser whose window is 20 ms longer differs from the reference.
            var rng = new Random(11);
            var recognizer = new CommandRecognizer(Labels, 1020, 200, 1500, 3);
            var reference = new ReSummingRecognizer(Labels.Length, 1000, 200, 1500, 3);
            var scores = new sbyte[Labels.Length];
            int differences = 0;
            for (int call = 0; call < 2000; call++)
            {
                for (int i = 0; i < scores.Length; i++)
                {
                    scores[i] = (sbyte)rng.Next(-128, 128);
                }

                recognizer.Process(scores, call * 20);
                reference.Process(scores, call * 20);
                differences += recognizer.Result.Score != reference.Score ? 1 : 0;
            }

            Assert.True(differences > 100, "differences: " + differences);
        }

        // Mostly 20 ms hops with jitter; sometimes equal, earlier (often before the oldest result: rejected),
        // dense (fills the queue) or far later (empties the window) timestamps. Wraps around like an int clock.
        private static int NextTime(Random rng, int time, int windowMs)
        {
            int kind = rng.Next(100);
            int step = kind < 70 ? 20 + rng.Next(-3, 4)
                : kind < 78 ? 0
                : kind < 84 ? -rng.Next(1, 2 * windowMs + 50)
                : kind < 94 ? rng.Next(1, 6)
                : kind < 97 ? windowMs + rng.Next(1, 3000)
                : rng.Next(21, 200);
            return unchecked(time + step);
        }

        /// <summary>
        /// RecognizeCommands as TFLM's recognize_commands.cc describes it, re-summing the queue every call: reject a
        /// time before the oldest result; append unless 50 are queued; drop results older than time - window; bail
        /// with the previous label and score 0 when too few or too short; else integer mean of score + 128 per label,
        /// first strictly greatest above 0; new when above the threshold and (another label or suppression passed).
        /// </summary>
        private sealed class ReSummingRecognizer
        {
            private const int Capacity = 50;
            private readonly int labelCount, windowMs, threshold, suppressionMs, minimumCount;
            private readonly List<(int Time, sbyte[] Scores)> queue = new List<(int, sbyte[])>();

            public ReSummingRecognizer(int labelCount, int windowMs, int threshold, int suppressionMs, int minimumCount)
            {
                this.labelCount = labelCount;
                this.windowMs = windowMs;
                this.threshold = threshold;
                this.suppressionMs = suppressionMs;
                this.minimumCount = minimumCount;
                Reset();
            }

            public int LabelIndex { get; private set; }

            public int Score { get; private set; }

            public bool IsNewCommand { get; private set; }

            public int TimeMs { get; private set; }

            public int QueuedCount => queue.Count;

            public int DroppedCount { get; private set; }

            public int PreviousTopIndex { get; private set; }

            public int PreviousTopTimeMs { get; private set; }

            public void Reset()
            {
                queue.Clear();
                DroppedCount = 0;
                PreviousTopIndex = 0;
                PreviousTopTimeMs = int.MinValue;
                (LabelIndex, Score, IsNewCommand, TimeMs) = (0, 0, false, 0);
            }

            public bool Process(sbyte[] scores, int time)
            {
                if (queue.Count > 0 && time < queue[0].Time)
                {
                    return false;
                }

                if (queue.Count < Capacity)
                {
                    queue.Add((time, (sbyte[])scores.Clone()));
                }
                else
                {
                    DroppedCount++;
                }

                while (queue.Count > 0 && queue[0].Time < (long)time - windowMs)
                {
                    queue.RemoveAt(0);
                }

                TimeMs = time;
                if (queue.Count == 0 || queue.Count < minimumCount || (long)time - queue[0].Time < windowMs / 4)
                {
                    (LabelIndex, Score, IsNewCommand) = (PreviousTopIndex, 0, false);
                    return true;
                }

                int top = 0, topAverage = 0;
                for (int label = 0; label < labelCount; label++)
                {
                    int sum = 0;
                    foreach (var entry in queue)
                    {
                        sum += entry.Scores[label] + 128;
                    }

                    if (sum / queue.Count > topAverage)
                    {
                        (top, topAverage) = (label, sum / queue.Count);
                    }
                }

                long sinceLastTop = PreviousTopIndex == 0 || PreviousTopTimeMs == int.MinValue ? long.MaxValue : (long)time - PreviousTopTimeMs;
                bool isNew = topAverage > threshold && (top != PreviousTopIndex || sinceLastTop > suppressionMs);
                if (isNew)
                {
                    (PreviousTopIndex, PreviousTopTimeMs) = (top, time);
                }

                (LabelIndex, Score, IsNewCommand) = (top, topAverage, isNew);
                return true;
            }
        }
    }
}

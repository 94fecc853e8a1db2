using System;
using System.Collections.Generic;
using VoiceAssistant.Core.Recognition;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Recognition
{
    /// <summary>
    /// Cases of TFLM's recognize_commands_test.cc (first group) and the behaviours of recognize_commands.cc
    /// (second group), with expected values derived by hand from those sources.
    /// </summary>
    public class CommandRecognizerTests
    {
        private static readonly string[] Labels = { "silence", "unknown", "yes", "no" };
        private static readonly sbyte[] Silence = { 127, -128, -128, -128 };
        private static readonly sbyte[] Yes = { -128, -128, 127, -128 };
        private static readonly sbyte[] No = { -128, -128, -128, 127 };

        // TFLM's constructor defaults with the given window and threshold.
        private static CommandRecognizer Create(int windowMs = 1000, int threshold = 200, int suppressionMs = 1500, int minimumCount = 3)
        {
            return new CommandRecognizer(Labels, windowMs, threshold, suppressionMs, minimumCount);
        }

        private static List<(int Time, string Label, int Score)> FeedSteady(CommandRecognizer r, sbyte[] scores, int start, int step, int count)
        {
            var news = new List<(int, string, int)>();
            for (int i = 0; i < count; i++)
            {
                int t = start + i * step;
                Assert.True(r.Process(scores, t));
                if (r.Result.IsNewCommand)
                {
                    news.Add((t, r.Result.Label, r.Result.Score));
                }
            }

            return news;
        }

        // ---- TFLM recognize_commands_test.cc ----

        [Fact]
        public void TflmBasic_DefaultsAcceptAResult()
        {
            var r = new CommandRecognizer(Labels, new AssistantSettings());
            Assert.True(r.Process(new sbyte[] { 127, -128, -128, -128 }, 0));
        }

        [Fact]
        public void TflmFindCommands_YesThenNoEachReportedOnce()
        {
            // RecognizeCommands(1000, 51): yes every 100 ms from 0, then no every 100 ms from 1000.
            var r = Create(1000, 51);
            var yes = FeedSteady(r, Yes, 0, 100, 10);
            Assert.Single(yes);
            Assert.Equal("yes", yes[0].Label);

            var no = FeedSteady(r, No, 1000, 100, 10);
            Assert.Single(no);
            Assert.Equal("no", no[0].Label);

            // TFLM expects the final score 231: window [900, 1900] holds 1 yes + 10 no, 10*255/11 = 231.
            Assert.Equal(231, r.Result.Score);
            Assert.Equal("no", r.Result.Label);
        }

        [Fact]
        public void TflmFindCommands_TriggerTimesDerivedByHand()
        {
            var r = Create(1000, 51);
            // 300 ms: first call with >= 3 results spanning >= 250 ms; yes average 255.
            Assert.Equal(new[] { (300, "yes", 255) }, FeedSteady(r, Yes, 0, 100, 10));
            // 1500 ms: window [500, 1500] = 5 yes + 6 no; no = 6*255/11 = 139 beats yes = 115 and differs from yes.
            Assert.Equal(new[] { (1500, "no", 139) }, FeedSteady(r, No, 1000, 100, 10));
        }

        [Fact]
        public void TflmBadInputLength_IsRejected()
        {
            var r = Create(1000, 51);
            Assert.Throws<ArgumentException>(() => r.Process(new sbyte[] { -128, -128, 127 }, 0));
            Assert.Throws<ArgumentNullException>(() => r.Process(null, 0));
        }

        [Fact]
        public void TflmBadInputTimes_EarlierTimestampIsRejected()
        {
            var r = Create(1000, 51);
            Assert.True(r.Process(Yes, 100));
            Assert.False(r.Process(Yes, 0));
        }

        [Fact]
        public void TflmTooFewInputs_ScoreZeroAndNoCommand()
        {
            var r = Create(1000, 51);
            Assert.True(r.Process(Yes, 100));
            Assert.Equal(0, r.Result.Score);
            Assert.False(r.Result.IsNewCommand);
        }

        // ---- recognize_commands.cc behaviours ----

        [Fact]
        public void InitialPreviousLabelIsSilenceAndIsReportedWhileTooFewResults()
        {
            var r = Create();
            Assert.Equal(0, r.PreviousTopLabelIndex);
            Assert.Equal(int.MinValue, r.PreviousTopLabelTimeMs);
            r.Process(Yes, 0);
            Assert.Equal("silence", r.Result.Label);
            Assert.Equal(0, r.Result.LabelIndex);
            Assert.Equal(0, r.Result.Score);
            Assert.Equal(0, r.Result.TimeMs);
        }

        [Fact]
        public void BailReportsThePreviousTopLabelNotTheCurrentOne()
        {
            var r = Create();
            FeedSteady(r, Yes, 0, 100, 5); // yes triggered at 300
            Assert.Equal(2, r.PreviousTopLabelIndex);
            // Jump far ahead: everything older than 5000-1000 is pruned, 1 result left (< 3): bail.
            Assert.True(r.Process(No, 5000));
            Assert.Equal(1, r.QueuedCount);
            Assert.Equal("yes", r.Result.Label);
            Assert.Equal(0, r.Result.Score);
            Assert.False(r.Result.IsNewCommand);
            Assert.Equal(5000, r.Result.TimeMs);
        }

        [Fact]
        public void MinimumCountIsRequired()
        {
            var r = Create(minimumCount: 3);
            r.Process(Yes, 0);
            r.Process(Yes, 500);
            Assert.Equal(0, r.Result.Score); // 2 results spanning 500 ms: still too few
            r.Process(Yes, 600);
            Assert.True(r.Result.IsNewCommand);
            Assert.Equal(255, r.Result.Score);
        }

        [Fact]
        public void ResultsMustSpanAQuarterOfTheWindow()
        {
            var r = Create(1000);
            r.Process(Yes, 0);
            r.Process(Yes, 100);
            r.Process(Yes, 249);
            Assert.Equal(0, r.Result.Score); // 249 < 1000/4
            r.Process(Yes, 250);
            Assert.True(r.Result.IsNewCommand);
        }

        [Fact]
        public void QuarterWindowUsesIntegerDivision()
        {
            // 1003 / 4 = 250 in integer arithmetic, so a 250 ms span is enough.
            var r = Create(1003);
            r.Process(Yes, 0);
            r.Process(Yes, 100);
            r.Process(Yes, 250);
            Assert.True(r.Result.IsNewCommand);
        }

        [Fact]
        public void ScoresAreShiftedToUint8AndAveragedWithTruncation()
        {
            var r = Create(threshold: 0);
            r.Process(new sbyte[] { -128, -128, 127, -128 }, 0);
            r.Process(new sbyte[] { -128, -128, 127, -128 }, 100);
            r.Process(new sbyte[] { -128, -128, 126, -127 }, 300);
            // yes: (255 + 255 + 254) / 3 = 254.67 -> 254; no: 1/3 -> 0.
            Assert.Equal(254, r.Result.Score);
            Assert.Equal("yes", r.Result.Label);
        }

        [Fact]
        public void ThresholdMustBeStrictlyExceeded()
        {
            // int8 72 -> 200 in the uint8 domain; default threshold 200.
            var r = new CommandRecognizer(Labels, new AssistantSettings());
            sbyte[] at200 = { -128, -128, 72, -128 };
            FeedSteady(r, at200, 0, 100, 4);
            Assert.Equal(200, r.Result.Score);
            Assert.Equal("yes", r.Result.Label);
            Assert.False(r.Result.IsNewCommand);
            Assert.Equal(0, r.PreviousTopLabelIndex); // not a command: previous label untouched

            var r2 = new CommandRecognizer(Labels, new AssistantSettings());
            sbyte[] at201 = { -128, -128, 73, -128 };
            Assert.Single(FeedSteady(r2, at201, 0, 100, 4));
        }

        [Fact]
        public void TiesGoToTheLowestIndexAndAllZeroGivesLabelZero()
        {
            var r = Create(threshold: 0);
            sbyte[] tie = { -128, -128, 0, 0 };
            FeedSteady(r, tie, 0, 100, 4);
            Assert.Equal("yes", r.Result.Label);
            Assert.Equal(128, r.Result.Score);

            var r2 = Create(threshold: 0);
            sbyte[] zero = { -128, -128, -128, -128 };
            FeedSteady(r2, zero, 0, 100, 4);
            Assert.Equal(0, r2.Result.LabelIndex);
            Assert.Equal(0, r2.Result.Score);
            Assert.False(r2.Result.IsNewCommand); // 0 is not > threshold 0
        }

        [Fact]
        public void SameLabelRetriggersOnlyAfterMoreThanTheSuppressionTime()
        {
            var r = Create();
            // First at 300; next when t - 300 > 1500, i.e. 1900 (1800 is exactly 1500: suppressed); then 3500.
            var news = FeedSteady(r, Yes, 0, 100, 40);
            Assert.Equal(new[] { 300, 1900, 3500 }, news.ConvertAll(n => n.Time));
        }

        [Fact]
        public void SuppressedResultsDoNotRestartTheSuppressionTimer()
        {
            var r = Create();
            FeedSteady(r, Yes, 0, 100, 10);
            Assert.Equal(300, r.PreviousTopLabelTimeMs);
            Assert.Equal("yes", r.Result.Label);
            Assert.False(r.Result.IsNewCommand);
        }

        [Fact]
        public void ADifferentLabelTriggersDuringSuppression()
        {
            // Window 400 (quarter 100), minimum 2: yes at 0, 100 -> triggers at 100.
            // no from 200: at 500 the window [100, 500] holds 1 yes + 4 no, no = 4*255/5 = 204 > 200,
            // only 400 ms after yes but a different label.
            var r = Create(400, 200, 1500, 2);
            var yes = FeedSteady(r, Yes, 0, 100, 2);
            Assert.Equal(new[] { (100, "yes", 255) }, yes);
            var no = FeedSteady(r, No, 200, 100, 5);
            Assert.Equal(new[] { (500, "no", 204) }, no);
        }

        [Fact]
        public void BelowThresholdTopLabelIsReportedButDoesNotBecomePrevious()
        {
            var r = Create(400, 200, 1500, 2);
            FeedSteady(r, Yes, 0, 100, 2);
            FeedSteady(r, No, 200, 100, 2); // window [0, 300]: yes 127, no 127 -> tie to yes, below threshold
            Assert.Equal("yes", r.Result.Label);
            Assert.Equal(127, r.Result.Score);
            r.Process(No, 400); // [0, 400]: yes 102, no 153 -> no top, below threshold
            Assert.Equal("no", r.Result.Label);
            Assert.Equal(153, r.Result.Score);
            Assert.False(r.Result.IsNewCommand);
            Assert.Equal(2, r.PreviousTopLabelIndex);
            Assert.Equal(100, r.PreviousTopLabelTimeMs);
        }

        [Fact]
        public void SilenceAsPreviousTopLabelDisablesSuppression()
        {
            // TFLM: time since last top is "infinite" while the previous top label is label 0, so a steady
            // silence above threshold is a new command on every call once results are reliable.
            var r = Create();
            var news = FeedSteady(r, Silence, 0, 100, 8);
            Assert.Equal(new[] { 300, 400, 500, 600, 700 }, news.ConvertAll(n => n.Time));
            Assert.All(news, n => Assert.Equal("silence", n.Label));
        }

        [Fact]
        public void TimestampIsCheckedAgainstTheOldestResultNotTheNewest()
        {
            var r = Create();
            Assert.True(r.Process(Yes, 0));
            Assert.True(r.Process(Yes, 100));
            Assert.True(r.Process(Yes, 200));
            Assert.True(r.Process(Yes, 50)); // earlier than the newest, not than the oldest: accepted
            Assert.True(r.Process(Yes, 0));  // equal to the oldest: accepted
            Assert.Equal(5, r.QueuedCount);
            int before = r.Result.TimeMs;
            Assert.False(r.Process(Yes, -1));
            Assert.Equal(5, r.QueuedCount);
            Assert.Equal(before, r.Result.TimeMs); // rejected call leaves the result alone
        }

        [Fact]
        public void TheOldestMovesWithPruning()
        {
            var r = Create(1000);
            FeedSteady(r, Yes, 0, 100, 16); // 0..1500: prune keeps [500, 1500]
            Assert.Equal(11, r.QueuedCount);
            Assert.False(r.Process(Yes, 499));
            Assert.True(r.Process(Yes, 500));
        }

        [Fact]
        public void PruningKeepsResultsExactlyOneWindowOld()
        {
            var r = Create(1000);
            r.Process(Yes, 0);
            r.Process(Yes, 1000);
            Assert.Equal(2, r.QueuedCount); // 0 is not < 1000 - 1000
            r.Process(Yes, 1001);
            Assert.Equal(2, r.QueuedCount); // 0 pruned
        }

        [Fact]
        public void FullQueueDropsTheNewestResult()
        {
            // Every 10 ms with a 1000 ms window: 0..490 fill the 50 slots, and the result at 500 is refused
            // (TFLM's push_back on a full queue), so its strong "yes" does not reach the average.
            var r = Create(1000);
            FeedSteady(r, Silence, 0, 10, CommandRecognizer.MaxResults);
            Assert.Equal(50, r.QueuedCount);
            Assert.Equal(0, r.DroppedCount);
            Assert.True(r.Process(Yes, 500));
            Assert.Equal(50, r.QueuedCount);
            Assert.Equal(1, r.DroppedCount);
            Assert.Equal("silence", r.Result.Label);
            Assert.Equal(255, r.Result.Score); // would be 12750 / 51 = 250 had the result been kept
        }

        [Fact]
        public void FullQueueStillPrunesAfterADroppedResult()
        {
            var r = Create(1000);
            FeedSteady(r, Silence, 0, 20, 50); // 0..980 fill the queue
            Assert.True(r.Process(Yes, 1000));  // dropped; nothing older than 0
            Assert.Equal(50, r.QueuedCount);
            Assert.True(r.Process(Yes, 1020));  // dropped again (still full), then 0 pruned
            Assert.Equal(49, r.QueuedCount);
            Assert.Equal(2, r.DroppedCount);
            Assert.True(r.Process(Yes, 1040));  // kept, then 20 pruned
            Assert.Equal(49, r.QueuedCount);
            // Window: 40..980 silence (48) + 1040 yes -> yes = 255/49 = 5, silence = 48*255/49 = 249.
            Assert.Equal("silence", r.Result.Label);
            Assert.Equal(249, r.Result.Score);
        }

        [Fact]
        public void EmptyQueueAfterADroppedResultBailsSafely()
        {
            var r = new CommandRecognizer(Labels, 1000, 200, 1500, 0);
            FeedSteady(r, Yes, 0, 10, 50);
            Assert.True(r.Process(No, 100000)); // dropped, then everything pruned
            Assert.Equal(0, r.QueuedCount);
            Assert.Equal(0, r.Result.Score);
            Assert.False(r.Result.IsNewCommand);
        }

        [Fact]
        public void ExtraScoresAreIgnored()
        {
            var r = Create(threshold: 0);
            sbyte[] longer = { -128, -128, -128, 127, 127, 127 };
            FeedSteady(r, longer, 0, 100, 4);
            Assert.Equal("no", r.Result.Label);
            Assert.Equal(3, r.Result.LabelIndex);
        }

        [Fact]
        public void SettingsConstructorUsesTheSettings()
        {
            var s = new AssistantSettings { AverageWindowMs = 400, MinimumResultCount = 2, DetectionThreshold = 100, SuppressionMs = 200 };
            var r = new CommandRecognizer(Labels, s);
            // Quarter window 100, minimum 2: triggers at 100; suppression 200: again at 400 (300 > 200).
            var news = FeedSteady(r, Yes, 0, 100, 5);
            Assert.Equal(new[] { 100, 400 }, news.ConvertAll(n => n.Time));
        }

        [Fact]
        public void ResetRestoresTheInitialState()
        {
            var r = Create();
            FeedSteady(r, Yes, 0, 10, 60);
            r.Reset();
            Assert.Equal(0, r.QueuedCount);
            Assert.Equal(0, r.DroppedCount);
            Assert.Equal(0, r.PreviousTopLabelIndex);
            Assert.Equal(int.MinValue, r.PreviousTopLabelTimeMs);
            Assert.Equal("silence", r.Result.Label);
            Assert.True(r.Process(Yes, 0)); // earlier timestamps are fine again
        }

        [Fact]
        public void LabelsAreCopied()
        {
            var labels = (string[])Labels.Clone();
            var r = new CommandRecognizer(labels, new AssistantSettings());
            labels[2] = "changed";
            Assert.Equal("yes", r.GetLabel(2));
            Assert.Equal(4, r.LabelCount);
        }

        [Fact]
        public void InvalidParametersAreRejected()
        {
            Assert.Throws<ArgumentNullException>(() => new CommandRecognizer(null, new AssistantSettings()));
            Assert.Throws<ArgumentNullException>(() => new CommandRecognizer(Labels, null));
            Assert.Throws<ArgumentException>(() => new CommandRecognizer(new string[0], new AssistantSettings()));
            Assert.Throws<ArgumentException>(() => new CommandRecognizer(new[] { "a", null }, new AssistantSettings()));
            Assert.Throws<ArgumentException>(() => new CommandRecognizer(Labels, -1, 200, 1500, 3));
            Assert.Throws<ArgumentException>(() => new CommandRecognizer(Labels, 1000, 256, 1500, 3));
            Assert.Throws<ArgumentException>(() => new CommandRecognizer(Labels, 1000, -1, 1500, 3));
            Assert.Throws<ArgumentException>(() => new CommandRecognizer(Labels, 1000, 200, -1, 3));
            Assert.Throws<ArgumentException>(() => new CommandRecognizer(Labels, 1000, 200, 1500, -1));
        }

        [Fact]
        public void ProcessDoesNotAllocate()
        {
            var r = Create();
            FeedSteady(r, Yes, 0, 20, 100);
            int start = 2000;
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                for (int i = 0; i < 500; i++)
                {
                    r.Process(i % 7 == 0 ? No : Yes, start + i * 20);
                }

                start += 500 * 20;
            }));
        }
    }
}

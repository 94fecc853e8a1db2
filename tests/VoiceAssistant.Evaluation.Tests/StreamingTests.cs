using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Evaluation;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Evaluation.Tests
{
    public class StreamingTests
    {
        private static readonly string[] Labels = { "silence", "unknown", "yes", "no" };

        private static StreamingTestSet HandMade() => StreamingTestSet.FromRecording(new short[16000 * 60], new[]
        {
            new PlacedWord("yes", 1000, 1000),   // end 2000
            new PlacedWord("no", 5000, 1000),    // end 6000
            new PlacedWord("unknown", 9000, 1000),
            new PlacedWord("yes", 13000, 1000),  // end 14000
        });

        [Fact]
        public void MatchingCountsCorrectWrongMissedAndFalseAlarms()
        {
            var detections = new List<Detection>
            {
                new Detection("yes", 230, 2300),  // correct (|2000-2300| <= 750)
                new Detection("yes", 230, 2600),  // repeat of a matched word: false alarm
                new Detection("yes", 220, 6200),  // near "no": wrong label
                new Detection("no", 220, 10100),  // near the distractor: false alarm
                new Detection("yes", 210, 14751), // 751 ms after: outside the tolerance
            };
            StreamingResult r = StreamingEvaluator.Match(detections, HandMade());
            Assert.Equal(3, r.TargetWords);
            Assert.Equal(1, r.Correct);
            Assert.Equal(1, r.WrongLabel);
            Assert.Equal(3, r.FalseAlarms);
            Assert.Equal(2, r.Missed);
            Assert.Equal(2.0 / 3, r.FalseRejectRate, 12);
            Assert.Equal(4 * 60.0, r.FalseAcceptsPerHour, 9); // 4 in one minute
            Assert.Contains("false accepts 240.0 per hour", r.ToString());
        }

        [Fact]
        public void BuilderPlacesClipsAtTheirTimesOverNoise()
        {
            var yes = new short[16000];
            var no = new short[16000];
            Array.Fill(yes, (short)1000);
            Array.Fill(no, (short)-2000);
            var noise = new short[] { 100, -100 };
            StreamingTestSet set = StreamingTestSet.Build(new[] { new LabeledClip("yes", yes), new LabeledClip("no", no) }, noise, 60, 7, 0.5f);
            Assert.Equal(60 * 16000, set.Audio.Length);
            Assert.True(set.Words.Count >= 16);
            Assert.Equal(50, set.Audio[0]);
            int previous = -1500; // the first clip starts at meanGap / 2 = 1500 ms
            foreach (PlacedWord w in set.Words)
            {
                Assert.InRange(w.StartMs - previous, 2500, 3500);
                previous = w.StartMs;
                int s = w.StartMs * 16;
                short expected = (short)((w.Label == "yes" ? 1000 : -2000) + (s % 2 == 0 ? 50 : -50));
                Assert.Equal(expected, set.Audio[s]);
                Assert.Equal(expected, set.Audio[s + 16000 - 2]);
            }
        }

        [Fact]
        public void SaveAndLoadKeepAudioAndWords()
        {
            string dir = Path.Combine(Path.GetTempPath(), "va-stream-" + Guid.NewGuid().ToString("N"));
            try
            {
                var clip = new short[16000];
                clip[100] = 1234;
                StreamingTestSet set = StreamingTestSet.Build(new[] { new LabeledClip("yes", clip), new LabeledClip("unknown", clip) }, new short[] { 7 }, 30, 1);
                string wav = Path.Combine(dir, "stream.wav");
                set.Save(wav);
                string csv = Path.Combine(dir, "stream.words.csv");
                Assert.StartsWith("label,start_ms,length_ms,word_end_ms\n", File.ReadAllText(csv).Replace("\r", string.Empty));
                StreamingTestSet back = StreamingTestSet.Load(wav);
                Assert.Equal(set.Audio, back.Audio);
                Assert.Equal(set.Words.Select(w => (w.Label, w.StartMs, w.LengthMs, w.WordEndOffsetMs)), back.Words.Select(w => (w.Label, w.StartMs, w.LengthMs, w.WordEndOffsetMs)));

                // The one non-zero sample (100) lies in the first 10 ms frame: every word ends at 10 ms.
                Assert.All(back.Words, w => Assert.Equal(w.StartMs + 10, w.WordEndMs));

                // A list of the older three columns loads with unknown word ends; a bad fourth column is refused.
                File.WriteAllText(csv, "label,start_ms,length_ms\nyes,1500,1000\n");
                Assert.Null(Assert.Single(StreamingTestSet.Load(wav).Words).WordEndMs);
                File.WriteAllText(csv, "label,start_ms,length_ms,word_end_ms\nyes,1500,1000,x\n");
                Assert.Throws<InvalidDataException>(() => StreamingTestSet.Load(wav));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void OracleSpotterThroughTheCorePipelineFindsEveryWord()
        {
            var rng = new Random(3);
            var clips = new List<LabeledClip>();
            foreach (string label in new[] { "yes", "no", "unknown" })
            {
                var s = new short[16000];
                for (int i = 0; i < s.Length; i++)
                {
                    s[i] = (short)rng.Next(-3000, 3000);
                }

                clips.Add(new LabeledClip(label, s));
            }

            StreamingTestSet set = StreamingTestSet.Build(clips, null, 120, 9, meanGapMs: 4000, jitterMs: 0);
            PlacedWord yes = set.Words.First(w => w.Label == "yes");
            var spotter = new OracleSpotter(set, falseBurstAtMs: yes.EndMs + 500);
            StreamingResult r = StreamingEvaluator.Evaluate(spotter, set, new AssistantSettings());
            int targets = 0;
            foreach (PlacedWord w in set.Words)
            {
                targets += w.IsTarget ? 1 : 0;
            }

            Assert.Equal(targets, r.TargetWords);
            Assert.True(targets >= 15);
            Assert.Equal(targets, r.Correct);
            Assert.Equal(0, r.WrongLabel);
            Assert.Equal(1, r.FalseAlarms);
            Assert.Equal(0, r.FalseRejectRate);
            Assert.Equal(30.0, r.FalseAcceptsPerHour, 9);
            Assert.All(r.Detections, d => Assert.NotEqual("unknown", d.Label));
            Assert.Equal(r.Correct + r.FalseAlarms, r.Detections.Count);
        }

        /// <summary>Scores the label of the clip the window currently ends in (ground truth), optionally a false "no" burst.</summary>
        private sealed class OracleSpotter : ScriptedSpotterBase
        {
            private readonly StreamingTestSet set;
            private readonly int falseBurstAtMs;
            private long samples;

            public OracleSpotter(StreamingTestSet set, int falseBurstAtMs)
                : base(StreamingTests.Labels)
            {
                this.set = set;
                this.falseBurstAtMs = falseBurstAtMs;
            }

            public override int PushAudio(byte[] raw, int offset, int count)
            {
                long before = samples;
                samples += count / 2;
                return (int)(Rows(samples) - Rows(before));
            }

            public override void Invoke(sbyte[] scores)
            {
                int now = (int)(samples * 1000 / 16000);
                string label = "silence";
                foreach (PlacedWord w in set.Words)
                {
                    if (now >= w.StartMs + 200 && now <= w.EndMs + 200)
                    {
                        label = w.Label;
                    }
                }

                if (now >= falseBurstAtMs && now < falseBurstAtMs + 1000)
                {
                    label = "no";
                }

                for (int i = 0; i < scores.Length; i++)
                {
                    scores[i] = Labels[i] == label ? (sbyte)127 : (sbyte)-128;
                }
            }

            public override void Reset() => samples = 0;

            private static long Rows(long n) => n < 480 ? 0 : 1 + (n - 480) / 320;
        }
    }
}

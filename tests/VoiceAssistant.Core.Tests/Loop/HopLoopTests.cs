using System;
using System.Collections.Generic;
using System.Linq;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Loop;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Core.Tests.Actions;
using Xunit;

namespace VoiceAssistant.Core.Tests.Loop
{
    /// <summary>The one per-hop loop of the board and the PC twin, with scripted parts (times worked out by hand).</summary>
    public class HopLoopTests
    {
        private static readonly string[] Labels = { "_silence_", "_unknown_", "yes", "no" };

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void InvokesOnceTheWindowIsFullThenEveryNRowsAtTheEndOfTheHop(int every)
        {
            var settings = new AssistantSettings { InvokeEveryRows = every };
            var spotter = new OneRowPerHopSpotter(topLabel: 0);
            var loop = HopLoop.Wire(settings, Labels, new ToneSource(hops: 100), spotter, new StatusLed(null, null), new FakeReporter(), null);
            loop.Run();

            // One row per hop: the window (49 rows) is full after hop 49, i.e. at 49 × 20 ms = 980 ms.
            Assert.Equal(100, loop.Hops);
            Assert.Equal(2000, loop.ElapsedMs);
            Assert.Equal(980, spotter.InvokeTimes[0]);
            Assert.All(spotter.InvokeTimes.Zip(spotter.InvokeTimes.Skip(1)), p => Assert.Equal(every * 20, p.Second - p.First));
            Assert.Equal(1 + ((100 - 49) / every), loop.Invocations);
        }

        [Fact]
        public void ACommandIsReportedAndLightsTheLedAtTheHopTime()
        {
            var settings = new AssistantSettings();
            var reporter = new FakeReporter();
            var output = new RecordingOutput();
            var spotter = new OneRowPerHopSpotter(topLabel: 2);
            var loop = HopLoop.Wire(settings, Labels, new ToneSource(hops: 100), spotter, new StatusLed(output, reporter), reporter, null);
            output.Clock = () => loop.ElapsedMs;
            loop.Run();

            // "yes" at full score from the first inference (980 ms), then every 3rd row (the default): 1040, 1100, 1160,
            // 1220, 1280 ms. The recogniser wants its results to span at least AverageWindowMs / 4 = 250 ms: at 1220 they
            // span 240 ms, at 1280 300 ms, so the first answer comes at 1280 ms.
            Assert.Equal(3, settings.InvokeEveryRows);
            Assert.Equal(new[] { "DETECT yes 255 1280", "LED On" }, reporter.Lines.Where(l => !l.StartsWith("MIC ", StringComparison.Ordinal)));
            Assert.Equal(new[] { (20L, false), (1280L, true) }, output.Writes);
            Assert.Equal(1, loop.Detections);
        }

        [Fact]
        public void AConstantMicrophoneIsReportedAndShownOnTheLed()
        {
            var settings = new AssistantSettings { DeadMicrophoneSeconds = 2 };
            var reporter = new FakeReporter();
            var output = new RecordingOutput();
            var loop = HopLoop.Wire(settings, Labels, new ToneSource(hops: 150, amplitude: 0), new OneRowPerHopSpotter(0),
                new StatusLed(output, reporter), reporter, null);
            output.Clock = () => loop.ElapsedMs;
            loop.Run();

            Assert.Equal("MIC level 0..0", reporter.Lines[0]);
            Assert.StartsWith("MIC warning: microphone delivers a constant value", reporter.Lines[1]);
            Assert.Single(reporter.Lines, l => l.StartsWith("MIC dead: ", StringComparison.Ordinal));

            // The check sees each hop's range (0..0: constant) and counts its 320 samples: 2 s = 32,000 samples after
            // 100 hops, dead at the hop ending at 2000 ms. From then on the microphone pattern: lit during 0-99 and 200-299 ms of each second.
            Assert.Equal(new[] { (20L, false), (2000L, true), (2100L, false), (2200L, true), (2300L, false) }, output.Writes.Take(5));
        }

        [Fact]
        public void TheStartupLevelIsTheRangeOfEverySampleOfTheFirstSecond()
        {
            // A ±1000 square wave: every hop's range is -1000..1000, reported once after 50 hops.
            var reporter = new FakeReporter();
            var loop = HopLoop.Wire(new AssistantSettings(), Labels, new ToneSource(hops: 60), new OneRowPerHopSpotter(0), new StatusLed(null, null), reporter, null);
            loop.Run();
            Assert.Equal(new[] { "MIC level -1000..1000" }, reporter.Lines.Where(l => l.StartsWith("MIC ", StringComparison.Ordinal)));
        }

        [Fact]
        public void ALoopSlowerThanRealTimeIsReported()
        {
            var settings = new AssistantSettings();
            var reporter = new FakeReporter();
            var clock = new SteppingClock(TimeSpan.FromMilliseconds(25).Ticks);
            var loop = HopLoop.Wire(settings, Labels, new ToneSource(hops: 50), new OneRowPerHopSpotter(0), new StatusLed(null, null), reporter, clock);
            loop.Run();

            // 25 ms busy per 20 ms hop for 50 hops: average 25000 µs, all 50 over budget, 250 ms behind.
            Assert.Contains("LAG 25000 25000 50/50 250000 (loop behind real time: audio is being dropped)", reporter.Lines);
        }

        [Fact]
        public void InvokeEveryRowsBelowOneIsRefusedWithItsValue()
        {
            var settings = new AssistantSettings { InvokeEveryRows = 0 };
            var e = Assert.Throws<ArgumentException>(() => HopLoop.Wire(settings, Labels, new ToneSource(1), new OneRowPerHopSpotter(0), new StatusLed(null, null), new FakeReporter(), null));
            Assert.StartsWith("InvokeEveryRows must be at least 1 but is 0", e.Message);
        }

        [Fact]
        public void AnEndedSourceEndsTheRunWithoutAHop()
        {
            var loop = HopLoop.Wire(new AssistantSettings(), Labels, new ToneSource(0), new OneRowPerHopSpotter(0), new StatusLed(null, null), new FakeReporter(), null);
            Assert.False(loop.RunHop());
            Assert.Equal(0, loop.Hops);
        }

        /// <summary>Hops of a square wave (or silence), then the end.</summary>
        private sealed class ToneSource : IAudioSource
        {
            private readonly short amplitude;
            private int left;

            public ToneSource(int hops, short amplitude = 1000)
            {
                left = hops;
                this.amplitude = amplitude;
            }

            public bool Read(byte[] buffer, int count)
            {
                if (left-- <= 0)
                {
                    return false;
                }

                for (int i = 0; i + 1 < count; i += 2)
                {
                    short s = (i / 2) % 2 == 0 ? amplitude : (short)-amplitude;
                    buffer[i] = (byte)s;
                    buffer[i + 1] = (byte)(s >> 8);
                }

                return true;
            }
        }

        /// <summary>One feature row per push; scores with one label at 255 (int8 127); levels of the pushed 16-bit samples.</summary>
        private sealed class OneRowPerHopSpotter : IKeywordSpotter
        {
            private readonly int top;
            private int hops;
            private int samples;
            private int minimum;
            private int maximum;

            public OneRowPerHopSpotter(int topLabel) => top = topLabel;

            public List<int> InvokeTimes { get; } = new List<int>();

            public string[] Labels => HopLoopTests.Labels;

            public float InputScale => 1f;

            public int InputZeroPoint => 0;

            public int PushAudio(byte[] raw, int offset, int count)
            {
                hops++;
                samples = count / 2;
                minimum = short.MaxValue;
                maximum = short.MinValue;
                for (int i = 0; i < samples; i++)
                {
                    short s = (short)(raw[offset + 2 * i] | (raw[offset + 2 * i + 1] << 8));
                    minimum = Math.Min(minimum, s);
                    maximum = Math.Max(maximum, s);
                }

                return 1;
            }

            public int GetLevels(int[] levels)
            {
                levels[0] = minimum;
                levels[1] = maximum;
                return samples;
            }

            public void Invoke(sbyte[] scores)
            {
                InvokeTimes.Add(hops * 20);
                for (int i = 0; i < scores.Length; i++)
                {
                    scores[i] = i == top ? (sbyte)127 : (sbyte)-128;
                }
            }

            public void Reset() => hops = 0;
        }

        private sealed class SteppingClock : IHopClock
        {
            private readonly long step;
            private long now;
            private bool started;

            public SteppingClock(long step) => this.step = step;

            // Each hop reads the clock twice (start, end): the second read is one step later.
            public long Ticks
            {
                get
                {
                    if (started)
                    {
                        now += step;
                    }

                    started = !started;
                    return now;
                }
            }
        }
    }

    /// <summary>Records what the LED output was told, with the time of the loop's hop.</summary>
    internal sealed class RecordingOutput : ILedOutput
    {
        public List<(long, bool)> Writes { get; } = new List<(long, bool)>();

        public Func<long> Clock { get; set; } = () => 0;

        public void Show(bool lit) => Writes.Add((Clock(), lit));
    }
}

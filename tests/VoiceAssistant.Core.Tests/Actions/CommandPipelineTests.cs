using System;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Actions
{
    public class CommandPipelineTests
    {
        private static readonly string[] Labels = { "silence", "unknown", "yes", "no", "marvin" };
        private static readonly sbyte[] Silence = { 127, -128, -128, -128, -128 };
        private static readonly sbyte[] Unknown = { -128, 127, -128, -128, -128 };
        private static readonly sbyte[] Yes = { -128, -128, 127, -128, -128 };
        private static readonly sbyte[] No = { -128, -128, -128, 127, -128 };
        private static readonly sbyte[] Marvin = { -128, -128, -128, -128, 127 };

        private readonly FakeLed _led = new FakeLed();
        private readonly FakeReporter _reporter = new FakeReporter();

        private CommandPipeline Create(AssistantSettings settings = null)
        {
            return new CommandPipeline(Labels, settings ?? new AssistantSettings(), _led, _reporter);
        }

        private static int Feed(CommandPipeline p, sbyte[] scores, int start, int step, int count)
        {
            int detections = 0;
            for (int i = 0; i < count; i++)
            {
                if (p.Process(scores, start + i * step))
                {
                    detections++;
                }
            }

            return detections;
        }

        [Fact]
        public void YesThenNoWithDefaultSettings()
        {
            var p = Create();
            Assert.Equal(1, Feed(p, Yes, 0, 100, 10));
            Assert.Equal(LedState.On, _led.Current);
            // Default threshold 200: window [t-1000, t] needs 9 of 11 "no" results: 9*255/11 = 208 at 1800.
            Assert.Equal(1, Feed(p, No, 1000, 100, 10));
            Assert.Equal(LedState.Off, _led.Current);
            Assert.Equal(new[] { "DETECT yes 255 300", "DETECT no 208 1800" }, _reporter.Lines);
            Assert.Equal(CommandOutcome.Performed, p.LastOutcome);
        }

        [Fact]
        public void SilenceAndUnknownAreNeitherReportedNorActedOn()
        {
            var p = Create();
            Assert.Equal(0, Feed(p, Silence, 0, 100, 30));
            // The recogniser itself flags silence as new (TFLM quirk) but the pipeline drops it.
            Assert.True(p.Recognizer.Result.IsNewCommand);
            Assert.Equal(0, Feed(p, Unknown, 3000, 100, 30));
            Assert.Equal("unknown", p.Recognizer.Result.Label);
            Assert.Empty(_reporter.Lines);
            Assert.Empty(_led.States);
        }

        [Fact]
        public void WakeWordScript()
        {
            var p = Create(new AssistantSettings { WakeLabel = "marvin", WakeTimeoutMs = 3000 });
            Assert.Equal(1, Feed(p, Yes, 0, 100, 10)); // reported but ignored while idle
            Assert.Equal(CommandOutcome.Ignored, p.LastOutcome);
            Assert.Empty(_led.States);

            Feed(p, Silence, 1000, 100, 20); // let the window forget "yes"
            Assert.Equal(1, Feed(p, Marvin, 3000, 100, 10));
            Assert.Equal(CommandOutcome.Woke, p.LastOutcome);
            Assert.Equal(LedState.Listening, _led.Current);

            Assert.Equal(1, Feed(p, Yes, 4000, 100, 10));
            Assert.Equal(CommandOutcome.Performed, p.LastOutcome);
            Assert.Equal(LedState.On, _led.Current);
            Assert.Equal(AssistantState.Idle, p.StateMachine.State);

            // Hand-derived: windows hold 11 results at 100 ms; a label needs 9 of 11 (9*255/11 = 208 > 200),
            // so marvin triggers at 3800 and the second yes at 4800.
            Assert.Equal(new[] { "DETECT yes 255 300", "DETECT marvin 208 3800", "WAKE 3800", "DETECT yes 208 4800" }, _reporter.Lines);
        }

        [Fact]
        public void WakeTimesOutThroughProcessAndTick()
        {
            var p = Create(new AssistantSettings { WakeLabel = "marvin", WakeTimeoutMs = 1000 });
            Feed(p, Marvin, 0, 100, 5); // triggers at 300
            Assert.Equal(AssistantState.Armed, p.StateMachine.State);
            Assert.False(p.Tick(1299));
            Assert.True(p.Tick(1300));
            Assert.Equal(AssistantState.Idle, p.StateMachine.State);
            Assert.Equal(new[] { "DETECT marvin 255 300", "WAKE 300", "IDLE 1300" }, _reporter.Lines);
            Assert.Equal(new[] { LedState.Listening, LedState.Off }, _led.States);
        }

        [Fact]
        public void OutOfOrderTimestampsAreCountedAndIgnored()
        {
            var p = Create();
            p.Process(Yes, 100);
            Assert.False(p.Process(Yes, 50));
            Assert.Equal(1, p.RejectedCount);
            p.Reset();
            Assert.Equal(0, p.RejectedCount);
            Assert.Equal(0, p.Recognizer.QueuedCount);
        }

        [Fact]
        public void CustomMapIsUsed()
        {
            var map = new CommandActionMap();
            map.Set("no", ActionKind.LedOn);
            var p = new CommandPipeline(Labels, new AssistantSettings(), map, _led, _reporter);
            Feed(p, No, 0, 100, 5);
            Assert.Equal(new[] { LedState.On }, _led.States);
        }

        [Fact]
        public void InvalidConfigurationsAreRejected()
        {
            Assert.Throws<ArgumentException>(() => new CommandPipeline(Labels, new AssistantSettings { WakeLabel = "hey" }, _led, _reporter));
            Assert.Throws<ArgumentException>(() => new CommandPipeline(new[] { "silence", "turn on" }, new AssistantSettings(), _led, _reporter));
            Assert.Throws<ArgumentNullException>(() => new CommandPipeline(null, new AssistantSettings(), _led, _reporter));
            Assert.Throws<ArgumentNullException>(() => new CommandPipeline(Labels, null, _led, _reporter));
        }

        [Fact]
        public void ProcessWithoutDetectionDoesNotAllocate()
        {
            var p = Create(new AssistantSettings { WakeLabel = "marvin" });
            Feed(p, Unknown, 0, 20, 100);
            int start = 2000;
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                Feed(p, Unknown, start, 20, 500);
                Feed(p, Silence, start + 10000, 20, 500);
                start += 20000;
            }));
        }
    }
}

using System;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Settings;
using Xunit;

namespace VoiceAssistant.Core.Tests.Actions
{
    public class AssistantStateMachineTests
    {
        private readonly FakeLed _led = new FakeLed();
        private readonly FakeReporter _reporter = new FakeReporter();

        private AssistantStateMachine Create(string wakeLabel = null, int timeoutMs = 5000)
        {
            var settings = new AssistantSettings { WakeLabel = wakeLabel, WakeTimeoutMs = timeoutMs };
            return new AssistantStateMachine(settings, CommandActionMap.CreateDefault(), _led, _reporter);
        }

        [Fact]
        public void DirectModeActsOnEveryCommand()
        {
            var m = Create();
            Assert.Equal(AssistantState.Direct, m.State);
            Assert.Equal(CommandOutcome.Performed, m.OnCommand("yes", 100));
            Assert.Equal(LedState.On, _led.Current);
            Assert.Equal(ActionKind.LedOn, m.LastAction);
            Assert.Equal(CommandOutcome.Performed, m.OnCommand("no", 200));
            Assert.Equal(LedState.Off, _led.Current);
            Assert.Equal(CommandOutcome.Performed, m.OnCommand("yes", 300));
            Assert.Equal(new[] { LedState.On, LedState.Off, LedState.On }, _led.States);
            Assert.Equal(AssistantState.Direct, m.State);
            Assert.Empty(_reporter.Lines);
        }

        [Theory]
        [InlineData("silence")]
        [InlineData("unknown")]
        [InlineData("_silence_")]
        [InlineData("_unknown_")]
        [InlineData(null)]
        public void BackgroundLabelsNeverAct(string label)
        {
            var direct = Create();
            Assert.Equal(CommandOutcome.Ignored, direct.OnCommand(label, 0));

            var map = CommandActionMap.CreateDefault();
            if (label != null)
            {
                map.Set(label, ActionKind.LedOn); // even when someone maps them
            }

            var mapped = new AssistantStateMachine(new AssistantSettings(), map, _led, _reporter);
            Assert.Equal(CommandOutcome.Ignored, mapped.OnCommand(label, 0));
            Assert.Empty(_led.States);
            Assert.Empty(_reporter.Lines);
        }

        [Fact]
        public void UnmappedCommandInDirectMode()
        {
            var m = Create();
            Assert.Equal(CommandOutcome.Unmapped, m.OnCommand("up", 0));
            Assert.Empty(_led.States);
        }

        [Fact]
        public void WakeWordScript()
        {
            var m = Create("marvin", 5000);
            Assert.Equal(AssistantState.Idle, m.State);

            Assert.Equal(CommandOutcome.Ignored, m.OnCommand("yes", 500));
            Assert.Empty(_led.States);

            Assert.Equal(CommandOutcome.Woke, m.OnCommand("marvin", 1000));
            Assert.Equal(AssistantState.Armed, m.State);
            Assert.Equal(1000, m.ArmedAtMs);
            Assert.Equal(LedState.Listening, _led.Current);

            Assert.Equal(CommandOutcome.Performed, m.OnCommand("yes", 2000));
            Assert.Equal(AssistantState.Idle, m.State);
            Assert.Equal(LedState.On, _led.Current);

            Assert.Equal(CommandOutcome.Ignored, m.OnCommand("no", 3000)); // one command per wake
            Assert.Equal(LedState.On, _led.Current);

            Assert.Equal(CommandOutcome.Woke, m.OnCommand("marvin", 4000));
            Assert.Equal(CommandOutcome.Performed, m.OnCommand("no", 4500));
            Assert.Equal(new[] { LedState.Listening, LedState.On, LedState.Listening, LedState.Off }, _led.States);
            Assert.Equal(new[] { "WAKE 1000", "WAKE 4000" }, _reporter.Lines);
        }

        [Fact]
        public void TimeoutReturnsToIdleAndRestoresTheLed()
        {
            var m = Create("marvin", 5000);
            m.OnCommand("marvin", 0);
            m.OnCommand("yes", 100); // LED on
            m.OnCommand("marvin", 4000);
            Assert.False(m.Tick(8999));
            Assert.Equal(AssistantState.Armed, m.State);
            Assert.True(m.Tick(9000));
            Assert.Equal(AssistantState.Idle, m.State);
            Assert.Equal(LedState.On, _led.Current); // back to what the last command set
            Assert.False(m.Tick(20000));
            Assert.Equal(new[] { "WAKE 0", "WAKE 4000", "IDLE 9000" }, _reporter.Lines);
        }

        [Fact]
        public void CommandAtTheTimeoutIsTooLate()
        {
            var m = Create("marvin", 5000);
            m.OnCommand("marvin", 1000);
            Assert.Equal(CommandOutcome.Ignored, m.OnCommand("yes", 6000));
            Assert.Equal(AssistantState.Idle, m.State);
            Assert.Equal(new[] { LedState.Listening, LedState.Off }, _led.States);
            Assert.Equal(new[] { "WAKE 1000", "IDLE 6000" }, _reporter.Lines);

            m.OnCommand("marvin", 7000);
            Assert.Equal(CommandOutcome.Performed, m.OnCommand("yes", 11999));
        }

        [Fact]
        public void WakeWordWhileArmedRestartsTheTimer()
        {
            var m = Create("marvin", 5000);
            m.OnCommand("marvin", 0);
            Assert.Equal(CommandOutcome.Woke, m.OnCommand("marvin", 4000));
            Assert.False(m.Tick(5000));
            Assert.False(m.Tick(8999));
            Assert.True(m.Tick(9000));
        }

        [Fact]
        public void UnmappedCommandWhileArmedEndsListening()
        {
            var m = Create("marvin", 5000);
            m.OnCommand("marvin", 0);
            Assert.Equal(CommandOutcome.Unmapped, m.OnCommand("up", 100));
            Assert.Equal(AssistantState.Idle, m.State);
            Assert.Equal(new[] { LedState.Listening, LedState.Off }, _led.States);
        }

        [Fact]
        public void BackgroundLabelWhileArmedKeepsListening()
        {
            var m = Create("marvin", 5000);
            m.OnCommand("marvin", 0);
            Assert.Equal(CommandOutcome.Ignored, m.OnCommand("unknown", 100));
            Assert.Equal(AssistantState.Armed, m.State);
        }

        [Fact]
        public void TimeoutSurvivesMillisecondCounterWrap()
        {
            var m = Create("marvin", 5000);
            int start = int.MaxValue - 1000;
            m.OnCommand("marvin", start);
            Assert.False(m.Tick(unchecked(start + 4999)));
            Assert.Equal(AssistantState.Armed, m.State);
            Assert.True(m.Tick(unchecked(start + 5000)));
        }

        [Fact]
        public void ResetGoesBackToTheInitialState()
        {
            var m = Create("marvin", 5000);
            m.OnCommand("marvin", 0);
            m.OnCommand("yes", 1);
            m.OnCommand("marvin", 2);
            m.Reset();
            Assert.Equal(AssistantState.Idle, m.State);
            Assert.Equal(LedState.Off, _led.Current);
            Assert.Equal(LedState.Off, m.CommandLedState);
            Assert.Equal(ActionKind.None, m.LastAction);

            var d = Create();
            d.OnCommand("yes", 0);
            d.Reset();
            Assert.Equal(AssistantState.Direct, d.State);
        }

        [Theory]
        [InlineData("silence", 5000)]
        [InlineData("_unknown_", 5000)]
        [InlineData("", 5000)]
        [InlineData("two words", 5000)]
        [InlineData("marvin", 0)]
        public void InvalidWakeSettingsAreRejected(string wake, int timeout)
        {
            Assert.Throws<ArgumentException>(() => Create(wake, timeout));
        }

        [Fact]
        public void NullArgumentsAreRejected()
        {
            var s = new AssistantSettings();
            var map = new CommandActionMap();
            Assert.Throws<ArgumentNullException>(() => new AssistantStateMachine(null, map, _led, _reporter));
            Assert.Throws<ArgumentNullException>(() => new AssistantStateMachine(s, null, _led, _reporter));
            Assert.Throws<ArgumentNullException>(() => new AssistantStateMachine(s, map, null, _reporter));
            Assert.Throws<ArgumentNullException>(() => new AssistantStateMachine(s, map, _led, null));
        }

        [Fact]
        public void CustomMapping()
        {
            var map = new CommandActionMap();
            map.Set("on", ActionKind.LedOn);
            map.Set("off", ActionKind.LedOff);
            var m = new AssistantStateMachine(new AssistantSettings(), map, _led, _reporter);
            Assert.Equal(CommandOutcome.Unmapped, m.OnCommand("yes", 0));
            Assert.Equal(CommandOutcome.Performed, m.OnCommand("on", 1));
            Assert.Equal(CommandOutcome.Performed, m.OnCommand("off", 2));
            Assert.Equal(new[] { LedState.On, LedState.Off }, _led.States);
        }
    }
}

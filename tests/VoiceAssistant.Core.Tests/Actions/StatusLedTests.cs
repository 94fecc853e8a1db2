using System.Collections.Generic;
using VoiceAssistant.Core.Actions;
using Xunit;

namespace VoiceAssistant.Core.Tests.Actions
{
    /// <summary>The LED's patterns, worked out by hand from their definitions (period 1 s; error 200 ms).</summary>
    public class StatusLedTests
    {
        [Fact]
        public void WritesOnlyChangesAndReportsEveryState()
        {
            var output = new Output();
            var reporter = new FakeReporter();
            var led = new StatusLed(output, reporter);
            led.Update(0);
            led.Update(20);
            led.SetState(LedState.On);
            led.Update(40);
            led.Update(60);
            led.SetState(LedState.Off);
            led.Update(80);
            Assert.Equal(new[] { false, true, false }, output.Levels);
            Assert.Equal(new[] { "LED On", "LED Off" }, reporter.Lines);
        }

        [Theory]
        [InlineData(LedPattern.Listening, new[] { 0, 499 }, new[] { 500, 999 })]
        [InlineData(LedPattern.Microphone, new[] { 0, 99, 200, 299 }, new[] { 100, 199, 300, 999 })]
        [InlineData(LedPattern.Error, new[] { 0, 99, 200, 1299 }, new[] { 100, 199, 1100 })]
        public void PatternsLightAtTheirPhases(LedPattern pattern, int[] lit, int[] dark)
        {
            foreach (int t in lit)
            {
                Assert.True(LevelAt(pattern, t), $"{pattern} at {t} ms");
            }

            foreach (int t in dark)
            {
                Assert.False(LevelAt(pattern, t), $"{pattern} at {t} ms");
            }
        }

        [Fact]
        public void AFaultOverridesTheStateUntilCleared()
        {
            var output = new Output();
            var led = new StatusLed(output, null);
            led.SetState(LedState.On);
            led.SetFault(LedPattern.Error);
            led.Update(150);
            led.SetFault(LedPattern.Off);
            led.Update(170);
            Assert.Equal(new[] { false, true }, output.Levels);
        }

        [Fact]
        public void NoOutputMeansNothingIsDriven()
        {
            var led = new StatusLed(null, null);
            led.SetState(LedState.On);
            led.Update(0);
            Assert.Equal(LedPattern.On, led.State);
        }

        private static bool LevelAt(LedPattern pattern, int timeMs)
        {
            var output = new Output();
            var led = new StatusLed(output, null);
            if (pattern == LedPattern.Listening)
            {
                led.SetState(LedState.Listening);
            }
            else
            {
                led.SetFault(pattern);
            }

            led.Update(timeMs);
            return output.Levels[^1];
        }

        private sealed class Output : ILedOutput
        {
            public List<bool> Levels { get; } = new List<bool>();

            public void Show(bool lit) => Levels.Add(lit);
        }
    }
}

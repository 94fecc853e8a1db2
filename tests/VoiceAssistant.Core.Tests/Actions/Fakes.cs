using System.Collections.Generic;
using VoiceAssistant.Core.Actions;

namespace VoiceAssistant.Core.Tests.Actions
{
    /// <summary>Records every LED state it is asked to show.</summary>
    public sealed class FakeLed : ILed
    {
        public List<LedState> States { get; } = new List<LedState>();

        public LedState? Current => States.Count == 0 ? null : States[^1];

        public void SetState(LedState state) => States.Add(state);
    }

    /// <summary>Records every reported line.</summary>
    public sealed class FakeReporter : IReporter
    {
        public List<string> Lines { get; } = new List<string>();

        public void WriteLine(string line) => Lines.Add(line);
    }
}

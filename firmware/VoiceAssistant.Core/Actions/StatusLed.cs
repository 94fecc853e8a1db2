namespace VoiceAssistant.Core.Actions
{
    /// <summary>
    /// The status LED's logic: the assistant's state, fault patterns over it, and the blink timing. Patterns are
    /// advanced by <see cref="Update"/> from the hop loop (or the fault loop), so no timer or thread is needed; the
    /// output is written only on change, since on the board a GPIO write is a native call.
    /// </summary>
    /// <remarks>
    /// Every state the assistant sets is also reported as an <c>LED &lt;state&gt;</c> line, so the board's serial
    /// output and the PC twin show the same actions.
    /// </remarks>
    public sealed class StatusLed : ILed
    {
        private readonly ILedOutput _output;
        private readonly IReporter _reporter;
        private LedPattern _state = LedPattern.Off;
        private LedPattern _fault = LedPattern.Off;
        private bool _lit;
        private bool _written;

        /// <summary>Creates the LED, dark until the first <see cref="Update"/>.</summary>
        /// <param name="output">The physical LED, or null when there is none (nothing is driven).</param>
        /// <param name="reporter">Where state changes are reported, or null.</param>
        public StatusLed(ILedOutput output, IReporter reporter)
        {
            _output = output;
            _reporter = reporter;
        }

        /// <summary>The pattern for the assistant's state (faults aside).</summary>
        public LedPattern State
        {
            get { return _state; }
        }

        /// <summary>The fault pattern shown over the state, or <see cref="LedPattern.Off"/>.</summary>
        public LedPattern Fault
        {
            get { return _fault; }
        }

        /// <inheritdoc />
        public void SetState(LedState state)
        {
            _state = state == LedState.On ? LedPattern.On : state == LedState.Listening ? LedPattern.Listening : LedPattern.Off;
            if (_reporter != null)
            {
                _reporter.WriteLine(state == LedState.On ? "LED On" : state == LedState.Listening ? "LED Listening" : "LED Off");
            }
        }

        /// <summary>Shows a fault pattern (<see cref="LedPattern.Microphone"/> or <see cref="LedPattern.Error"/>) over the state; Off clears it.</summary>
        /// <param name="pattern">Fault pattern.</param>
        public void SetFault(LedPattern pattern)
        {
            _fault = pattern;
        }

        /// <summary>Drives the output for time <paramref name="timeMs"/>.</summary>
        /// <param name="timeMs">Milliseconds (any monotonic clock).</param>
        public void Update(int timeMs)
        {
            LedPattern p = _fault != LedPattern.Off ? _fault : _state;
            int phase = timeMs % 1000;
            bool lit;
            switch (p)
            {
                case LedPattern.On: lit = true; break;
                case LedPattern.Listening: lit = phase < 500; break;
                case LedPattern.Microphone: lit = phase < 100 || (phase >= 200 && phase < 300); break;
                case LedPattern.Error: lit = (timeMs % 200) < 100; break;
                default: lit = false; break;
            }

            if (_output == null || (_written && lit == _lit))
            {
                return;
            }

            _lit = lit;
            _written = true;
            _output.Show(lit);
        }
    }
}

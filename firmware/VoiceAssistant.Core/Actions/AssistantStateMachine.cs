using System;
using VoiceAssistant.Core.Recognition;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Actions
{
    /// <summary>
    /// Decides what a detected command does: directly (no wake word), or only while armed by the wake word.
    /// </summary>
    /// <remarks>
    /// With <see cref="AssistantSettings.WakeLabel"/> null the machine stays in <see cref="AssistantState.Direct"/>.
    /// Otherwise: Idle --wake--&gt; Armed (LED <see cref="LedState.Listening"/>, line <c>WAKE &lt;ms&gt;</c>);
    /// Armed --command--&gt; Idle (action performed); Armed --wake--&gt; Armed (timer restarted);
    /// Armed --timeout (now - armedAt ≥ WakeTimeoutMs, checked on every <see cref="Tick"/> and command)--&gt; Idle
    /// (line <c>IDLE &lt;ms&gt;</c>). Leaving Armed restores the LED to what the last command set (Off at start),
    /// unless the command itself sets it. Background labels (silence/unknown) never act.
    /// Times are compared by subtraction, so the millisecond counter may wrap.
    /// </remarks>
    public sealed class AssistantStateMachine
    {
        private readonly string _wakeLabel;
        private readonly int _wakeTimeoutMs;
        private readonly CommandActionMap _map;
        private readonly ILed _led;
        private readonly IReporter _reporter;
        private AssistantState _state;
        private int _armedAtMs;
        private LedState _commandLed;
        private ActionKind _lastAction;

        /// <summary>Creates the state machine.</summary>
        /// <param name="settings">Settings giving WakeLabel and WakeTimeoutMs.</param>
        /// <param name="map">Command-to-action map.</param>
        /// <param name="led">LED to drive.</param>
        /// <param name="reporter">Where WAKE/IDLE lines go.</param>
        public AssistantStateMachine(AssistantSettings settings, CommandActionMap map, ILed led, IReporter reporter)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (map == null)
            {
                throw new ArgumentNullException("map");
            }

            if (led == null)
            {
                throw new ArgumentNullException("led");
            }

            if (reporter == null)
            {
                throw new ArgumentNullException("reporter");
            }

            string wake = settings.WakeLabel;
            if (wake != null)
            {
                if (!DetectionFormatter.IsValidLabel(wake) || BackgroundLabels.IsBackground(wake))
                {
                    throw new ArgumentException("WakeLabel must be a non-background label without whitespace: '" + wake + "'", "settings");
                }

                if (settings.WakeTimeoutMs < 1)
                {
                    throw new ArgumentException("WakeTimeoutMs must be >= 1 but is " + settings.WakeTimeoutMs.ToString(), "settings");
                }
            }

            _wakeLabel = wake;
            _wakeTimeoutMs = settings.WakeTimeoutMs;
            _map = map;
            _led = led;
            _reporter = reporter;
            _state = wake == null ? AssistantState.Direct : AssistantState.Idle;
            _commandLed = LedState.Off;
            _lastAction = ActionKind.None;
        }

        /// <summary>Current state.</summary>
        public AssistantState State
        {
            get { return _state; }
        }

        /// <summary>The wake label, or null in direct mode.</summary>
        public string WakeLabel
        {
            get { return _wakeLabel; }
        }

        /// <summary>Time the assistant was last armed (meaningful while <see cref="AssistantState.Armed"/>).</summary>
        public int ArmedAtMs
        {
            get { return _armedAtMs; }
        }

        /// <summary>The LED state the last performed command set (shown whenever not armed).</summary>
        public LedState CommandLedState
        {
            get { return _commandLed; }
        }

        /// <summary>The action of the last <see cref="CommandOutcome.Performed"/> command.</summary>
        public ActionKind LastAction
        {
            get { return _lastAction; }
        }

        /// <summary>Advances time: an armed assistant whose timeout has elapsed returns to idle.</summary>
        /// <param name="timeMs">Current time in milliseconds.</param>
        /// <returns>True when this call timed the assistant out.</returns>
        public bool Tick(int timeMs)
        {
            if (_state != AssistantState.Armed || timeMs - _armedAtMs < _wakeTimeoutMs)
            {
                return false;
            }

            _state = AssistantState.Idle;
            _led.SetState(_commandLed);
            _reporter.WriteLine(DetectionFormatter.FormatIdle(timeMs));
            return true;
        }

        /// <summary>Handles a newly detected label at <paramref name="timeMs"/> (after applying any timeout).</summary>
        /// <param name="label">Detected label.</param>
        /// <param name="timeMs">Detection time in milliseconds.</param>
        public CommandOutcome OnCommand(string label, int timeMs)
        {
            Tick(timeMs);
            if (BackgroundLabels.IsBackground(label))
            {
                return CommandOutcome.Ignored;
            }

            if (_state == AssistantState.Direct)
            {
                return Perform(label);
            }

            if (label == _wakeLabel)
            {
                _state = AssistantState.Armed;
                _armedAtMs = timeMs;
                _led.SetState(LedState.Listening);
                _reporter.WriteLine(DetectionFormatter.FormatWake(timeMs));
                return CommandOutcome.Woke;
            }

            if (_state != AssistantState.Armed)
            {
                return CommandOutcome.Ignored;
            }

            _state = AssistantState.Idle;
            CommandOutcome outcome = Perform(label);
            if (outcome != CommandOutcome.Performed)
            {
                // Leave the listening pattern even when the command does nothing.
                _led.SetState(_commandLed);
            }

            return outcome;
        }

        /// <summary>Returns to the initial state (Direct or Idle) with the LED off.</summary>
        public void Reset()
        {
            _state = _wakeLabel == null ? AssistantState.Direct : AssistantState.Idle;
            _armedAtMs = 0;
            _commandLed = LedState.Off;
            _lastAction = ActionKind.None;
            _led.SetState(LedState.Off);
        }

        private CommandOutcome Perform(string label)
        {
            ActionKind kind = _map.Get(label);
            if (kind == ActionKind.LedOn)
            {
                _commandLed = LedState.On;
            }
            else if (kind == ActionKind.LedOff)
            {
                _commandLed = LedState.Off;
            }
            else
            {
                return CommandOutcome.Unmapped;
            }

            _lastAction = kind;
            _led.SetState(_commandLed);
            return CommandOutcome.Performed;
        }
    }
}

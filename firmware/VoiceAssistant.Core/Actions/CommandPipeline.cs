using System;
using VoiceAssistant.Core.Recognition;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Actions
{
    /// <summary>
    /// The shared glue from model scores to actions: scores + timestamp → <see cref="CommandRecognizer"/> →
    /// detection line → <see cref="AssistantStateMachine"/> → LED. Used by the device app and the host twin.
    /// </summary>
    /// <remarks>
    /// Every new command that is not a background label (silence/unknown) is reported as one
    /// <c>DETECT &lt;label&gt; &lt;score&gt; &lt;ms&gt;</c> line, whether or not it then acts (e.g. a command
    /// while not armed). Background labels are neither reported nor acted on. A call without a new command
    /// does not allocate.
    /// </remarks>
    public sealed class CommandPipeline
    {
        private readonly CommandRecognizer _recognizer;

        // The recogniser's result object (the same instance for its lifetime), read on every hop without a
        // property call (nanoCLR interprets each one).
        private readonly RecognitionResult _result;
        private readonly AssistantStateMachine _stateMachine;
        private readonly IReporter _reporter;
        private CommandOutcome _lastOutcome;
        private int _rejectedCount;

        /// <summary>Creates the pipeline with the default yes/no action map.</summary>
        /// <param name="labels">Labels in model output order.</param>
        /// <param name="settings">Recogniser and wake settings.</param>
        /// <param name="led">LED to drive.</param>
        /// <param name="reporter">Where DETECT/WAKE/IDLE lines go.</param>
        public CommandPipeline(string[] labels, AssistantSettings settings, ILed led, IReporter reporter)
            : this(labels, settings, CommandActionMap.CreateDefault(), led, reporter)
        {
        }

        /// <summary>Creates the pipeline.</summary>
        /// <param name="labels">Labels in model output order.</param>
        /// <param name="settings">Recogniser and wake settings.</param>
        /// <param name="map">Command-to-action map.</param>
        /// <param name="led">LED to drive.</param>
        /// <param name="reporter">Where DETECT/WAKE/IDLE lines go.</param>
        /// <exception cref="ArgumentException">A label cannot be written in a line, or the wake label is not a model label.</exception>
        public CommandPipeline(string[] labels, AssistantSettings settings, CommandActionMap map, ILed led, IReporter reporter)
        {
            if (labels == null)
            {
                throw new ArgumentNullException("labels");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            bool wakeFound = settings.WakeLabel == null;
            for (int i = 0; i < labels.Length; i++)
            {
                if (!DetectionFormatter.IsValidLabel(labels[i]))
                {
                    throw new ArgumentException("label " + i.ToString() + " is empty or contains whitespace", "labels");
                }

                if (labels[i] == settings.WakeLabel)
                {
                    wakeFound = true;
                }
            }

            if (!wakeFound)
            {
                throw new ArgumentException("WakeLabel '" + settings.WakeLabel + "' is not one of the model's labels", "settings");
            }

            _recognizer = new CommandRecognizer(labels, settings);
            _result = _recognizer.Result;
            _stateMachine = new AssistantStateMachine(settings, map, led, reporter);
            _reporter = reporter;
            _lastOutcome = CommandOutcome.Ignored;
        }

        /// <summary>The recogniser (its <see cref="CommandRecognizer.Result"/> holds the latest result).</summary>
        public CommandRecognizer Recognizer
        {
            get { return _recognizer; }
        }

        /// <summary>The assistant state machine.</summary>
        public AssistantStateMachine StateMachine
        {
            get { return _stateMachine; }
        }

        /// <summary>Outcome of the latest reported detection (<see cref="CommandOutcome.Ignored"/> before any).</summary>
        public CommandOutcome LastOutcome
        {
            get { return _lastOutcome; }
        }

        /// <summary>Number of score sets the recogniser rejected for an out-of-order timestamp.</summary>
        public int RejectedCount
        {
            get { return _rejectedCount; }
        }

        /// <summary>Feeds one inference's scores; applies wake timeout, recognition, reporting and actions.</summary>
        /// <param name="scores">Int8 scores, one per label.</param>
        /// <param name="timeMs">Inference timestamp in milliseconds.</param>
        /// <returns>True when a new (non-background) command was detected and reported.</returns>
        public bool Process(sbyte[] scores, int timeMs)
        {
            _stateMachine.Tick(timeMs);
            if (!_recognizer.Process(scores, timeMs))
            {
                _rejectedCount++;
                return false;
            }

            RecognitionResult result = _result;
            if (!result.IsNewCommand || BackgroundLabels.IsBackground(result.Label))
            {
                return false;
            }

            _reporter.WriteLine(DetectionFormatter.FormatDetection(result.Label, result.Score, timeMs));
            _lastOutcome = _stateMachine.OnCommand(result.Label, timeMs);
            return true;
        }

        /// <summary>Advances time without scores (e.g. while inference is paused) so the wake timeout still applies.</summary>
        /// <param name="timeMs">Current time in milliseconds.</param>
        /// <returns>True when the assistant timed out.</returns>
        public bool Tick(int timeMs)
        {
            return _stateMachine.Tick(timeMs);
        }

        /// <summary>Resets the recogniser and the state machine.</summary>
        public void Reset()
        {
            _recognizer.Reset();
            _stateMachine.Reset();
            _lastOutcome = CommandOutcome.Ignored;
            _rejectedCount = 0;
        }
    }
}

using System;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Loop
{
    /// <summary>
    /// The assistant's per-hop loop, the same on the board and in the PC twin: read one 20 ms hop → keyword spotter
    /// (features) → every <see cref="AssistantSettings.InvokeEveryRows"/> new rows, once the 49-row window is full,
    /// the model → recogniser, states and actions → LED. It also checks the microphone on each hop's sample range and,
    /// given a clock, reports when the loop falls behind real time.
    /// </summary>
    /// <remarks>
    /// Timestamps are audio time at the end of the hop just read (hop count × 20 ms), not wall time, so they stay
    /// exact when the loop lags; they wrap after about 24 days. The model does not run before the window is full:
    /// scores of a half-empty window would only be start-up noise. Nothing is allocated per hop (report lines
    /// aside). Not thread-safe.
    /// </remarks>
    public sealed class HopLoop
    {
        private readonly IAudioSource _source;
        private readonly IKeywordSpotter _spotter;
        private readonly CommandPipeline _pipeline;
        private readonly StatusLed _led;
        private readonly IReporter _reporter;
        private readonly IHopClock _clock;
        private readonly MicrophoneHealthMonitor _health;
        private readonly HopTimingMonitor _timing;
        private readonly byte[] _buffer;
        private readonly sbyte[] _scores;
        private readonly int[] _levels;
        private readonly int _invokeEveryRows;
        private int _rows;
        private int _rowsSinceInvoke;
        private int _timeMs;
        private long _hops;
        private int _invocations;
        private int _detections;

        /// <summary>Creates the loop over opened parts.</summary>
        /// <param name="settings">Microphone layout, invoke cadence, microphone check and timing window.</param>
        /// <param name="source">Raw audio, one hop per read.</param>
        /// <param name="spotter">Features and model.</param>
        /// <param name="pipeline">Recogniser, states and actions (driving <paramref name="led"/>).</param>
        /// <param name="led">Status LED, advanced every hop.</param>
        /// <param name="reporter">Where microphone and timing lines go.</param>
        /// <param name="clock">Wall clock for the real-time check, or null for none (the PC twin).</param>
        /// <exception cref="ArgumentException"><see cref="AssistantSettings.InvokeEveryRows"/> is below 1.</exception>
        public HopLoop(AssistantSettings settings, IAudioSource source, IKeywordSpotter spotter, CommandPipeline pipeline, StatusLed led, IReporter reporter, IHopClock clock)
        {
            if (settings == null || source == null || spotter == null || pipeline == null || led == null || reporter == null)
            {
                throw new ArgumentNullException(settings == null ? "settings" : source == null ? "source" : spotter == null ? "spotter"
                    : pipeline == null ? "pipeline" : led == null ? "led" : "reporter");
            }

            if (settings.InvokeEveryRows < 1)
            {
                throw new ArgumentException("InvokeEveryRows must be at least 1 but is " + settings.InvokeEveryRows.ToString(), "settings");
            }

            _source = source;
            _spotter = spotter;
            _pipeline = pipeline;
            _led = led;
            _reporter = reporter;
            _clock = clock;
            _invokeEveryRows = settings.InvokeEveryRows;
            _health = new MicrophoneHealthMonitor(settings);
            _timing = clock == null ? null : new HopTimingMonitor(settings.TimingReportHops);
            _buffer = new byte[settings.HopBytes];
            _scores = new sbyte[spotter.Labels.Length];
            _levels = new int[2];
        }

        /// <summary>
        /// Wires the standard assistant: a <see cref="CommandPipeline"/> with the default action map over
        /// <paramref name="led"/>, and the loop around it. The board's app and the PC twin both start here.
        /// </summary>
        /// <param name="settings">Settings (recogniser tuning already applied).</param>
        /// <param name="labels">Model labels in output order.</param>
        /// <param name="source">Raw audio.</param>
        /// <param name="spotter">Features and model.</param>
        /// <param name="led">Status LED.</param>
        /// <param name="reporter">Where every line goes.</param>
        /// <param name="clock">Wall clock, or null.</param>
        /// <returns>The loop, ready to <see cref="Run"/>.</returns>
        public static HopLoop Wire(AssistantSettings settings, string[] labels, IAudioSource source, IKeywordSpotter spotter, StatusLed led, IReporter reporter, IHopClock clock)
        {
            var pipeline = new CommandPipeline(labels, settings, led, reporter);
            return new HopLoop(settings, source, spotter, pipeline, led, reporter, clock);
        }

        /// <summary>The recogniser/actions pipeline.</summary>
        public CommandPipeline Pipeline
        {
            get { return _pipeline; }
        }

        /// <summary>Hops processed so far.</summary>
        public long Hops
        {
            get { return _hops; }
        }

        /// <summary>Audio milliseconds processed so far.</summary>
        public long ElapsedMs
        {
            get { return _hops * AssistantSettings.HopMilliseconds; }
        }

        /// <summary>Model invocations so far.</summary>
        public int Invocations
        {
            get { return _invocations; }
        }

        /// <summary>Commands detected and reported so far.</summary>
        public int Detections
        {
            get { return _detections; }
        }

        /// <summary>Runs hops until the source ends (on the board: forever).</summary>
        public void Run()
        {
            while (RunHop())
            {
            }
        }

        /// <summary>Reads and processes one hop.</summary>
        /// <returns>False when the source has ended (nothing was processed).</returns>
        public bool RunHop()
        {
            if (!_source.Read(_buffer, _buffer.Length))
            {
                return false;
            }

            long start = _clock == null ? 0 : _clock.Ticks;
            _hops++;
            _timeMs += AssistantSettings.HopMilliseconds;
            int timeMs = _timeMs;

            int newRows = _spotter.PushAudio(_buffer, 0, _buffer.Length);
            _rowsSinceInvoke += newRows;
            if (_rows < AssistantSettings.WindowFrames)
            {
                _rows += newRows;
            }

            CheckMicrophone();
            if (_rows >= AssistantSettings.WindowFrames && _rowsSinceInvoke >= _invokeEveryRows)
            {
                _rowsSinceInvoke = 0;
                _spotter.Invoke(_scores);
                _invocations++;
                if (_pipeline.Process(_scores, timeMs))
                {
                    _detections++;
                }
            }
            else
            {
                _pipeline.Tick(timeMs);
            }

            _led.Update(timeMs);
            if (_timing != null && _timing.RecordHop((int)((_clock.Ticks - start) / 10)))
            {
                _reporter.WriteLine(_timing.FormatReport() + " (loop behind real time: audio is being dropped)");
            }

            return true;
        }

        private void CheckMicrophone()
        {
            // The spotter converted every sample of the hop; its range is all the check needs.
            int samples = _spotter.GetLevels(_levels);
            MicrophoneChange change = _health.ProcessHop(samples, _levels[0], _levels[1]);
            if (_health.HopEndsStartup)
            {
                _reporter.WriteLine("MIC level " + _health.StartupMinimum.ToString() + ".." + _health.StartupMaximum.ToString());
                if (_health.StartupSilent)
                {
                    _reporter.WriteLine("MIC warning: " + _health.SilentHint());
                }
            }

            if (change == MicrophoneChange.BecameDead)
            {
                _reporter.WriteLine("MIC dead: " + _health.SilentHint());
                _led.SetFault(LedPattern.Microphone);
            }
            else if (change == MicrophoneChange.Recovered)
            {
                _reporter.WriteLine("MIC alive again");
                _led.SetFault(LedPattern.Off);
            }
        }
    }
}

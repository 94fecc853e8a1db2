using System;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Audio
{
    /// <summary>
    /// Watches whether the capture loop keeps up with real time. The caller measures, per hop, the time spent
    /// OUTSIDE the blocking microphone read (conversion, features, inference, actions) and passes it to
    /// <see cref="RecordHop"/>. Work longer than one hop eats into the driver's DMA buffer; the monitor keeps that
    /// backlog (work beyond the hop budget, paid back by faster hops) and, once per report window, says whether
    /// the loop fell behind so the firmware can report it instead of silently dropping audio.
    /// </summary>
    /// <remarks>
    /// Integer microseconds only; no allocation except <see cref="FormatReport"/>, which is called only when
    /// a report is due. The line format is <c>LAG &lt;avg_us&gt; &lt;max_us&gt; &lt;over&gt;/&lt;hops&gt; &lt;backlog_us&gt;</c>.
    /// </remarks>
    public sealed class HopTimingMonitor
    {
        /// <summary>First word of a lag report line.</summary>
        public const string LagKeyword = "LAG";

        /// <summary>Real-time budget of one hop in microseconds (20 ms).</summary>
        public const int HopBudgetMicroseconds = AssistantSettings.HopSamples * 1000 / (AssistantSettings.SampleRate / 1000);

        private readonly int _windowHops;
        private int _hops;
        private long _busySum;
        private int _busyMax;
        private int _overBudget;
        private long _backlog;

        // Snapshot of the last completed window (what FormatReport prints).
        private int _lastHops;
        private int _lastAverage;
        private int _lastMax;
        private int _lastOver;
        private long _lastBacklog;

        /// <summary>Creates a monitor that evaluates every <paramref name="windowHops"/> hops.</summary>
        /// <param name="windowHops">Hops per report window (e.g. 50 = one second).</param>
        public HopTimingMonitor(int windowHops)
        {
            if (windowHops < 1)
            {
                throw new ArgumentOutOfRangeException("windowHops", "windowHops must be at least 1");
            }

            _windowHops = windowHops;
        }

        /// <summary>Work beyond the hop budget not yet paid back, in microseconds (what sits in the DMA buffer).</summary>
        public long BacklogMicroseconds { get { return _backlog; } }

        /// <summary>Hops in the last completed window.</summary>
        public int LastWindowHops { get { return _lastHops; } }

        /// <summary>Average busy time per hop in the last completed window.</summary>
        public int LastAverageMicroseconds { get { return _lastAverage; } }

        /// <summary>Longest busy time of a hop in the last completed window.</summary>
        public int LastMaxMicroseconds { get { return _lastMax; } }

        /// <summary>Hops over budget in the last completed window.</summary>
        public int LastOverBudgetHops { get { return _lastOver; } }

        /// <summary>Backlog at the end of the last completed window.</summary>
        public long LastBacklogMicroseconds { get { return _lastBacklog; } }

        /// <summary>
        /// Records one hop's busy time. Returns true at the end of a window in which the loop fell behind (some hop
        /// over budget, or backlog left over); the caller then writes <see cref="FormatReport"/>.
        /// </summary>
        /// <param name="busyMicroseconds">Time spent outside the microphone read for this hop (negative counts as 0).</param>
        public bool RecordHop(int busyMicroseconds)
        {
            if (busyMicroseconds < 0)
            {
                busyMicroseconds = 0;
            }

            _hops++;
            _busySum += busyMicroseconds;
            if (busyMicroseconds > _busyMax)
            {
                _busyMax = busyMicroseconds;
            }

            if (busyMicroseconds > HopBudgetMicroseconds)
            {
                _overBudget++;
            }

            // A faster hop pays back earlier overruns (the read then returns buffered audio at once).
            _backlog += busyMicroseconds - HopBudgetMicroseconds;
            if (_backlog < 0)
            {
                _backlog = 0;
            }

            if (_hops < _windowHops)
            {
                return false;
            }

            _lastHops = _hops;
            _lastAverage = (int)(_busySum / _hops);
            _lastMax = _busyMax;
            _lastOver = _overBudget;
            _lastBacklog = _backlog;
            _hops = 0;
            _busySum = 0;
            _busyMax = 0;
            _overBudget = 0;
            return _lastOver > 0 || _lastBacklog > 0;
        }

        /// <summary>The report line of the last completed window.</summary>
        public string FormatReport()
        {
            long backlog = _lastBacklog > int.MaxValue ? int.MaxValue : _lastBacklog;
            return LagKeyword + " " + DetectionFormatter.FormatInt(_lastAverage) + " " + DetectionFormatter.FormatInt(_lastMax) + " "
                + DetectionFormatter.FormatInt(_lastOver) + "/" + DetectionFormatter.FormatInt(_lastHops) + " "
                + DetectionFormatter.FormatInt((int)backlog);
        }

        /// <summary>Clears all statistics and the backlog.</summary>
        public void Reset()
        {
            _hops = 0;
            _busySum = 0;
            _busyMax = 0;
            _overBudget = 0;
            _backlog = 0;
            _lastHops = 0;
            _lastAverage = 0;
            _lastMax = 0;
            _lastOver = 0;
            _lastBacklog = 0;
        }
    }
}

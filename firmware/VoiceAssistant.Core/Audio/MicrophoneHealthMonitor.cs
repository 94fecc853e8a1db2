using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Audio
{
    /// <summary>
    /// Cheap per-hop microphone check: takes the lowest and highest sample of each hop from the feature front end,
    /// which converts every sample anyway (natively on the device), feeds them to a <see cref="DeadMicrophoneDetector"/>
    /// and measures the level of the first second (the start-up check: all-equal samples point to wiring, the L/R pin
    /// or the channel setting). No sample is converted again in managed code.
    /// </summary>
    /// <remarks>No allocation after construction.</remarks>
    public sealed class MicrophoneHealthMonitor
    {
        /// <summary>Hops in the start-up level check (one second).</summary>
        public const int StartupHops = AssistantSettings.SampleRate / AssistantSettings.HopSamples;

        private readonly AssistantSettings _settings;
        private readonly DeadMicrophoneDetector _detector;
        private int _hops;
        private int _min;
        private int _max;

        /// <summary>Creates the monitor.</summary>
        /// <param name="settings">Microphone layout (for the hint) and dead-microphone time.</param>
        public MicrophoneHealthMonitor(AssistantSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _settings = settings;
            _detector = new DeadMicrophoneDetector(settings);
            _min = short.MaxValue;
            _max = short.MinValue;
        }

        /// <summary>True while the microphone counts as dead.</summary>
        public bool IsDead { get { return _detector.IsDead; } }

        /// <summary>Smallest sample seen in the start-up second.</summary>
        public int StartupMinimum { get { return _min; } }

        /// <summary>Largest sample seen in the start-up second.</summary>
        public int StartupMaximum { get { return _max; } }

        /// <summary>True once the start-up second is over.</summary>
        public bool StartupComplete { get { return _hops >= StartupHops; } }

        /// <summary>True when the start-up second saw a single sample value (silent or miswired microphone).</summary>
        public bool StartupSilent { get { return StartupComplete && _min == _max; } }

        /// <summary>True right after the hop that completed the start-up second.</summary>
        public bool HopEndsStartup { get; private set; }

        /// <summary>
        /// Checks one hop by its samples' range. Returns the dead/alive change; <see cref="HopEndsStartup"/> tells when
        /// the start-up level is ready to report.
        /// </summary>
        /// <param name="samples">Samples in the hop (a hop without samples counts toward start-up but changes no level).</param>
        /// <param name="minimum">Lowest sample of the hop.</param>
        /// <param name="maximum">Highest sample of the hop.</param>
        public MicrophoneChange ProcessHop(int samples, int minimum, int maximum)
        {
            if (_hops < StartupHops)
            {
                if (samples > 0)
                {
                    if (minimum < _min)
                    {
                        _min = minimum;
                    }

                    if (maximum > _max)
                    {
                        _max = maximum;
                    }
                }

                _hops++;
                HopEndsStartup = _hops == StartupHops;
            }
            else
            {
                HopEndsStartup = false;
            }

            return _detector.ProcessLevels(samples, minimum, maximum);
        }

        /// <summary>Hint for a microphone that delivers a constant value.</summary>
        public string SilentHint()
        {
            return "microphone delivers a constant value: check power, BCK/WS/SD wiring and the L/R (SEL) pin; try Channel="
                + (_settings.ChannelsPerFrame == 2 ? (1 - _settings.Channel).ToString() : "0 with ChannelsPerFrame=2")
                + " or another SampleShift in BoardConfig";
        }
    }
}

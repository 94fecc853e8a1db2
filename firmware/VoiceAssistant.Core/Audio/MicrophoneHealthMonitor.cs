using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Audio
{
    /// <summary>
    /// Cheap per-hop microphone check for the device, where the full PCM conversion runs natively: converts only the
    /// first <see cref="SamplesPerHop"/> frames of each hop's raw bytes (with the core's <see cref="PcmConverter"/>),
    /// feeds them to a <see cref="DeadMicrophoneDetector"/> scaled to real time, and measures the level seen during
    /// the first second (the start-up check: all-equal samples point to wiring, the L/R pin or the channel setting).
    /// </summary>
    /// <remarks>No allocation after construction.</remarks>
    public sealed class MicrophoneHealthMonitor
    {
        /// <summary>Hops in the start-up level check (one second).</summary>
        public const int StartupHops = AssistantSettings.SampleRate / AssistantSettings.HopSamples;

        private readonly AssistantSettings _settings;
        private readonly PcmConverter _converter;
        private readonly DeadMicrophoneDetector _detector;
        private readonly short[] _samples;
        private readonly int _samplesPerHop;
        private int _hops;
        private int _min;
        private int _max;

        /// <summary>Creates the monitor.</summary>
        /// <param name="settings">Microphone layout and dead-microphone time.</param>
        /// <param name="samplesPerHop">Consecutive samples checked per hop (1..HopSamples).</param>
        public MicrophoneHealthMonitor(AssistantSettings settings, int samplesPerHop)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (samplesPerHop < 1 || samplesPerHop > AssistantSettings.HopSamples)
            {
                throw new ArgumentOutOfRangeException("samplesPerHop", "samplesPerHop must be in 1..HopSamples");
            }

            _settings = settings;
            _samplesPerHop = samplesPerHop;
            _converter = new PcmConverter(settings);
            _detector = new DeadMicrophoneDetector(settings, samplesPerHop * (AssistantSettings.SampleRate / AssistantSettings.HopSamples));
            _samples = new short[samplesPerHop];
            _min = short.MaxValue;
            _max = short.MinValue;
        }

        /// <summary>Samples checked per hop.</summary>
        public int SamplesPerHop { get { return _samplesPerHop; } }

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

        /// <summary>
        /// Checks one hop of raw bytes (whole frames, at least <see cref="SamplesPerHop"/> of them). Returns the dead/alive
        /// change; <see cref="HopEndsStartup"/> tells when the start-up level is ready to report.
        /// </summary>
        /// <param name="raw">Raw bytes of the hop.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes in the hop.</param>
        public MicrophoneChange ProcessHop(byte[] raw, int offset, int count)
        {
            int bytes = _samplesPerHop * _settings.FrameBytes;
            if (count < bytes)
            {
                throw new ArgumentException("a hop must hold at least SamplesPerHop frames", "count");
            }

            int n = _converter.Convert(raw, offset, bytes, _samples, 0);
            if (_hops < StartupHops)
            {
                for (int i = 0; i < n; i++)
                {
                    int s = _samples[i];
                    if (s < _min)
                    {
                        _min = s;
                    }

                    if (s > _max)
                    {
                        _max = s;
                    }
                }

                _hops++;
                HopEndsStartup = _hops == StartupHops;
            }
            else
            {
                HopEndsStartup = false;
            }

            return _detector.Process(_samples, 0, n);
        }

        /// <summary>True right after the hop that completed the start-up second.</summary>
        public bool HopEndsStartup { get; private set; }

        /// <summary>Hint for a microphone that delivers a constant value.</summary>
        public string SilentHint()
        {
            return "microphone delivers a constant value: check power, BCK/WS/SD wiring and the L/R (SEL) pin; try Channel="
                + (_settings.ChannelsPerFrame == 2 ? (1 - _settings.Channel).ToString() : "0 with ChannelsPerFrame=2")
                + " or another SampleShift in BoardConfig";
        }
    }
}

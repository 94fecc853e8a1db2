using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Audio
{
    /// <summary>
    /// Detects a dead microphone: one that delivers the same sample value (all zeros, or stuck at any
    /// one value) for <see cref="AssistantSettings.DeadMicrophoneSeconds"/> seconds. It recovers as soon
    /// as a sample differs from the stuck value.
    /// </summary>
    /// <remarks>
    /// Polling API without events (no delegates on the device): <see cref="Process"/> returns the net
    /// state change over the chunk. No allocation after construction.
    /// </remarks>
    public sealed class DeadMicrophoneDetector
    {
        private readonly int _thresholdSamples;
        private short _lastValue;
        private int _runLength;
        private bool _isDead;

        /// <summary>Creates a detector using <see cref="AssistantSettings.DeadMicrophoneSeconds"/> at <see cref="AssistantSettings.SampleRate"/>.</summary>
        /// <param name="settings">Settings giving the dead-microphone time.</param>
        /// <exception cref="ArgumentException">DeadMicrophoneSeconds is not positive or too large.</exception>
        public DeadMicrophoneDetector(AssistantSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            int seconds = settings.DeadMicrophoneSeconds;
            if (seconds < 1 || seconds > int.MaxValue / AssistantSettings.SampleRate)
            {
                throw new ArgumentException("DeadMicrophoneSeconds must be in 1.." + (int.MaxValue / AssistantSettings.SampleRate).ToString() + " but is " + seconds.ToString(), "settings");
            }

            _thresholdSamples = seconds * AssistantSettings.SampleRate;
        }

        /// <summary>Number of identical consecutive samples after which the microphone counts as dead.</summary>
        public int ThresholdSamples
        {
            get { return _thresholdSamples; }
        }

        /// <summary>True while the latest <see cref="ThresholdSamples"/> samples were all identical.</summary>
        public bool IsDead
        {
            get { return _isDead; }
        }

        /// <summary>Length of the current run of identical samples (capped at <see cref="ThresholdSamples"/>).</summary>
        public int ConstantRunSamples
        {
            get { return _runLength; }
        }

        /// <summary>Feeds a chunk of samples and returns the net change of <see cref="IsDead"/> over it.</summary>
        /// <param name="samples">Sample buffer.</param>
        /// <param name="offset">Index of the first sample.</param>
        /// <param name="count">Number of samples.</param>
        public MicrophoneChange Process(short[] samples, int offset, int count)
        {
            if (samples == null)
            {
                throw new ArgumentNullException("samples");
            }

            if (offset < 0 || count < 0 || offset > samples.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "offset/count outside the sample buffer");
            }

            bool wasDead = _isDead;
            short last = _lastValue;
            int run = _runLength;
            int threshold = _thresholdSamples;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                short s = samples[i];
                if (run > 0 && s == last)
                {
                    // Capped so an endless silence cannot overflow.
                    if (run < threshold)
                    {
                        run++;
                    }
                }
                else
                {
                    last = s;
                    run = 1;
                }
            }

            _lastValue = last;
            _runLength = run;
            _isDead = run >= threshold;

            if (_isDead == wasDead)
            {
                return MicrophoneChange.None;
            }

            return _isDead ? MicrophoneChange.BecameDead : MicrophoneChange.Recovered;
        }

        /// <summary>
        /// Feeds a chunk of samples known only by its lowest and highest value (the native feature kernel reports them
        /// for every hop) and returns the net change of <see cref="IsDead"/>. A chunk with one value extends the run when
        /// it equals the stuck value and starts a new run otherwise; a chunk with two values ends the run (the samples at
        /// its end are not known, so a run is counted from the first constant chunk after it).
        /// </summary>
        /// <param name="count">Number of samples in the chunk (0: nothing changes).</param>
        /// <param name="minimum">Lowest sample.</param>
        /// <param name="maximum">Highest sample.</param>
        public MicrophoneChange ProcessLevels(int count, int minimum, int maximum)
        {
            if (count <= 0)
            {
                return MicrophoneChange.None;
            }

            bool wasDead = _isDead;
            if (minimum != maximum)
            {
                _runLength = 0;
            }
            else if (_runLength > 0 && minimum == _lastValue)
            {
                // Capped so an endless silence cannot overflow.
                _runLength = count < _thresholdSamples - _runLength ? _runLength + count : _thresholdSamples;
            }
            else
            {
                _lastValue = (short)minimum;
                _runLength = count < _thresholdSamples ? count : _thresholdSamples;
            }

            _isDead = _runLength >= _thresholdSamples;
            if (_isDead == wasDead)
            {
                return MicrophoneChange.None;
            }

            return _isDead ? MicrophoneChange.BecameDead : MicrophoneChange.Recovered;
        }

        /// <summary>Forgets the current run; the microphone counts as alive again.</summary>
        public void Reset()
        {
            _lastValue = 0;
            _runLength = 0;
            _isDead = false;
        }
    }
}

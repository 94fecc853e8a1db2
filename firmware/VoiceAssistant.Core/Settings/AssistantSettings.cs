namespace VoiceAssistant.Core.Settings
{
    /// <summary>
    /// The single source of truth for every audio, feature, model-shape and recognition parameter.
    /// </summary>
    /// <remarks>
    /// Constants are frozen with <see cref="FeatureVersion"/>: changing any of them changes the features a
    /// model was trained on, so it requires a new feature version and retrained models. They are also
    /// emitted into the native kernel's generated header, so C# and C++ agree by construction.
    /// Instance properties are the parts a board or a user may change (microphone layout, recogniser
    /// tuning, wake word) without retraining.
    /// </remarks>
    public sealed class AssistantSettings
    {
        /// <summary>Version of the feature algorithm and constants; stored in every model manifest and checked at load.</summary>
        public const int FeatureVersion = 1;

        /// <summary>Audio sample rate in Hz (mono).</summary>
        public const int SampleRate = 16000;

        /// <summary>Samples in one analysis window (30 ms).</summary>
        public const int WindowSamples = 480;

        /// <summary>Samples between the starts of two windows (20 ms).</summary>
        public const int HopSamples = 320;

        /// <summary>Length of the real-input FFT (computed as a complex FFT of half this length plus the split step).</summary>
        public const int FftLength = 512;

        /// <summary>Number of spectrum bins the FFT yields, DC to Nyquist inclusive.</summary>
        public const int SpectrumBins = FftLength / 2 + 1;

        /// <summary>Number of triangular mel bands.</summary>
        public const int MelBands = 40;

        /// <summary>Lower edge of the mel filterbank in Hz.</summary>
        public const float LowerFrequencyHz = 20f;

        /// <summary>Upper edge of the mel filterbank in Hz.</summary>
        public const float UpperFrequencyHz = 4000f;

        /// <summary>Number of cepstral coefficients kept per frame (one feature row).</summary>
        public const int CoefficientCount = 40;

        /// <summary>Floor applied before the natural log of a mel energy.</summary>
        public const float LogFloor = 1e-12f;

        /// <summary>Scale from int16 samples to floats in [-1, 1).</summary>
        public const float SampleScale = 1f / 32768f;

        /// <summary>Feature rows in the model's input window (one second of audio).</summary>
        public const int WindowFrames = 49;

        /// <summary>Int8 values in the model's input window (<see cref="WindowFrames"/> × <see cref="CoefficientCount"/>).</summary>
        public const int WindowFeatures = WindowFrames * CoefficientCount;

        /// <summary>Milliseconds of audio per hop.</summary>
        public const int HopMilliseconds = HopSamples * 1000 / SampleRate;

        /// <summary>Creates settings with the defaults for a 16-bit mono source and the classic yes/no recogniser.</summary>
        public AssistantSettings()
        {
            SlotBytes = 2;
            ChannelsPerFrame = 1;
            Channel = 0;
            SampleShift = 0;
            DeadMicrophoneSeconds = 2;
            TimingReportHops = 50;
            AverageWindowMs = 1000;
            MinimumResultCount = 3;
            DetectionThreshold = 200;
            SuppressionMs = 1500;
            InvokeEveryRows = 3;
            WakeLabel = null;
            WakeTimeoutMs = 5000;
        }

        // ---- Microphone layout (raw little-endian PCM as the I2S driver or a WAV delivers it) ----

        /// <summary>Bytes per sample slot in the raw stream: 2 (int16), 3 (packed 24-bit) or 4 (32-bit slot).</summary>
        public int SlotBytes { get; set; }

        /// <summary>Slots per frame: 1 for mono, 2 for interleaved left/right.</summary>
        public int ChannelsPerFrame { get; set; }

        /// <summary>Which slot of a frame carries the microphone (0 = first/left, 1 = second/right).</summary>
        public int Channel { get; set; }

        /// <summary>
        /// Arithmetic right shift applied to the sign-extended slot value to obtain an int16 sample
        /// (saturated). E.g. 16 for the top 16 bits of a 32-bit slot (INMP441, SPH0645); smaller values add gain.
        /// </summary>
        public int SampleShift { get; set; }

        /// <summary>Seconds of constant (e.g. all-zero) samples after which the microphone is reported dead.</summary>
        public int DeadMicrophoneSeconds { get; set; }

        /// <summary>Hops per real-time report window of the loop (50 = one second).</summary>
        public int TimingReportHops { get; set; }

        // ---- Recogniser (TFLM RecognizeCommands semantics) ----

        /// <summary>Length of the score-averaging window in milliseconds.</summary>
        public int AverageWindowMs { get; set; }

        /// <summary>Minimum number of results in the averaging window before anything is reported.</summary>
        public int MinimumResultCount { get; set; }

        /// <summary>Average score (0..255, uint8 domain of the softmax output) a command must reach.</summary>
        public int DetectionThreshold { get; set; }

        /// <summary>Milliseconds after a detection during which a new detection of another label is suppressed.</summary>
        public int SuppressionMs { get; set; }

        /// <summary>Run inference every this many new feature rows (1 = every 20 ms hop; default 3, every 60 ms).</summary>
        /// <remarks>
        /// Every 3rd row keeps the loop within 10 ms of CPU per 20 ms hop on a classic ESP32 (README "On the board"), and
        /// on the validation streaming recordings its false rejects, false accepts per hour and latency matched every row
        /// within a few events (the recogniser's window and suppression are in milliseconds, so they do not change).
        /// </remarks>
        public int InvokeEveryRows { get; set; }

        // ---- Assistant states ----

        /// <summary>Label that arms the assistant (wake word), or null to let commands act directly.</summary>
        public string WakeLabel { get; set; }

        /// <summary>Milliseconds the assistant stays armed after the wake word.</summary>
        public int WakeTimeoutMs { get; set; }

        /// <summary>Raw bytes in one frame of the microphone stream.</summary>
        public int FrameBytes { get { return SlotBytes * ChannelsPerFrame; } }

        /// <summary>Raw bytes that carry one hop of audio.</summary>
        public int HopBytes { get { return FrameBytes * HopSamples; } }
    }
}

namespace VoiceAssistant.Core.Model
{
    /// <summary>
    /// What a shipped model was trained and tuned for: its labels, the feature parameters it expects, its input
    /// quantisation, the recogniser tuning chosen with it and the identity of its bytes. Generated next to the
    /// model bytes (tools/VoiceAssistant.Codegen <c>model</c>) and checked against <see cref="Settings.AssistantSettings"/>
    /// by <see cref="ModelCompatibility"/> before the model is loaded.
    /// </summary>
    /// <remarks>Plain settable properties so generated code can use an object initialiser on the device.</remarks>
    public sealed class ModelInfo
    {
        /// <summary>Class labels in model output order.</summary>
        public string[] Labels { get; set; }

        /// <summary>Feature algorithm version the model was trained with.</summary>
        public int FeatureVersion { get; set; }

        /// <summary>Audio sample rate in Hz.</summary>
        public int SampleRate { get; set; }

        /// <summary>Samples per analysis window.</summary>
        public int WindowSamples { get; set; }

        /// <summary>Samples per hop.</summary>
        public int HopSamples { get; set; }

        /// <summary>Coefficients per feature row.</summary>
        public int CoefficientCount { get; set; }

        /// <summary>Feature rows in the model input.</summary>
        public int WindowFrames { get; set; }

        /// <summary>Scale of the model's int8 input.</summary>
        public float InputScale { get; set; }

        /// <summary>Zero point of the model's int8 input.</summary>
        public int InputZeroPoint { get; set; }

        /// <summary>Recogniser threshold (0..255) tuned for this model.</summary>
        public int DetectionThreshold { get; set; }

        /// <summary>Recogniser averaging window in milliseconds.</summary>
        public int AverageWindowMs { get; set; }

        /// <summary>Recogniser suppression time in milliseconds.</summary>
        public int SuppressionMs { get; set; }

        /// <summary>Recogniser minimum result count.</summary>
        public int MinimumResultCount { get; set; }

        /// <summary>Tensor-arena bytes to allocate for this model (measured or estimated by the generator).</summary>
        public int ArenaBytes { get; set; }

        /// <summary>SHA-256 of the model bytes, 64 lower-case hex digits (for the start-up log and deploy checks).</summary>
        public string ModelSha256 { get; set; }

        /// <summary>Length of the model bytes.</summary>
        public int ModelLength { get; set; }

        /// <summary>Copies the recogniser tuning of this model into <paramref name="settings"/>.</summary>
        /// <param name="settings">Settings to update.</param>
        public void ApplyRecognizerTuning(Settings.AssistantSettings settings)
        {
            if (settings == null)
            {
                throw new System.ArgumentNullException("settings");
            }

            settings.DetectionThreshold = DetectionThreshold;
            settings.AverageWindowMs = AverageWindowMs;
            settings.SuppressionMs = SuppressionMs;
            settings.MinimumResultCount = MinimumResultCount;
        }
    }
}

using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceAssistant.Codegen.Model
{
    /// <summary>
    /// The JSON description written next to a trained model (camelCase keys, see <see cref="Parse"/>): what the
    /// model expects and the recogniser tuning chosen for it. The model's own quantisation comes from the
    /// .tflite; when the manifest also states it, the two must agree.
    /// </summary>
    public sealed class ModelManifest
    {
        /// <summary>Labels in output order (required).</summary>
        public string[] Labels { get; set; }

        /// <summary>Feature version the model was trained with (required).</summary>
        public int? FeatureVersion { get; set; }

        /// <summary>Sample rate in Hz (required).</summary>
        public int? SampleRate { get; set; }

        /// <summary>Samples per window (required).</summary>
        public int? WindowSamples { get; set; }

        /// <summary>Samples per hop (required).</summary>
        public int? HopSamples { get; set; }

        /// <summary>Coefficients per row (required).</summary>
        public int? CoefficientCount { get; set; }

        /// <summary>Rows per window (required).</summary>
        public int? WindowFrames { get; set; }

        /// <summary>Input scale; optional, must equal the model's when given.</summary>
        public float? InputScale { get; set; }

        /// <summary>Input zero point; optional, must equal the model's when given.</summary>
        public int? InputZeroPoint { get; set; }

        /// <summary>Recogniser threshold 0..255 (required).</summary>
        public int? DetectionThreshold { get; set; }

        /// <summary>Recogniser averaging window in ms (required).</summary>
        public int? AverageWindowMs { get; set; }

        /// <summary>Recogniser suppression in ms (required).</summary>
        public int? SuppressionMs { get; set; }

        /// <summary>Recogniser minimum result count (required).</summary>
        public int? MinimumResultCount { get; set; }

        /// <summary>Arena bytes measured on the target; optional (otherwise estimated from the model).</summary>
        public int? ArenaBytes { get; set; }

        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        /// <summary>Parses manifest JSON; throws <see cref="InvalidDataException"/> naming a missing or unknown field.</summary>
        /// <param name="json">Manifest text.</param>
        public static ModelManifest Parse(string json)
        {
            ModelManifest m;
            try
            {
                m = JsonSerializer.Deserialize<ModelManifest>(json, Options);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException("manifest: " + e.Message, e);
            }

            if (m == null)
            {
                throw new InvalidDataException("manifest: empty");
            }

            Require(m.Labels, "labels");
            Require(m.FeatureVersion, "featureVersion");
            Require(m.SampleRate, "sampleRate");
            Require(m.WindowSamples, "windowSamples");
            Require(m.HopSamples, "hopSamples");
            Require(m.CoefficientCount, "coefficientCount");
            Require(m.WindowFrames, "windowFrames");
            Require(m.DetectionThreshold, "detectionThreshold");
            Require(m.AverageWindowMs, "averageWindowMs");
            Require(m.SuppressionMs, "suppressionMs");
            Require(m.MinimumResultCount, "minimumResultCount");
            return m;
        }

        /// <summary>Reads and parses a manifest file.</summary>
        /// <param name="path">File path.</param>
        public static ModelManifest Load(string path) => Parse(File.ReadAllText(path));

        private static void Require(object value, string name)
        {
            if (value == null)
            {
                throw new InvalidDataException("manifest: required field '" + name + "' is missing");
            }
        }
    }
}

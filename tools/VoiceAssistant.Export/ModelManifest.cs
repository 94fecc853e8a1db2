using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceAssistant.Audio;
using VoiceAssistant.Core;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Export.Quantization;
using VoiceAssistant.Tflite.Kernels;

namespace VoiceAssistant.Export
{
    /// <summary>Thrown when a manifest cannot be read or does not match the features, the model file or itself.</summary>
    public sealed class ManifestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What is wrong, for the user.</param>
        /// <param name="inner">Cause, if any.</param>
        public ManifestException(string message, Exception inner = null)
            : base(message, inner)
        {
        }
    }

    /// <summary>Feature parameters a model was trained with (must equal <see cref="AssistantSettings"/>).</summary>
    public sealed class ManifestFeatures
    {
        /// <summary>Sample rate in Hz.</summary>
        public int SampleRate { get; set; }

        /// <summary>Analysis window in samples.</summary>
        public int WindowSamples { get; set; }

        /// <summary>Hop in samples.</summary>
        public int HopSamples { get; set; }

        /// <summary>FFT length.</summary>
        public int FftLength { get; set; }

        /// <summary>Mel bands.</summary>
        public int MelBands { get; set; }

        /// <summary>Lower mel edge in Hz.</summary>
        public float LowerFrequencyHz { get; set; }

        /// <summary>Upper mel edge in Hz.</summary>
        public float UpperFrequencyHz { get; set; }

        /// <summary>Cepstral coefficients per frame.</summary>
        public int Coefficients { get; set; }

        /// <summary>Frames in the model window.</summary>
        public int Frames { get; set; }

        /// <summary>The parameters of the current feature code.</summary>
        public static ManifestFeatures Current() => new ManifestFeatures
        {
            SampleRate = AssistantSettings.SampleRate,
            WindowSamples = AssistantSettings.WindowSamples,
            HopSamples = AssistantSettings.HopSamples,
            FftLength = AssistantSettings.FftLength,
            MelBands = AssistantSettings.MelBands,
            LowerFrequencyHz = AssistantSettings.LowerFrequencyHz,
            UpperFrequencyHz = AssistantSettings.UpperFrequencyHz,
            Coefficients = AssistantSettings.CoefficientCount,
            Frames = AssistantSettings.WindowFrames,
        };
    }

    /// <summary>The model's int8 input quantisation.</summary>
    public sealed class ManifestInput
    {
        /// <summary>Scale.</summary>
        public float Scale { get; set; }

        /// <summary>Zero point.</summary>
        public int ZeroPoint { get; set; }
    }

    /// <summary>Recogniser thresholds the model was tuned for.</summary>
    public sealed class ManifestRecognizer
    {
        /// <summary>Average score (0..255) a command must exceed.</summary>
        public int DetectionThreshold { get; set; }

        /// <summary>Averaging window in ms.</summary>
        public int AverageWindowMs { get; set; }

        /// <summary>Suppression after a detection in ms.</summary>
        public int SuppressionMs { get; set; }

        /// <summary>Minimum results in the window.</summary>
        public int MinimumResultCount { get; set; }
    }

    /// <summary>
    /// The JSON file beside a .tflite (<c>&lt;name&gt;.manifest.json</c>) that tells the PC tools how to run it:
    /// labels, feature version and parameters, input quantisation, recogniser thresholds, and the model's SHA-256.
    /// </summary>
    public sealed class ModelManifest
    {
        /// <summary>Version of this manifest format.</summary>
        public const int CurrentFormat = 1;

        private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        /// <summary>Manifest format version.</summary>
        public int Format { get; set; }

        /// <summary>Model file name (relative to the manifest's folder).</summary>
        public string Model { get; set; }

        /// <summary>Model size in bytes.</summary>
        public long ModelBytes { get; set; }

        /// <summary>Lower-case hex SHA-256 of the model file.</summary>
        public string Sha256 { get; set; }

        /// <summary>Labels in model output order (e.g. silence, unknown, yes, no).</summary>
        public string[] Labels { get; set; }

        /// <summary><see cref="AssistantSettings.FeatureVersion"/> the model was trained with.</summary>
        public int FeatureVersion { get; set; }

        /// <summary>Feature parameters.</summary>
        public ManifestFeatures Features { get; set; }

        /// <summary>Input quantisation.</summary>
        public ManifestInput Input { get; set; }

        /// <summary>Recogniser thresholds.</summary>
        public ManifestRecognizer Recognizer { get; set; }

        /// <summary>Tensor arena bytes measured on the target (TFLM's arena_used_bytes plus margin); optional, estimated when absent.</summary>
        public int? ArenaBytes { get; set; }

        /// <summary>Who made the model (tool, command line).</summary>
        public string CreatedBy { get; set; }

        /// <summary>The tool and version that wrote the manifest, e.g. <c>va 0.9.0</c> (absent in manifests written before 0.9.0).</summary>
        public string Generator { get; set; }

        /// <summary>UTC creation time, ISO 8601.</summary>
        public string CreatedUtc { get; set; }

        /// <summary>Manifest path of a model: <c>dir/name.tflite</c> → <c>dir/name.manifest.json</c>.</summary>
        /// <param name="modelPath">Model path.</param>
        public static string PathFor(string modelPath)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(modelPath));
            return Path.Combine(dir, Path.GetFileNameWithoutExtension(modelPath) + ".manifest.json");
        }

        /// <summary>Creates the manifest of freshly exported model bytes.</summary>
        /// <param name="labels">Labels.</param>
        /// <param name="input">Input quantisation.</param>
        /// <param name="settings">Recogniser settings.</param>
        /// <param name="modelFileName">File name of the model.</param>
        /// <param name="modelBytes">The model bytes.</param>
        /// <param name="createdBy">Free text.</param>
        public static ModelManifest Create(string[] labels, TensorQuantization input, AssistantSettings settings, string modelFileName, byte[] modelBytes, string createdBy)
        {
            return new ModelManifest
            {
                Format = CurrentFormat,
                Model = modelFileName,
                ModelBytes = modelBytes.Length,
                Sha256 = TinyConvExporter.Sha256Hex(modelBytes),
                Labels = (string[])labels.Clone(),
                FeatureVersion = AssistantSettings.FeatureVersion,
                Features = ManifestFeatures.Current(),
                Input = new ManifestInput { Scale = input.Scale, ZeroPoint = input.ZeroPoint },
                Recognizer = new ManifestRecognizer
                {
                    DetectionThreshold = settings.DetectionThreshold,
                    AverageWindowMs = settings.AverageWindowMs,
                    SuppressionMs = settings.SuppressionMs,
                    MinimumResultCount = settings.MinimumResultCount,
                },
                CreatedBy = createdBy,
                Generator = "va " + ProductVersion.Text,
                CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            };
        }

        /// <summary>JSON text of the manifest.</summary>
        public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

        /// <summary>Writes the manifest atomically.</summary>
        /// <param name="path">Destination.</param>
        public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

        /// <summary>Parses manifest JSON and checks it is complete and internally consistent (not against a model file).</summary>
        /// <param name="json">The text.</param>
        /// <param name="source">Name used in messages.</param>
        public static ModelManifest Parse(string json, string source = "manifest")
        {
            ModelManifest m;
            try
            {
                m = JsonSerializer.Deserialize<ModelManifest>(json, JsonOptions);
            }
            catch (JsonException e)
            {
                throw new ManifestException($"{source}: not a valid manifest JSON ({e.Message})", e);
            }

            if (m == null)
            {
                throw new ManifestException($"{source}: empty manifest");
            }

            m.CheckComplete(source);
            return m;
        }

        /// <summary>
        /// Reads a manifest, checks it against the current feature code and checks the model file it names
        /// (same folder) against its size and SHA-256.
        /// </summary>
        /// <param name="manifestPath">Path of the manifest.</param>
        public static ModelManifest Load(string manifestPath)
        {
            string json;
            try
            {
                json = File.ReadAllText(manifestPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ManifestException($"cannot read manifest '{manifestPath}': {e.Message}", e);
            }

            ModelManifest m = Parse(json, manifestPath);
            m.CheckFeatures(manifestPath);
            string modelPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath)), m.Model);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(modelPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ManifestException($"{manifestPath}: cannot read the model '{m.Model}' it describes: {e.Message}", e);
            }

            m.CheckModel(bytes, manifestPath);
            return m;
        }

        /// <summary>Throws unless the feature version and parameters equal those of the current feature code.</summary>
        /// <param name="source">Name used in messages.</param>
        public void CheckFeatures(string source = "manifest")
        {
            if (FeatureVersion != AssistantSettings.FeatureVersion)
            {
                throw new ManifestException($"{source}: the model was trained for feature version {FeatureVersion}, this build computes version {AssistantSettings.FeatureVersion}; retrain the model");
            }

            var expected = ManifestFeatures.Current();
            var diffs = new List<string>();
            Compare(diffs, "sampleRate", Features.SampleRate, expected.SampleRate);
            Compare(diffs, "windowSamples", Features.WindowSamples, expected.WindowSamples);
            Compare(diffs, "hopSamples", Features.HopSamples, expected.HopSamples);
            Compare(diffs, "fftLength", Features.FftLength, expected.FftLength);
            Compare(diffs, "melBands", Features.MelBands, expected.MelBands);
            Compare(diffs, "lowerFrequencyHz", Features.LowerFrequencyHz, expected.LowerFrequencyHz);
            Compare(diffs, "upperFrequencyHz", Features.UpperFrequencyHz, expected.UpperFrequencyHz);
            Compare(diffs, "coefficients", Features.Coefficients, expected.Coefficients);
            Compare(diffs, "frames", Features.Frames, expected.Frames);
            if (diffs.Count > 0)
            {
                throw new ManifestException($"{source}: feature parameters differ from this build's (feature version {FeatureVersion}): {string.Join("; ", diffs)}");
            }
        }

        /// <summary>Throws unless <paramref name="modelBytes"/> has the recorded size and SHA-256.</summary>
        /// <param name="modelBytes">The model file's bytes.</param>
        /// <param name="source">Name used in messages.</param>
        public void CheckModel(byte[] modelBytes, string source = "manifest")
        {
            string actual = TinyConvExporter.Sha256Hex(modelBytes);
            if (modelBytes.LongLength != ModelBytes || !string.Equals(actual, Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ManifestException($"{source}: the model '{Model}' does not match its manifest (sha256 {actual}, {modelBytes.LongLength} bytes; manifest says {Sha256}, {ModelBytes} bytes); re-export the model and manifest together");
            }
        }

        private static void Compare(List<string> diffs, string name, float actual, float expected)
        {
            if (actual != expected)
            {
                diffs.Add(FormattableString.Invariant($"{name} {actual} (expected {expected})"));
            }
        }

        private void CheckComplete(string source)
        {
            var missing = new List<string>();
            if (string.IsNullOrEmpty(Model))
            {
                missing.Add("model");
            }

            if (string.IsNullOrEmpty(Sha256))
            {
                missing.Add("sha256");
            }

            if (Labels == null || Labels.Length < 2)
            {
                missing.Add("labels (at least 2)");
            }

            if (Features == null)
            {
                missing.Add("features");
            }

            if (Input == null)
            {
                missing.Add("input");
            }

            if (Recognizer == null)
            {
                missing.Add("recognizer");
            }

            if (missing.Count > 0)
            {
                throw new ManifestException($"{source}: missing or invalid field(s): {string.Join(", ", missing)}");
            }

            if (Format != CurrentFormat)
            {
                throw new ManifestException($"{source}: manifest format {Format} is not supported (this build reads format {CurrentFormat})");
            }

            if (Model.IndexOfAny(new[] { '/', '\\' }) >= 0)
            {
                throw new ManifestException($"{source}: model '{Model}' must be a file name in the manifest's folder");
            }

            if (!(Input.Scale > 0) || !float.IsFinite(Input.Scale) || Input.ZeroPoint < sbyte.MinValue || Input.ZeroPoint > sbyte.MaxValue)
            {
                throw new ManifestException(FormattableString.Invariant($"{source}: input quantisation scale {Input.Scale} zero point {Input.ZeroPoint} is invalid (scale > 0, zero point in [-128, 127])"));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string label in Labels)
            {
                if (!VoiceAssistant.Core.Actions.DetectionFormatter.IsValidLabel(label) || !seen.Add(label))
                {
                    throw new ManifestException($"{source}: label '{label}' is empty, contains whitespace or is repeated");
                }
            }
        }
    }
}

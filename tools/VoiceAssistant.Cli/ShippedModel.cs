using System.IO;
using System.Reflection;
using VoiceAssistant.Export;
using VoiceAssistant.Tflite;

namespace VoiceAssistant.Cli
{
    /// <summary>
    /// The default model: models/yes-no's .tflite and manifest, embedded in the tool when it is built, so
    /// <c>va listen</c> works from any folder (an installed tool has no repository beside it).
    /// </summary>
    internal static class ShippedModel
    {
        /// <summary>Where the embedded model comes from, relative to the repository root.</summary>
        public const string SourcePath = "models/yes-no/model.tflite";

        /// <summary>The embedded model's file name (as printed by <c>listen</c>).</summary>
        public const string FileName = "model.tflite";

        /// <summary>Loads the embedded model and its manifest, checked as a model file beside its manifest is.</summary>
        /// <exception cref="ManifestException">The manifest does not match this build's features or the model bytes.</exception>
        public static (TfliteModel Model, ModelManifest Manifest) Load()
        {
            byte[] bytes = Read("ShippedModel/model.tflite");
            string source = "built-in " + SourcePath.Replace(".tflite", ".manifest.json", System.StringComparison.Ordinal);
            ModelManifest manifest = ModelManifest.Parse(System.Text.Encoding.UTF8.GetString(Read("ShippedModel/model.manifest.json")), source);
            manifest.CheckFeatures(source);
            manifest.CheckModel(bytes, source);
            return (TfliteModel.Parse(bytes), manifest);
        }

        private static byte[] Read(string name)
        {
            using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                ?? throw new FileNotFoundException($"this build of va lacks its embedded resource '{name}' (rebuild it from the repository)");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}

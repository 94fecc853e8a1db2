using System.IO;
using System.Linq;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.TestSupport;
using Xunit;
using static VoiceAssistant.Cli.Tests.CliRunner;

namespace VoiceAssistant.Cli.Tests
{
    /// <summary>The README's first command: the shipped model hears the shipped sample (no shared data needed).</summary>
    public sealed class ShippedModelTests
    {
        [Fact]
        public void ShippedModelDetectsYesNoYesInTheSampleAndIgnoresLeft()
        {
            string sample = RepoPaths.Of("samples/yes-no.wav");
            Assert.True(File.Exists(RepoPaths.Of("models/yes-no/model.tflite")), "shipped model missing");

            // Default model: found by walking up from the working folder, as on a fresh checkout.
            var (code, output, err) = Run("listen", sample);
            Assert.True(code == 0, err);
            Assert.Equal(new[] { "yes", "no", "yes" }, Labels(output));

            // Margin: every word is still heard with the manifest's threshold raised by 20.
            int threshold = VoiceAssistant.Export.ModelManifest.Load(RepoPaths.Of("models/yes-no/model.manifest.json")).Recognizer.DetectionThreshold;
            (code, output, err) = Run("listen", sample, "--threshold", (threshold + 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(code == 0, err);
            Assert.Equal(new[] { "yes", "no", "yes" }, Labels(output));
        }

        private static string[] Labels(string output) => output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains("DETECT "))
            .Select(l => l.Substring(l.IndexOf("DETECT ", System.StringComparison.Ordinal)))
            .Select(l => DetectionFormatter.TryParseDetection(l, out string label, out _, out _) ? label : "?")
            .ToArray();
    }
}

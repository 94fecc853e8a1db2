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
            string[] labels = output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Contains("DETECT "))
                .Select(l => l.Substring(l.IndexOf("DETECT ", System.StringComparison.Ordinal)))
                .Select(l => DetectionFormatter.TryParseDetection(l, out string label, out _, out _) ? label : "?")
                .ToArray();
            Assert.Equal(new[] { "yes", "no", "yes" }, labels);
        }
    }
}

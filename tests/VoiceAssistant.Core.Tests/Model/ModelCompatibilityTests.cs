using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;
using Xunit;

namespace VoiceAssistant.Core.Tests.Model
{
    public class ModelCompatibilityTests
    {
        // Values written out by hand (the micro_speech shape), not copied from AssistantSettings.
        private static ModelInfo Good() => new ModelInfo
        {
            Labels = new[] { "silence", "unknown", "yes", "no" },
            FeatureVersion = 1,
            SampleRate = 16000,
            WindowSamples = 480,
            HopSamples = 320,
            CoefficientCount = 40,
            WindowFrames = 49,
            InputScale = 0.5f,
            InputZeroPoint = -128,
            DetectionThreshold = 200,
            AverageWindowMs = 1000,
            SuppressionMs = 1500,
            MinimumResultCount = 3,
            ArenaBytes = 10240,
            ModelSha256 = new string('a', 64),
            ModelLength = 4,
        };

        [Fact]
        public void MatchingModelIsCompatible()
        {
            Assert.Null(ModelCompatibility.Check(Good(), new AssistantSettings(), new byte[4]));
            ModelCompatibility.Ensure(Good(), new AssistantSettings(), null);
        }

        [Fact]
        public void FeatureVersionMismatchSaysWhatToDo()
        {
            var info = Good();
            info.FeatureVersion = 2;
            string message = ModelCompatibility.Check(info, new AssistantSettings(), null);
            Assert.Contains("featureVersion 2", message);
            Assert.Contains("featureVersion 1", message);
            Assert.Contains("retrain", message);
        }

        public static TheoryData<string, int> ShapeFields() => new TheoryData<string, int>
        {
            { "SampleRate", 8000 }, { "WindowSamples", 512 }, { "HopSamples", 160 }, { "CoefficientCount", 13 }, { "WindowFrames", 98 },
        };

        [Theory]
        [MemberData(nameof(ShapeFields))]
        public void EachFeatureParameterIsChecked(string field, int value)
        {
            var info = Good();
            typeof(ModelInfo).GetProperty(field).SetValue(info, value);
            string message = ModelCompatibility.Check(info, new AssistantSettings(), null);
            Assert.Equal("model expects " + field + " " + value + " but this firmware uses " + typeof(ModelInfo).GetProperty(field).GetValue(Good()), message);
        }

        [Theory]
        [InlineData(null, "at least two labels")]
        [InlineData(new[] { "yes" }, "at least two labels")]
        [InlineData(new[] { "yes", "" }, "label 1 is empty")]
        [InlineData(new[] { "yes", "no way" }, "label 1 is empty or contains whitespace")]
        [InlineData(new[] { "yes", "no", "yes" }, "'yes' appears twice")]
        public void BadLabelsAreRejected(string[] labels, string expected)
        {
            var info = Good();
            info.Labels = labels;
            Assert.Contains(expected, ModelCompatibility.Check(info, new AssistantSettings(), null));
        }

        [Fact]
        public void WakeLabelMustBeAModelLabel()
        {
            var settings = new AssistantSettings { WakeLabel = "marvin" };
            Assert.Equal("wake label 'marvin' is not one of the model's labels", ModelCompatibility.Check(Good(), settings, null));
            settings.WakeLabel = "yes";
            Assert.Null(ModelCompatibility.Check(Good(), settings, null));
        }

        [Theory]
        [InlineData(0f, 0, "input scale")]
        [InlineData(float.NaN, 0, "input scale")]
        [InlineData(float.PositiveInfinity, 0, "input scale")]
        [InlineData(1f, 128, "zero point 128")]
        [InlineData(1f, -129, "zero point -129")]
        public void QuantisationIsChecked(float scale, int zeroPoint, string expected)
        {
            var info = Good();
            info.InputScale = scale;
            info.InputZeroPoint = zeroPoint;
            Assert.Contains(expected, ModelCompatibility.Check(info, new AssistantSettings(), null));
        }

        [Fact]
        public void TuningArenaAndLengthAreChecked()
        {
            var info = Good();
            info.DetectionThreshold = 256;
            Assert.Contains("threshold 256", ModelCompatibility.Check(info, new AssistantSettings(), null));
            info = Good();
            info.MinimumResultCount = 0;
            Assert.Contains("MinimumResultCount", ModelCompatibility.Check(info, new AssistantSettings(), null));
            info = Good();
            info.ArenaBytes = 0;
            Assert.Contains("arena", ModelCompatibility.Check(info, new AssistantSettings(), null));
            Assert.Equal("model bytes are 5 long but the model info says 4; regenerate the model source",
                ModelCompatibility.Check(Good(), new AssistantSettings(), new byte[5]));
        }

        [Fact]
        public void EnsureThrowsWithTheMessage()
        {
            var info = Good();
            info.FeatureVersion = 9;
            var e = Assert.Throws<System.InvalidOperationException>(() => ModelCompatibility.Ensure(info, new AssistantSettings(), null));
            Assert.StartsWith("model incompatible: model was trained with featureVersion 9", e.Message);
        }

        [Fact]
        public void TuningIsAppliedToTheSettings()
        {
            var info = Good();
            info.DetectionThreshold = 180;
            info.AverageWindowMs = 800;
            info.SuppressionMs = 700;
            info.MinimumResultCount = 5;
            var settings = new AssistantSettings();
            info.ApplyRecognizerTuning(settings);
            Assert.Equal((180, 800, 700, 5), (settings.DetectionThreshold, settings.AverageWindowMs, settings.SuppressionMs, settings.MinimumResultCount));
        }
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Codegen.Model;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Export;
using VoiceAssistant.Tflite;
using Xunit;

namespace VoiceAssistant.Codegen.Tests
{
    public class ModelCodegenTests
    {
        // The manifest the export step writes (VoiceAssistant.Export.ModelManifest), tuned recogniser values.
        private const string ManifestJson = @"{
  ""format"": 1, ""model"": ""keyword.tflite"", ""modelBytes"": 1, ""sha256"": ""00"",
  ""labels"": [""silence"", ""unknown"", ""yes"", ""no""],
  ""featureVersion"": 1,
  ""features"": { ""sampleRate"": 16000, ""windowSamples"": 480, ""hopSamples"": 320, ""fftLength"": 512, ""melBands"": 40,
                ""lowerFrequencyHz"": 20, ""upperFrequencyHz"": 4000, ""coefficients"": 40, ""frames"": 49 },
  ""input"": { ""scale"": 0.25, ""zeroPoint"": -7 },
  ""recognizer"": { ""detectionThreshold"": 190, ""averageWindowMs"": 900, ""suppressionMs"": 1200, ""minimumResultCount"": 4 }
}";

        [Fact]
        public void GeneratedCSharpCompilesAndCarriesTheModelAndItsInfo()
        {
            byte[] model = SmallModels.Keyword();
            var files = ModelCodegen.Generate(model, ModelManifest.Parse(ManifestJson));
            GeneratedFile cs = files.Single(f => f.RelativePath == "firmware/VoiceAssistant/Generated/ShippedModel.g.cs");

            Type type = CompileAndLoad(cs.Content).GetType("VoiceAssistant.App.ShippedModel", throwOnError: true);
            var bytes = (byte[])type.GetField("Bytes", BindingFlags.Static | BindingFlags.NonPublic).GetValue(null);
            Assert.Equal(model, bytes);
            var info = (ModelInfo)type.GetMethod("CreateInfo", BindingFlags.Static | BindingFlags.NonPublic).Invoke(null, null);
            Assert.Equal(new[] { "silence", "unknown", "yes", "no" }, info.Labels);
            Assert.Equal((1, 16000, 480, 320, 40, 49), (info.FeatureVersion, info.SampleRate, info.WindowSamples, info.HopSamples, info.CoefficientCount, info.WindowFrames));
            Assert.Equal(0.25f, info.InputScale);   // from the model's input tensor
            Assert.Equal(-7, info.InputZeroPoint);
            Assert.Equal((190, 900, 1200, 4), (info.DetectionThreshold, info.AverageWindowMs, info.SuppressionMs, info.MinimumResultCount));
            Assert.Equal(model.Length, info.ModelLength);
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(model)).ToLowerInvariant(), info.ModelSha256);
            Assert.Null(ModelCompatibility.Check(info, new Core.Settings.AssistantSettings(), bytes));
        }

        [Fact]
        public void ArenaHintIsThePlannedActivationsPlusBookkeepingRoundedToAKilobyte()
        {
            // Hand plan of the test model: input 1960 (→1968 aligned) and logits 4 live together, probs 4 reuses the
            // input's place: 1968 + 16 = 1984 bytes; + 4096 = 6080 → 6144.
            var info = ModelCodegen.Describe(SmallModels.Keyword(), ModelManifest.Parse(ManifestJson));
            Assert.Equal(6144, info.ArenaBytes);
            var measured = ModelManifest.Parse(ManifestJson.Replace("\"featureVersion\": 1,", "\"featureVersion\": 1, \"arenaBytes\": 7312,"));
            Assert.Equal(7312, ModelCodegen.Describe(SmallModels.Keyword(), measured).ArenaBytes);
        }

        [Fact]
        public void HeaderHasTheNativeConstantsAndCompilesWithTheHostCompiler()
        {
            var files = ModelCodegen.Generate(SmallModels.Keyword(), ModelManifest.Parse(ManifestJson));
            string h = files.Single(f => f.RelativePath == "native-interop/tflm/generated/shipped_model.h").Content;
            Assert.Contains("namespace shipped_model {", h);
            Assert.Contains("constexpr int32_t kInputElements = 1960;", h);
            Assert.Contains("constexpr int32_t kLabelCount = 4;", h);
            Assert.Contains("constexpr int32_t kOutputZeroPoint = -128;", h);
            Assert.Contains("constexpr float kOutputScale = 0.00390625f;", h);
            Assert.DoesNotContain("uint8_t", h); // the model bytes ship with the managed app, not the firmware

            string gxx = FindOnPath("g++");
            if (gxx == null)
            {
                Assert.Skip("g++ not installed");
            }

            string dir = Directory.CreateTempSubdirectory("va-model-h").FullName;
            try
            {
                File.WriteAllText(Path.Combine(dir, "shipped_model.h"), h);
                File.WriteAllText(Path.Combine(dir, "check.cpp"),
                    "#include \"shipped_model.h\"\nstatic_assert(voice_assistant::tflm::shipped_model::kInputElements == 49 * 40, \"\");\nint main() { return 0; }\n");
                var psi = new ProcessStartInfo(gxx, "-std=c++17 -Wall -Wextra -Wshadow -Werror -fsyntax-only check.cpp") { WorkingDirectory = dir, RedirectStandardError = true };
                using var p = Process.Start(psi);
                string err = p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, err);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData(1961, 4, null, "input has 1961 elements")]
        [InlineData(1960, 3, null, "output has 3 scores but the manifest lists 4 labels")]
        [InlineData(1960, 4, BuiltinOperator.Reshape, null)]
        public void ShapesAreCheckedAgainstTheManifest(int inputs, int labels, BuiltinOperator? extra, string expected)
        {
            byte[] model = SmallModels.Keyword(inputs, labels, extra: extra);
            if (expected == null)
            {
                ModelCodegen.Describe(model, ModelManifest.Parse(ManifestJson));
                return;
            }

            var e = Assert.Throws<InvalidDataException>(() => ModelCodegen.Describe(model, ModelManifest.Parse(ManifestJson)));
            Assert.Contains(expected, e.Message);
        }

        [Fact]
        public void ManifestQuantisationMustAgreeWithTheModel()
        {
            var m = ModelManifest.Parse(ManifestJson.Replace("\"scale\": 0.25", "\"scale\": 0.5"));
            var e = Assert.Throws<InvalidDataException>(() => ModelCodegen.Describe(SmallModels.Keyword(), m));
            Assert.Contains("input scale 0.5 differs from the model's 0.25", e.Message);
        }

        [Fact]
        public void SettingsIncompatibilityFailsAtGenerationTime()
        {
            var m = ModelManifest.Parse(ManifestJson.Replace("\"featureVersion\": 1,", "\"featureVersion\": 2,"));
            var e = Assert.Throws<InvalidDataException>(() => ModelCodegen.Describe(SmallModels.Keyword(), m));
            Assert.Contains("featureVersion 2", e.Message);
        }

        [Fact]
        public void NotAModelIsReportedAsInvalidData()
        {
            var e = Assert.Throws<InvalidDataException>(() => ModelCodegen.Describe(new byte[64], ModelManifest.Parse(ManifestJson)));
            Assert.StartsWith("model:", e.Message);
        }

        [Fact]
        public void WriterReplacesFilesAtomicallyAndLeavesNoTemporaries()
        {
            string root = Directory.CreateTempSubdirectory("va-model-root").FullName;
            try
            {
                var files = ModelCodegen.Generate(SmallModels.Keyword(), ModelManifest.Parse(ManifestJson));
                GeneratedFileWriter.WriteAll(root, files);
                GeneratedFileWriter.WriteAll(root, files);
                string[] all = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).OrderBy(p => p).ToArray();
                Assert.Equal(new[] { ModelCodegen.CSharpPath, ModelCodegen.CppPath }.OrderBy(p => p), all);
            }
            finally
            {
                Directory.Delete(root, true);
            }
        }

        [Fact]
        public void StringLiteralsEscapeQuotesAndBackslashes()
        {
            Assert.Equal("\"a\\\"b\\\\c\"", ModelCodegen.CSharpString("a\"b\\c"));
        }

        internal static string FindOnPath(string name)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        internal static Assembly CompileAndLoad(string source)
        {
            string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator);
            var references = trusted.Select(p => MetadataReference.CreateFromFile(p)).ToList();
            references.Add(MetadataReference.CreateFromFile(typeof(ModelInfo).Assembly.Location));
            var compilation = CSharpCompilation.Create("Generated" + Guid.NewGuid().ToString("N"),
                new[] { CSharpSyntaxTree.ParseText(source) }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, warningLevel: 4, generalDiagnosticOption: ReportDiagnostic.Error));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
            return Assembly.Load(image.ToArray());
        }
    }
}

using System.IO;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Codegen.Model;
using VoiceAssistant.Export;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Codegen.Tests
{
    /// <summary>The committed generated model sources are exactly what the committed shipped model produces.</summary>
    public class ShippedModelSourcesTests
    {
        private const string Manifest = "models/yes-no/model.manifest.json";

        [Fact]
        public void CommittedSourcesMatchTheShippedModel()
        {
            // Load checks the manifest against the model file's size and sha256.
            ModelManifest manifest = ModelManifest.Load(RepoPaths.Of(Manifest));
            byte[] model = File.ReadAllBytes(RepoPaths.Of("models/yes-no/" + manifest.Model));
            foreach (GeneratedFile file in ModelCodegen.Generate(model, manifest))
            {
                string committed = RepoPaths.Of(file.RelativePath);
                Assert.True(File.Exists(committed), $"{file.RelativePath} missing: run dotnet run --project tools/VoiceAssistant.Codegen -- model --manifest {Manifest}");
                Assert.Equal(file.Content, File.ReadAllText(committed));
            }
        }
    }
}

using System;
using System.IO;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Codegen.Version;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Codegen.Tests
{
    /// <summary>One version for everything: VERSION, the generated constants the device assemblies use, the .NET builds.</summary>
    public class ProductVersionTests
    {
        [Fact]
        public void CommittedConstantsAreGeneratedFromVersionFile()
        {
            string version = VersionCodegen.Parse(File.ReadAllText(RepoPaths.Of(VersionCodegen.VersionFile)));
            GeneratedFile file = VersionCodegen.Generate(version);
            Assert.True(File.Exists(RepoPaths.Of(file.RelativePath)), $"{file.RelativePath} missing: run dotnet run --project tools/VoiceAssistant.Codegen -- version");
            Assert.Equal(file.Content, File.ReadAllText(RepoPaths.Of(file.RelativePath)));
        }

        [Fact]
        public void ConstantsAndTheToolsAssemblyVersionEqualVersionFile()
        {
            string version = File.ReadAllText(RepoPaths.Of("VERSION")).Trim();
            // The constants are read through variables: the file on disk is the expected value here.
            string text = VoiceAssistant.Core.ProductVersion.Text, assembly = VoiceAssistant.Core.ProductVersion.Assembly;
            Assert.Equal(version, text);
            Assert.Equal(version + ".0", assembly);
            Assert.Equal(new System.Version(version + ".0"), typeof(VersionCodegen).Assembly.GetName().Version);
        }

        [Theory]
        [InlineData("0.9.0\n", "0.9.0")]
        [InlineData("  12.0.65534 \r\n", "12.0.65534")]
        public void ParseAcceptsThreeParts(string text, string expected) => Assert.Equal(expected, VersionCodegen.Parse(text));

        [Theory]
        [InlineData("")]
        [InlineData("1.0")]
        [InlineData("1.0.0.0")]
        [InlineData("1.0.0-beta")]
        [InlineData("01.0.0")]
        [InlineData("1.0.65535")]
        public void ParseRefusesWhatIsNotMajorMinorPatch(string text) => Assert.Throws<FormatException>(() => VersionCodegen.Parse(text));
    }
}

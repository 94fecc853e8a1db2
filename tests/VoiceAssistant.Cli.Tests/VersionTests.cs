using System.IO;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Cli.Tests
{
    /// <summary><c>va --version</c> prints the product's one version, the VERSION file's.</summary>
    public class VersionTests
    {
        [Fact]
        public void VersionOptionPrintsTheVersionFile()
        {
            var (code, output, error) = CliRunner.Run("--version");
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            Assert.Equal(File.ReadAllText(RepoPaths.Of("VERSION")).Trim() + System.Environment.NewLine, output);
        }
    }
}

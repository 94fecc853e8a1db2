using System.IO;
using System.Linq;
using System.Xml.Linq;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Packaging.Tests
{
    /// <summary>`va` as a .NET tool: packed, installed into a tool path from the local folder, run from elsewhere.</summary>
    public class ToolPackageTests
    {
        [Fact]
        public void ToolPackageIsTheVaCommandAtTheProductVersion()
        {
            string package = Packages.Require("VoiceAssistant.Cli");
            XElement metadata = Packages.Metadata(package);
            Assert.Equal(Packages.Version, Packages.Value(metadata, "version"));
            Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string)e.Attribute("name") == "DotnetTool");

            string settings = Packages.Entries(package).Single(e => e.EndsWith("/DotnetToolSettings.xml", System.StringComparison.Ordinal));
            XElement command = XDocument.Load(new MemoryStream(Packages.Read(package, settings))).Descendants().Single(e => e.Name.LocalName == "Command");
            Assert.Equal("va", (string)command.Attribute("Name"));
            Assert.Equal("va.dll", (string)command.Attribute("EntryPoint"));
        }

        [Fact]
        public void InstalledToolListensToTheSampleFromAnotherFolderAsTheReadmeShows()
        {
            Packages.Require("VoiceAssistant.Cli");
            string root = Packages.TempFolder("tool");
            try
            {
                Packages.WriteNuGetConfig(root);
                string tools = Path.Combine(root, "tools");
                RunResult install = Packages.Dotnet(root, "tool", "install", "VoiceAssistant.Cli", "--version", Packages.Version,
                    "--tool-path", tools, "--configfile", Path.Combine(root, "NuGet.config"));
                Assert.True(install.ExitCode == 0, install.Output + install.Error);

                // Another folder: no repository above it, so the model can only be the one built into the tool.
                string elsewhere = Path.Combine(root, "elsewhere");
                Directory.CreateDirectory(elsewhere);
                File.Copy(RepoPaths.Of("samples/yes-no.wav"), Path.Combine(elsewhere, "yes-no.wav"));
                var va = new System.Diagnostics.ProcessStartInfo(Path.Combine(tools, "va")) { WorkingDirectory = elsewhere };
                va.ArgumentList.Add("listen");
                va.ArgumentList.Add("yes-no.wav");
                RunResult listen = Processes.Run(va, System.TimeSpan.FromMinutes(2));
                Assert.True(listen.ExitCode == 0, listen.Error);
                Assert.Equal(Readme.OutputAfter("listen samples/yes-no.wav"), listen.Lines);

                var version = new System.Diagnostics.ProcessStartInfo(Path.Combine(tools, "va")) { WorkingDirectory = elsewhere };
                version.ArgumentList.Add("--version");
                RunResult printed = Processes.Run(version, System.TimeSpan.FromMinutes(1));
                Assert.Equal(0, printed.ExitCode);
                Assert.Equal(new[] { Packages.Version }, printed.Lines);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Projects
{
    /// <summary>
    /// Classic .nfproj files list their sources explicitly (Visual Studio's nanoFramework project system has
    /// no globbing), while the SDK builds glob the folder. These tests keep both views of each folder equal.
    /// </summary>
    public class NanoProjectFileTests
    {
        public static TheoryData<string> NanoProjects()
        {
            var data = new TheoryData<string>();
            foreach (string path in Directory.EnumerateFiles(RepoPaths.Root, "*.nfproj", SearchOption.AllDirectories)
                         .Where(p => !IsBuildOutput(p))
                         .OrderBy(p => p, StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'));
            }

            return data;
        }

        [Fact]
        public void TheCoreHasANanoProject()
        {
            Assert.Contains("firmware/VoiceAssistant.Core/VoiceAssistant.Core.nfproj", NanoProjects().Select(row => row.Data));
        }

        [Theory]
        [MemberData(nameof(NanoProjects))]
        public void CompileItemsEqualTheSourceFilesOfTheFolder(string project)
        {
            string projectPath = RepoPaths.Of(project);
            string folder = Path.GetDirectoryName(projectPath);
            XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
            XElement[] items = XDocument.Load(projectPath).Descendants(ns + "Compile").ToArray();
            string[] listed = items.Select(e => e.Attribute("Include").Value.Replace('\\', '/')).ToArray();

            // A generated source that may not exist yet is listed with Exists() on itself (e.g. the app's shipped model).
            string[] optional = items.Where(IsOptionalGenerated).Select(e => e.Attribute("Include").Value.Replace('\\', '/')).ToArray();

            string[] inFolder = listed.Where(p => !p.StartsWith("../", StringComparison.Ordinal)).OrderBy(p => p, StringComparer.Ordinal).ToArray();
            string[] onDisk = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(p))
                .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();

            string[] missing = onDisk.Except(inFolder).ToArray();
            string[] stale = inFolder.Except(onDisk).Except(optional).ToArray();
            Assert.True(missing.Length == 0 && stale.Length == 0,
                $"{project}: add <Compile Include> for [{string.Join(", ", missing)}]; remove stale items [{string.Join(", ", stale)}]");
            Assert.Equal(listed.Length, listed.Distinct().Count());

            foreach (string linked in listed.Where(p => p.StartsWith("../", StringComparison.Ordinal)))
            {
                Assert.True(File.Exists(Path.Combine(folder, linked)), $"{project}: linked source {linked} does not exist");
            }
        }

        [Theory]
        [MemberData(nameof(NanoProjects))]
        public void NanoSolutionListsTheProjectWithItsGuid(string project)
        {
            // nf.proj.sln is the Visual Studio solution of the device projects (nanoFramework project type GUID).
            string solution = File.ReadAllText(RepoPaths.Of("nf.proj.sln"));
            XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
            string guid = XDocument.Load(RepoPaths.Of(project)).Descendants(ns + "ProjectGuid").Single().Value.ToUpperInvariant();
            string expected = "Project(\"{11A8DD76-328B-46DF-9F39-F559912D0360}\") = \"" + Path.GetFileNameWithoutExtension(project) + "\", \""
                + project.Replace('/', '\\') + "\", \"" + guid + "\"";
            Assert.Contains(expected, solution);
            Assert.Contains(guid + ".Release|Any CPU.Build.0 = Release|Any CPU", solution);
        }

        [Fact]
        public void DeviceProjectsAreAllPresent()
        {
            var projects = NanoProjects().Select(row => row.Data).ToArray();
            Assert.Contains("firmware/VoiceAssistant.Interop/VoiceAssistant.Interop.nfproj", projects);
            Assert.Contains("firmware/VoiceAssistant/VoiceAssistant.nfproj", projects);
            Assert.Contains("tests/VoiceAssistant.Device.Tests/NFUnitTest.nfproj", projects);
        }

        private static bool IsOptionalGenerated(XElement item)
        {
            string include = item.Attribute("Include").Value;
            string condition = item.Attribute("Condition")?.Value;
            return include.EndsWith(".g.cs", StringComparison.Ordinal) && condition == "Exists('" + include + "')";
        }

        private static bool IsBuildOutput(string path)
        {
            string p = path.Replace('\\', '/');
            return p.Contains("/bin/", StringComparison.Ordinal) || p.Contains("/obj/", StringComparison.Ordinal);
        }
    }
}

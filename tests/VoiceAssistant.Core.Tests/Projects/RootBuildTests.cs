using System;
using System.Diagnostics;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Projects
{
    /// <summary>
    /// Plain <c>dotnet build</c> / <c>dotnet test</c> at the repository root must find the host solution although
    /// <c>nf.proj.sln</c> (the nanoFramework projects for Visual Studio) sits beside it; without help MSBuild stops
    /// with MSB1011 (two solution files). Only the project discovery is run here, not a build.
    /// </summary>
    public class RootBuildTests
    {
        [Fact]
        public async System.Threading.Tasks.Task PlainMsBuildAtTheRootPicksTheHostSolution()
        {
            var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = RepoPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in new[] { "msbuild", "-nologo", "-nodeReuse:false", "-v:n", "-t:ValidateSolutionConfiguration" })
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi);
            var errorTask = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            string output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            string error = await errorTask;
            Assert.True(process.WaitForExit(120_000), "msbuild did not finish in 2 minutes");
            Assert.True(process.ExitCode == 0, output + error);
            Assert.DoesNotContain("MSB1011", output, StringComparison.Ordinal);
            Assert.Contains("VoiceAssistant.slnx", output, StringComparison.Ordinal);
        }
    }
}

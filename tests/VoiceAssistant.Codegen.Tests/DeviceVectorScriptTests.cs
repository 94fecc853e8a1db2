using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Codegen.Tests
{
    /// <summary>
    /// tools/scripts/device-vectors.sh as the device tests' README shows it: the shipped model's score cases are
    /// included, and two runs write the same file (sox used to dither at random).
    /// </summary>
    public sealed class DeviceVectorScriptTests : IDisposable
    {
        private readonly string dir = Directory.CreateTempSubdirectory("va-vectors").FullName;

        public void Dispose() => Directory.Delete(dir, true);

        private async Task<string> RunScript(string root)
        {
            Directory.CreateDirectory(root);
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(RepoPaths.Of("tools/scripts/device-vectors.sh"));
            psi.ArgumentList.Add("--root");
            psi.ArgumentList.Add(root);

            // The built generator of this configuration instead of `dotnet run` (no second build inside the test run).
            psi.Environment["VA_CODEGEN"] = $"{Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet"} {BuildOutputs.CodegenAssembly}";
            using Process process = Process.Start(psi);
            Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            string output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, output + await error);
            return File.ReadAllText(Path.Combine(root, "tests/VoiceAssistant.Device.Tests/Generated/DeviceVectors.g.cs"));
        }

        private static bool OnPath(string tool) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool)));

        [Fact]
        public async Task TheScriptIncludesTheShippedModelAndRepeatsItself()
        {
            if (!OnPath("espeak-ng") || !OnPath("sox"))
            {
                Prerequisite.Missing("espeak-ng and sox (apt-get install -y espeak-ng sox)");
            }

            string first = await RunScript(Path.Combine(dir, "a"));
            string second = await RunScript(Path.Combine(dir, "b"));
            Assert.Contains("internal const int ModelAvailable = 1;", first, StringComparison.Ordinal);
            Assert.Contains("Model cases from the shipped model", first, StringComparison.Ordinal);
            Assert.Equal(first, second);
        }
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Packaging.Tests
{
    /// <summary>
    /// tools/firmware-image/build.sh as far as it runs here (no ESP-IDF): its plan names the pinned sources, our
    /// FindINTEROP module and the native checksum, and it refuses bad arguments and a missing ESP-IDF before fetching
    /// anything. The module itself is configured by CTest (FirmwareImage.InteropModuleConfigures) and built into the
    /// virtual board.
    /// </summary>
    public class FirmwareImageRecipeTests : IDisposable
    {
        private readonly string work = Packages.TempFolder("image");

        public void Dispose() => Directory.Delete(work, recursive: true);

        [Fact]
        public void DryRunNamesThePinnedSourcesTheModuleTheChecksumAndTheFlashCommand()
        {
            RunResult run = Recipe(null, "--dry-run", "--target", "ESP32_PSRAM_REV0");
            Assert.True(run.ExitCode == 0, run.Error);
            string pins = File.ReadAllText(RepoPaths.Of("tools/third-party-pins.txt"));
            string nfCommit = Regex.Match(pins, @"^nf-interpreter \S+ ([0-9a-f]{40})$", RegexOptions.Multiline).Groups[1].Value;
            Assert.Contains("nf-interpreter " + nfCommit, run.Output, StringComparison.Ordinal);
            Assert.Contains("cmake --preset ESP32_PSRAM_REV0 -DNF_INTEROP_ASSEMBLIES=VoiceAssistant.Interop", run.Output, StringComparison.Ordinal);
            Assert.Contains("-DINTEROP-VoiceAssistant.Interop_DIR=" + RepoPaths.Of("native-interop/nanoframework") + " ", run.Output, StringComparison.Ordinal);
            Assert.Contains("-DVA_WITH_TFLM=ON -DVA_TFLM_SOURCE_DIR=", run.Output, StringComparison.Ordinal);

            Assert.Contains($"VoiceAssistant.Interop,{Packages.NativeVersion},{Packages.StubChecksum}", run.Output, StringComparison.Ordinal);
            string image = Path.Combine(work, "ESP32_PSRAM_REV0", "nanoCLR.bin");
            Assert.Contains("va flash --target ESP32_PSRAM_REV0 --clrfile " + image + "\n", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void WithoutEspIdfItStopsBeforeFetchingAnything()
        {
            RunResult run = Recipe(string.Empty);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("ESP-IDF not found: set IDF_PATH", run.Error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(work));
        }

        [Theory]
        [InlineData("--target", "ESP32_S9")]
        [InlineData("--bogus")]
        [InlineData("--target")]
        public void BadArgumentsAreRefused(params string[] arguments)
        {
            RunResult run = Recipe(null, arguments);
            Assert.Equal(2, run.ExitCode);
            Assert.NotEmpty(run.Error);
            Assert.DoesNotContain("line ", run.Error, StringComparison.Ordinal);
        }

        private RunResult Recipe(string idfPath, params string[] arguments)
        {
            var start = new ProcessStartInfo("bash");
            start.ArgumentList.Add(RepoPaths.Of("tools/firmware-image/build.sh"));
            start.ArgumentList.Add("--work");
            start.ArgumentList.Add(work);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            if (idfPath != null)
            {
                start.Environment["IDF_PATH"] = idfPath;
            }

            return Processes.Run(start, TimeSpan.FromMinutes(1));
        }
    }
}

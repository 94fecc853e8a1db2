using System;
using System.IO;
using VoiceAssistant.Board;
using VoiceAssistant.Cli.Commands;
using Xunit;

namespace VoiceAssistant.Cli.Tests
{
    /// <summary>PATH and the port lister are process-wide: these tests run one at a time.</summary>
    [CollectionDefinition("process-wide state", DisableParallelization = true)]
    public sealed class ProcessWideState
    {
    }

    [Collection("process-wide state")]
    public sealed class DeviceCommandTests : IDisposable
    {
        private readonly string dir = Directory.CreateTempSubdirectory("va-nanoff").FullName;
        private readonly string originalPath = Environment.GetEnvironmentVariable("PATH");
        private readonly Func<string[]> originalPorts = PortPicker.ListPorts;

        // The ports the tests name exist on this pretend machine (a named port must exist).
        public DeviceCommandTests() => PortPicker.ListPorts = () => new[] { "/dev/ttyUSB0", "COM3", "COM4" };

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("PATH", originalPath);
            PortPicker.ListPorts = originalPorts;
            Directory.Delete(dir, true);
        }

        private string ArgsFile => Path.Combine(dir, "args.txt");

        // A fake nanoff that records its arguments one per line and exits with the given code.
        private void InstallFakeNanoff(int exitCode = 0)
        {
            string script = Path.Combine(dir, "nanoff");
            File.WriteAllText(script, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\" >> '" + ArgsFile + "'; done\necho fake nanoff ran\nexit " + exitCode + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Environment.SetEnvironmentVariable("PATH", dir + Path.PathSeparator + "/usr/bin" + Path.PathSeparator + "/bin");
        }

        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = Program.Run(args, new CliConsole(o, e));
            return (code, o.ToString(), e.ToString());
        }

        private string Bin(string name)
        {
            string path = Path.Combine(dir, name);
            File.WriteAllBytes(path, new byte[] { 1, 2, 3 });
            return path;
        }

        [Fact]
        public void FlashPassesTheCustomImageToNanoff()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Skip("the fake nanoff is a POSIX shell script");
            }

            InstallFakeNanoff();
            string clr = Bin("nanoCLR.bin");
            var (code, output, error) = Run("flash", "--target", "ESP32_PSRAM_REV0", "--port", "/dev/ttyUSB0", "--clrfile", clr, "--masserase");
            Assert.True(code == 0, error);
            Assert.Equal(new[] { "--update", "--target", "ESP32_PSRAM_REV0", "--serialport", "/dev/ttyUSB0", "--clrfile", clr, "--masserase" }, File.ReadAllLines(ArgsFile));
            Assert.Contains("fake nanoff ran", output);
        }

        [Fact]
        public void DeployOnClassicEsp32PassesTheDeploymentAddress()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Skip("the fake nanoff is a POSIX shell script");
            }

            InstallFakeNanoff();
            PortPicker.ListPorts = () => new[] { "/dev/ttyUSB7" };
            string image = Bin("VoiceAssistant.bin");
            var (code, output, error) = Run("deploy", "--target", "ESP32_REV0", "--image", image);
            Assert.True(code == 0, error);
            Assert.Equal(new[] { "--target", "ESP32_REV0", "--serialport", "/dev/ttyUSB7", "--deploy", "--image", image, "--address", "0x1E0000" }, File.ReadAllLines(ArgsFile));
            Assert.Contains("using the only serial port /dev/ttyUSB7", output);
        }

        [Fact]
        public void DeployOnS3LeavesTheAddressToNanoffUnlessGiven()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Skip("the fake nanoff is a POSIX shell script");
            }

            InstallFakeNanoff();
            string image = Bin("VoiceAssistant.bin");
            Assert.Equal(0, Run("deploy", "--target", "ESP32_S3_OCTAL", "--port", "COM4", "--image", image).Code);
            Assert.DoesNotContain("--address", File.ReadAllLines(ArgsFile));
            File.Delete(ArgsFile);
            Assert.Equal(0, Run("deploy", "--target", "ESP32_S3_OCTAL", "--port", "COM4", "--image", image, "--address", "0x1B0000").Code);
            Assert.EndsWith("0x1B0000", File.ReadAllText(ArgsFile).Trim());
        }

        [Fact]
        public void MissingNanoffSaysHowToInstallIt()
        {
            Environment.SetEnvironmentVariable("PATH", dir);
            var (code, _, error) = Run("flash", "--target", "ESP32_REV0", "--port", "COM3");
            Assert.Equal(ExitCodes.ExternalTool, code);
            Assert.Contains("dotnet tool install -g nanoff", error);
        }

        [Fact]
        public void NanoffFailureIsReported()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Skip("the fake nanoff is a POSIX shell script");
            }

            InstallFakeNanoff(exitCode: 5);
            var (code, _, error) = Run("flash", "--target", "ESP32_REV0", "--port", "COM3");
            Assert.Equal(ExitCodes.ExternalTool, code);
            Assert.Contains("nanoff exited with code 5", error);
        }

        [Fact]
        public void BadInputsAreRefusedBeforeRunningNanoff()
        {
            InstallFakeNanoff();
            Assert.Equal(ExitCodes.UsageOrIo, Run("flash", "--target", "ESP32_REV0", "--port", "COM3", "--clrfile", Path.Combine(dir, "missing.bin")).Code);
            Assert.Equal(ExitCodes.UsageOrIo, Run("flash", "--target", "ESP32_REV0", "--port", "COM3", "--clrfile", Bin("nanoCLR.elf")).Code);
            Assert.Equal(ExitCodes.UsageOrIo, Run("deploy", "--target", "ESP32_REV0", "--port", "COM3", "--image", Bin("a.bin"), "--address", "1E0000").Code);
            PortPicker.ListPorts = () => new[] { "COM3", "COM4" };
            var (code, _, error) = Run("deploy", "--target", "ESP32_REV0", "--image", Bin("a.bin"));
            Assert.Equal(ExitCodes.UsageOrIo, code);
            Assert.Contains("several serial ports (COM3, COM4)", error);
            Assert.False(File.Exists(ArgsFile));
        }

        [Theory]
        [InlineData("ESP32_REV0", true)]
        [InlineData("ESP32_PSRAM_REV3", true)]
        [InlineData("ESP32_S3_OCTAL", false)]
        [InlineData("ESP32_C3", false)]
        [InlineData("ESP32", true)]
        [InlineData("STM32F769I_DISCOVERY", false)]
        public void ClassicEsp32Targets(string target, bool classic)
        {
            Assert.Equal(classic, DeployCommand.IsClassicEsp32(target));
        }
    }
}

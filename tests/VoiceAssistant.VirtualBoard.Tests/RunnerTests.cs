using System;
using System.Collections.Generic;
using System.IO;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.VirtualBoard.Tests
{
    /// <summary>tools/virtual-board/run.sh on bad input: one clear line, a non-zero exit, never a hang.</summary>
    public class RunnerTests
    {
        [Fact]
        public void AWavTheMicrophoneCannotPlayIsRefusedWithTheReason()
        {
            Board.Require();
            string wav = Path.Combine(Path.GetTempPath(), $"va-vb-stereo-{Guid.NewGuid():N}.wav");
            try
            {
                // 44.1 kHz stereo: a format the board's microphone never delivers.
                using (var w = new BinaryWriter(File.Create(wav)))
                {
                    w.Write("RIFF"u8);
                    w.Write(36 + 400);
                    w.Write("WAVEfmt "u8);
                    w.Write(16);
                    w.Write((short)1);
                    w.Write((short)2);
                    w.Write(44100);
                    w.Write(44100 * 4);
                    w.Write((short)4);
                    w.Write((short)16);
                    w.Write("data"u8);
                    w.Write(400);
                    w.Write(new byte[400]);
                }

                RunResult run = Board.Run(null, "app", wav);
                Assert.Equal(3, run.ExitCode);
                Assert.Contains("44100 Hz, 2 channel(s)", run.Error);
                Assert.Contains("16 kHz mono 16-bit PCM", run.Error);
                Assert.DoesNotContain("Exception", run.Error + run.Output);
            }
            finally
            {
                File.Delete(wav);
            }
        }

        [Fact]
        public void AFileThatIsNotAWavIsRefused()
        {
            Board.Require();
            string wav = Path.Combine(Path.GetTempPath(), $"va-vb-text-{Guid.NewGuid():N}.wav");
            File.WriteAllText(wav, "not audio");
            try
            {
                RunResult run = Board.Run(null, "app", wav);
                Assert.Equal(3, run.ExitCode);
                Assert.Contains("is not a RIFF/WAVE file", run.Error);
            }
            finally
            {
                File.Delete(wav);
            }
        }

        [Fact]
        public void AMissingWavIsAUsageError()
        {
            RunResult run = Board.Run(null, "app", "/nonexistent/recording.wav");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("no such file: /nonexistent/recording.wav", run.Error);
        }

        [Fact]
        public void UnknownCommandsPrintTheUsage()
        {
            RunResult run = Board.Run(null, "flash");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("run.sh app <file.wav>", run.Error);
        }

        [Fact]
        public void AMissingPeFileIsNamed()
        {
            Board.Require();
            string dir = Directory.CreateTempSubdirectory("va-vb-pe-").FullName;
            try
            {
                File.CreateSymbolicLink(Path.Combine(dir, "nanoclr"), Path.Combine(Board.BuildDir, "nanoclr"));
                Directory.CreateDirectory(Path.Combine(dir, "pe"));
                File.Copy(Path.Combine(Board.PeDir, "mscorlib.pe"), Path.Combine(dir, "pe", "mscorlib.pe"));
                RunResult run = Board.Run(new Dictionary<string, string> { ["VA_VIRTUAL_BOARD_DIR"] = dir }, "tests");
                Assert.Equal(2, run.ExitCode);
                Assert.Contains("missing " + Path.Combine(dir, "pe", "nanoFramework.TestFramework.pe"), run.Error);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void ANanoClrWithoutTheInteropIsNamedNotCountedAsSkips()
        {
            Board.Require();
            // Stands in for a nanoCLR built without VoiceAssistant.Interop: the device tests' own words for that case.
            string fake = FakeNanoClr("echo 'Test passed,VoiceAssistant.Device.Tests.Core.FeatureTests.A.0,1'; "
                + "echo 'Test skipped,VoiceAssistant.Device.Tests.Interop.InteropTests.B.0,this nanoCLR lacks the voice assistant interop'; echo 'Done.'");
            try
            {
                RunResult run = Board.Run(new Dictionary<string, string> { ["VA_NANOCLR"] = fake }, "tests");
                Assert.Equal(1, run.ExitCode);
                Assert.Contains("has no VoiceAssistant.Interop native assembly", run.Error);
            }
            finally
            {
                File.Delete(fake);
            }
        }

        [Fact]
        public void AHangingRunTimesOutAndSaysSo()
        {
            Board.Require();
            string fake = FakeNanoClr("sleep 60");
            try
            {
                RunResult run = Board.Run(new Dictionary<string, string> { ["VA_NANOCLR"] = fake, ["VA_VIRTUAL_BOARD_TIMEOUT"] = "2" }, "tests");
                Assert.NotEqual(0, run.ExitCode);
                Assert.Contains("timed out after 2 s", run.Error);
            }
            finally
            {
                File.Delete(fake);
            }
        }

        private static string FakeNanoClr(string body)
        {
            string path = Path.Combine(Path.GetTempPath(), $"va-fake-nanoclr-{Guid.NewGuid():N}.sh");
            File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return path;
        }
    }
}

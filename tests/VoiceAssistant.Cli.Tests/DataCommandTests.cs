using System;
using System.IO;
using VoiceAssistant.Audio;
using VoiceAssistant.Data;
using Xunit;

namespace VoiceAssistant.Cli.Tests
{
    public sealed class DataCommandTests : IDisposable
    {
        private readonly string dir = Path.Combine(Path.GetTempPath(), "va-cli-data-" + Guid.NewGuid().ToString("N"));

        public DataCommandTests() => Directory.CreateDirectory(dir);

        public void Dispose() => Directory.Delete(dir, true);

        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = Program.Run(args, new CliConsole(o, e));
            return (code, o.ToString(), e.ToString());
        }

        [Fact]
        public void ImportSplitsARecordingIntoClips()
        {
            var audio = new short[16000 * 6];
            for (int w = 0; w < 3; w++)
            {
                for (int i = 0; i < 4000; i++)
                {
                    audio[16000 + w * 32000 / 2 + i] = (short)(6000 * Math.Sin(i * 0.3));
                }
            }

            string wav = Path.Combine(dir, "rec.wav");
            File.WriteAllBytes(wav, WavWriter.ToBytes(audio, 16000));
            var (code, output, error) = Run("import", wav, "--word", "lamp", "--speaker", "me", "--out", Path.Combine(dir, "data"));
            Assert.Equal(string.Empty, error);
            Assert.Equal(0, code);
            Assert.Contains("3 clips of 'lamp'", output);
            Assert.True(File.Exists(Path.Combine(dir, "data", "lamp", "me_nohash_2.wav")));
        }

        [Fact]
        public void ImportErrorsAreClear()
        {
            Assert.Equal(ExitCodes.UsageOrIo, Run("import", Path.Combine(dir, "none.wav"), "-w", "a", "-s", "b", "-o", dir).Code);
            string wav = Path.Combine(dir, "rec.wav");
            File.WriteAllText(wav, "not a wav");
            var (code, _, error) = Run("import", wav, "-w", "a", "-s", "b", "-o", dir);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("rec.wav", error);
            File.WriteAllBytes(wav, WavWriter.ToBytes(new short[16000], 16000));
            (code, _, error) = Run("import", wav, "-w", "a", "-s", "bad_name", "-o", dir);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("no '_'", error);
            (code, _, error) = Run("import", wav, "-w", "a", "-s", "b", "-o", dir);
            Assert.Contains("no words found", error);
        }

        [Fact]
        public void SynthWritesClipsOrExplainsTheMissingTools()
        {
            var (code, output, error) = Run("synth", "yes", "--out", dir, "--voices", "en", "--pitches", "50", "--speeds", "150", "--variations", "2");
            if (ExternalTools.Find("espeak-ng") == null || ExternalTools.Find("sox") == null)
            {
                Assert.Equal(ExitCodes.UsageOrIo, code);
                Assert.Contains("apt-get install espeak-ng sox", error);
                return;
            }

            Assert.Equal(string.Empty, error);
            Assert.Equal(0, code);
            Assert.Contains("yes: 2 clips", output);
            Assert.True(File.Exists(Path.Combine(dir, "yes", "synth-en-p50-s150_nohash_1.wav")));
            Assert.Equal(ExitCodes.InvalidInput, Run("synth", "yes", "--out", dir, "--pitches", "high").Code);
        }
    }
}

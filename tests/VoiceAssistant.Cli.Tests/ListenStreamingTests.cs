using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.Cli.Commands;
using VoiceAssistant.TestSupport;
using Xunit;
using static VoiceAssistant.Cli.Tests.CliRunner;

namespace VoiceAssistant.Cli.Tests
{
    /// <summary>Runs alone: it measures allocations and changes the progress threshold.</summary>
    [CollectionDefinition(nameof(ListenStreamingTests), DisableParallelization = true)]
    public sealed class ListenStreamingCollection
    {
    }

    /// <summary><c>listen</c> streams: memory independent of the recording's length, progress, cut and short files.</summary>
    [Collection(nameof(ListenStreamingTests))]
    public sealed class ListenStreamingTests : IDisposable
    {
        private readonly string dir = Path.Combine(Path.GetTempPath(), $"va-listen-stream-{Guid.NewGuid():N}");
        private readonly string model = RepoPaths.Of("models/yes-no/model.tflite");

        public ListenStreamingTests() => Directory.CreateDirectory(dir);

        public void Dispose() => Directory.Delete(dir, true);

        private string Quiet(string name, double seconds)
        {
            // Faint noise: the pipeline runs every hop and hears nothing, so no per-detection output is allocated.
            var random = new Random(7);
            string path = Path.Combine(dir, name);
            WavWriter.WriteMono16(path, Enumerable.Range(0, (int)(seconds * 16000)).Select(_ => (short)random.Next(-40, 41)).ToArray(), 16000);
            return path;
        }

        private long AllocatedBy(params string[] args)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var (code, _, err) = Run(args);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(code == 0, err);
            return allocated;
        }

        [Fact]
        public void MemoryDoesNotGrowWithTheRecordingsLength()
        {
            string shortFile = Quiet("short.wav", 4);
            string longFile = Quiet("long.wav", 40);
            AllocatedBy("listen", shortFile, "--model", model);

            // Reading the whole file first costs ≥ 6 bytes per sample (int16 + float); 36 s more = 3.5 MB more.
            long small = Enumerable.Range(0, 2).Min(_ => AllocatedBy("listen", shortFile, "--model", model));
            long large = Enumerable.Range(0, 2).Min(_ => AllocatedBy("listen", longFile, "--model", model));
            Assert.True(large - small < 256 * 1024, $"4 s allocated {small:N0} bytes, 40 s {large:N0}");
        }

        [Fact]
        public void LongRecordingsShowProgressOnStderrOnly()
        {
            string file = Quiet("hour.wav", 5);
            long threshold = ListenCommand.ProgressMinimumSamples;
            ListenCommand.ProgressMinimumSamples = 16000;
            try
            {
                var (code, output, err) = Run("listen", file, "--model", model);
                Assert.True(code == 0, err);
                Assert.Contains("hour.wav: 0:00:01 of 0:00:05 (20%)", err);
                Assert.Contains("hour.wav: 0:00:04 of 0:00:05 (80%)", err);
                Assert.DoesNotContain("%)", output);
            }
            finally
            {
                ListenCommand.ProgressMinimumSamples = threshold;
            }

            var (_, _, quiet) = Run("listen", file, "--model", model);
            Assert.Equal(string.Empty, quiet);
        }

        [Fact]
        public void ACutFileIsListenedToWithAWarning()
        {
            // The README's sample cut after 30,000 bytes: its header still promises 240,020.
            string cut = Path.Combine(dir, "t.wav");
            File.WriteAllBytes(cut, File.ReadAllBytes(RepoPaths.Of("samples/yes-no.wav")).Take(30000).ToArray());
            var (code, output, err) = Run("listen", cut, "--model", model);
            Assert.True(code == 0, err);
            Assert.Contains("warning: 't.wav' is cut short: its header promises 240,020 bytes of audio but the file holds 29,956; using the 0.94 s present", err);
            Assert.Contains("t.wav: 0.94 s", output);
        }

        [Fact]
        public void AClipShorterThanTheWindowSaysWhyNothingRan()
        {
            var (code, output, err) = Run("listen", Quiet("half.wav", 0.5), "--model", model);
            Assert.True(code == 0, err);
            Assert.Contains("half.wav: 0 detection(s) in 0 inferences (the recording is 0.50 s; the model needs one full second of audio before its first inference)", output);
        }
    }
}

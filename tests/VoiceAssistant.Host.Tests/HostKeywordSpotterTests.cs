using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.TestSupport;
using VoiceAssistant.Tflite;
using Xunit;

namespace VoiceAssistant.Host.Tests
{
    /// <summary>
    /// Mechanics of the host spotter with TFLM's micro_speech model. That model was trained on TFLM's
    /// micro-frontend features, not this project's MFCC, so its scores here mean nothing; only the plumbing is tested.
    /// </summary>
    public class HostKeywordSpotterTests
    {
        private const string ModelPath = "models/tflm_micro_speech/micro_speech_quantized.tflite";
        private const string YesClip = "data/tflm_testdata/yes_1000ms.wav";
        private const int WavHeaderBytes = 44;
        private static readonly string[] Labels = { "silence", "unknown", "yes", "no" };

        private static TfliteModel Model() => TfliteModel.Load(SharedData.Require(ModelPath));

        private static byte[] YesPcm() => File.ReadAllBytes(SharedData.Require(YesClip)).Skip(WavHeaderBytes).ToArray();

        private static HostKeywordSpotter Spotter(InterpreterOptions options = null) => new HostKeywordSpotter(new AssistantSettings(), Model(), Labels, options);

        private static sbyte[] WindowOf(HostKeywordSpotter s)
        {
            var w = new sbyte[AssistantSettings.WindowFeatures];
            s.Window.CopyTo(w);
            return w;
        }

        [Fact]
        public void QuantisationAndLabelsComeFromTheModelAndCaller()
        {
            HostKeywordSpotter s = Spotter();
            TensorInfo input = new TfliteInterpreter(Model()).Input;
            Assert.Equal(input.Scale, s.InputScale);
            Assert.Equal(-128, s.InputZeroPoint);
            Assert.Equal(Labels, s.Labels);
        }

        [Fact]
        public void OneSecondGives49RowsAndTheWindowIsTheQuantisedBatchMfcc()
        {
            byte[] pcm = YesPcm();
            Assert.Equal(32000, pcm.Length);
            HostKeywordSpotter s = Spotter();
            Assert.Equal(49, s.PushAudio(pcm, 0, pcm.Length));
            Assert.True(s.Window.IsFull);

            // Independent path: batch MFCC of the whole clip, quantised with the model's input parameters.
            short[] samples = Enumerable.Range(0, pcm.Length / 2).Select(i => BitConverter.ToInt16(pcm, 2 * i)).ToArray();
            var features = new float[49 * AssistantSettings.CoefficientCount];
            Assert.Equal(49, new Mfcc().ComputeClip(samples, features));
            var q = new FeatureQuantizer(s.InputScale, s.InputZeroPoint);
            sbyte[] expected = features.Select(q.Quantize).ToArray();
            Assert.Equal(expected, WindowOf(s));

            // Invoke feeds exactly that window to the model.
            var scores = new sbyte[4];
            s.Invoke(scores);
            var direct = new sbyte[4];
            new TfliteInterpreter(Model(), new InterpreterOptions { UseReferenceKernels = true }).Invoke(expected, direct);
            Assert.Equal(direct, scores);
        }

        [Fact]
        public void LevelsAreTheRangeOfTheLastPush()
        {
            HostKeywordSpotter spotter = Spotter();
            var levels = new int[] { 9, 9 };
            Assert.Equal(0, spotter.GetLevels(levels));
            Assert.Equal(new[] { 0, 0 }, levels);

            // Samples 100, -300, 50 (16-bit little-endian), then half a sample, then its other half (-2).
            byte[] raw = { 100, 0, 0xD4, 0xFE, 50, 0, 0xFE, 0xFF };
            spotter.PushAudio(raw, 0, 6);
            Assert.Equal(3, spotter.GetLevels(levels));
            Assert.Equal(new[] { -300, 100 }, levels);
            spotter.PushAudio(raw, 6, 1);
            Assert.Equal(0, spotter.GetLevels(levels));
            Assert.Equal(new[] { 0, 0 }, levels);
            spotter.PushAudio(raw, 7, 1);
            Assert.Equal(1, spotter.GetLevels(levels));
            Assert.Equal(new[] { -2, -2 }, levels);
            spotter.Reset();
            Assert.Equal(0, spotter.GetLevels(levels));
            Assert.Throws<ArgumentException>(() => spotter.GetLevels(new int[1]));
        }

        [Fact]
        public void InvokeIsDeterministic()
        {
            byte[] pcm = YesPcm();
            HostKeywordSpotter s = Spotter();
            s.PushAudio(pcm, 0, pcm.Length);
            var a = new sbyte[4];
            var b = new sbyte[4];
            s.Invoke(a);
            s.Invoke(b);
            Assert.Equal(a, b);

            HostKeywordSpotter other = Spotter(new InterpreterOptions { UseReferenceKernels = true });
            other.PushAudio(pcm, 0, pcm.Length);
            var c = new sbyte[5];
            other.Invoke(c);
            Assert.Equal(a, c.Take(4).ToArray());
        }

        [Fact]
        public void ChunkedPushesEqualOneWholePush()
        {
            byte[] pcm = YesPcm();
            HostKeywordSpotter whole = Spotter();
            whole.PushAudio(pcm, 0, pcm.Length);

            HostKeywordSpotter chunked = Spotter();
            var rng = new Random(99);
            int rows = 0;
            for (int at = 0; at < pcm.Length;)
            {
                // Odd sizes split samples across calls.
                int n = Math.Min(pcm.Length - at, rng.Next(0, 1500));
                rows += chunked.PushAudio(pcm, at, n);
                at += n;
            }

            Assert.Equal(49, rows);
            Assert.Equal(WindowOf(whole), WindowOf(chunked));
            var a = new sbyte[4];
            var b = new sbyte[4];
            whole.Invoke(a);
            chunked.Invoke(b);
            Assert.Equal(a, b);
        }

        [Fact]
        public void LongPushesSpanSeveralInternalChunks()
        {
            // 3 s in one call (more than the internal sample buffer) equals three 1 s calls.
            byte[] pcm = YesPcm();
            byte[] three = pcm.Concat(pcm).Concat(pcm).ToArray();
            HostKeywordSpotter a = Spotter();
            HostKeywordSpotter b = Spotter();
            int rowsA = a.PushAudio(three, 0, three.Length);
            int rowsB = b.PushAudio(pcm, 0, pcm.Length) + b.PushAudio(pcm, 0, pcm.Length) + b.PushAudio(pcm, 0, pcm.Length);
            Assert.Equal(1 + ((48000 - 480) / 320), rowsA);
            Assert.Equal(rowsA, rowsB);
            Assert.Equal(WindowOf(a), WindowOf(b));
        }

        [Fact]
        public void ResetForgetsAudioAndRows()
        {
            byte[] pcm = YesPcm();
            HostKeywordSpotter s = Spotter();
            s.PushAudio(pcm, 0, 1001);
            s.Reset();
            Assert.Equal(0, s.Window.FilledRows);
            Assert.All(WindowOf(s), v => Assert.Equal(0, v));
            Assert.Equal(49, s.PushAudio(pcm, 0, pcm.Length));

            HostKeywordSpotter fresh = Spotter();
            fresh.PushAudio(pcm, 0, pcm.Length);
            Assert.Equal(WindowOf(fresh), WindowOf(s));
        }

        [Fact]
        public void PushAndInvokeAllocateNothing()
        {
            byte[] pcm = YesPcm();
            HostKeywordSpotter s = Spotter();
            var scores = new sbyte[4];
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                for (int at = 0; at + 640 <= pcm.Length; at += 640)
                {
                    s.PushAudio(pcm, at, 640);
                    s.Invoke(scores);
                }

                s.PushAudio(pcm, 0, pcm.Length);
            }));
        }

        [Fact]
        public void ImageShapedModelInputIsAccepted()
        {
            // The same model with its input declared [1,49,40,1] (the reshape then maps it onto itself).
            TfliteModel image = Model();
            image.MainSubgraph.Tensors[3].Shape = new[] { 1, 49, 40, 1 };
            byte[] pcm = YesPcm();
            var a = new HostKeywordSpotter(new AssistantSettings(), image, Labels);
            HostKeywordSpotter b = Spotter();
            Assert.Equal(new[] { 1, 49, 40, 1 }, a.Interpreter.Input.Shape);
            a.PushAudio(pcm, 0, pcm.Length);
            b.PushAudio(pcm, 0, pcm.Length);
            var sa = new sbyte[4];
            var sb = new sbyte[4];
            a.Invoke(sa);
            b.Invoke(sb);
            Assert.Equal(sb, sa);
        }

        [Fact]
        public void MismatchedModelsAndArgumentsAreClearErrors()
        {
            var e = Assert.Throws<ModelException>(() => new HostKeywordSpotter(new AssistantSettings(), Model(), new[] { "a", "b", "c" }));
            Assert.Contains("[1,3]", e.Message);

            // A model whose input is not the feature window.
            TfliteModel small = Model();
            small.MainSubgraph.Tensors[3].Shape = new[] { 1, 1960, 1 };
            e = Assert.Throws<ModelException>(() => new HostKeywordSpotter(new AssistantSettings(), small, Labels));
            Assert.Contains("feature window", e.Message);

            Assert.Throws<ArgumentException>(() => new HostKeywordSpotter(new AssistantSettings(), Model(), new string[0]));
            HostKeywordSpotter s = Spotter();
            Assert.Throws<ArgumentException>(() => s.Invoke(new sbyte[3]));
            Assert.Throws<ArgumentOutOfRangeException>(() => s.PushAudio(new byte[10], 5, 6));
        }
    }
}

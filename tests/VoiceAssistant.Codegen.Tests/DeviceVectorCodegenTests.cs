using System;
using System.IO;
using System.Linq;
using System.Reflection;
using VoiceAssistant.Codegen.DeviceVectors;
using VoiceAssistant.Codegen.Model;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Export;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Codegen.Tests
{
    public class DeviceVectorCodegenTests
    {
        private static short[] Tone(int length)
        {
            var s = new short[length];
            for (int i = 0; i < length; i++)
            {
                s[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 16000.0) + ((i * 7919) % 200) - 100);
            }

            return s;
        }

        [Fact]
        public void CommittedVectorsAreWhatTheCurrentCoreComputesFromTheirClip()
        {
            // Detects drift: if the core's features or recogniser change, the committed vectors must be regenerated.
            string path = RepoPaths.Of(DeviceVectorCodegen.CSharpPath);
            string committed = File.ReadAllText(path);
            Type type = ModelCodegenTests.CompileAndLoad(committed).GetType("VoiceAssistant.Device.Tests.DeviceVectors", throwOnError: true);
            var clip = (short[])type.GetField("Clip", BindingFlags.Static | BindingFlags.NonPublic).GetValue(null);
            string source = committed.Split('\n').Single(l => l.StartsWith("// Audio: ", StringComparison.Ordinal))["// Audio: ".Length..].TrimEnd('.');
            // The committed vectors carry the shipped model's cases, scored by the host interpreter.
            string manifestPath = RepoPaths.Of("models/yes-no/model.manifest.json");
            ModelManifest manifest = ModelManifest.Load(manifestPath);
            byte[] model = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(manifestPath), manifest.Model));
            var regenerated = DeviceVectorCodegen.Generate(clip, source, model, ModelCodegen.Describe(model, manifest), InterpreterScorer.Score);
            Assert.Equal(committed, regenerated.Content);
        }

        [Fact]
        public void GeneratedVectorsCompileAndHoldConsistentTables()
        {
            var file = DeviceVectorCodegen.Generate(Tone(16000), "test tone", null, null, null);
            Type type = ModelCodegenTests.CompileAndLoad(file.Content).GetType("VoiceAssistant.Device.Tests.DeviceVectors", throwOnError: true);
            object Get(string name) => type.GetField(name, BindingFlags.Static | BindingFlags.NonPublic).GetValue(null);
            Assert.Equal(64 * 8, ((byte[])Get("PcmStereo32Raw")).Length);
            Assert.Equal(64 * 3, ((byte[])Get("PcmPacked24Raw")).Length);
            Assert.Equal(1960, ((sbyte[])Get("WindowExpected")).Length);
            Assert.Equal(4 * 40, ((float[])Get("MfccExpected")).Length);
            Assert.Equal(0, (int)Get("ModelAvailable"));
            Assert.Empty((byte[])Get("ModelBytes"));
        }

        [Fact]
        public void Packed24VectorIsLittleEndianWithTheSampleInTheTopBytes()
        {
            // Independent of the converter: decode one frame by hand.
            var clip = Tone(16000);
            var file = DeviceVectorCodegen.Generate(clip, "test tone", null, null, null);
            Type type = ModelCodegenTests.CompileAndLoad(file.Content).GetType("VoiceAssistant.Device.Tests.DeviceVectors", throwOnError: true);
            var raw = (byte[])type.GetField("PcmPacked24Raw", BindingFlags.Static | BindingFlags.NonPublic).GetValue(null);
            var expected = (short[])type.GetField("PcmExpected", BindingFlags.Static | BindingFlags.NonPublic).GetValue(null);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], (short)(raw[3 * i + 1] | (raw[3 * i + 2] << 8)));
            }
        }

        [Fact]
        public void ModelCasesNeedTheInterpreterAndShortClipsAreRefused()
        {
            Assert.Throws<InvalidDataException>(() => DeviceVectorCodegen.Generate(Tone(15999), "x", null, null, null));
            Assert.Throws<InvalidOperationException>(() => DeviceVectorCodegen.Generate(Tone(16000), "x", new byte[8], new ModelInfo(), null));
        }

        [Fact]
        public void ModelCasesAreEmittedWithTheScorersOutput()
        {
            byte[] model = SmallModels.Keyword();
            var info = new ModelInfo { Labels = new[] { "a", "b", "c", "d" }, InputScale = 0.5f, InputZeroPoint = 1, ArenaBytes = 4096, ModelSha256 = "00" };
            int calls = 0;
            sbyte[] Scorer(byte[] m, sbyte[] window)
            {
                Assert.Same(model, m);
                Assert.Equal(1960, window.Length);
                calls++;
                return new sbyte[] { (sbyte)calls, 2, 3, 4 };
            }

            var file = DeviceVectorCodegen.Generate(Tone(16000), "x", model, info, Scorer);
            Type type = ModelCodegenTests.CompileAndLoad(file.Content).GetType("VoiceAssistant.Device.Tests.DeviceVectors", throwOnError: true);
            object Get(string name) => type.GetField(name, BindingFlags.Static | BindingFlags.NonPublic).GetValue(null);
            Assert.Equal(3, calls);
            Assert.Equal(1, (int)Get("ModelAvailable"));
            Assert.Equal(model, (byte[])Get("ModelBytes"));
            Assert.Equal(new sbyte[] { 1, 2, 3, 4, 2, 2, 3, 4, 3, 2, 3, 4 }, (sbyte[])Get("ModelExpectedScores"));
            Assert.Null(type.GetField("ModelClips", BindingFlags.Static | BindingFlags.NonPublic)); // derived on the device from Clip
        }
    }
}

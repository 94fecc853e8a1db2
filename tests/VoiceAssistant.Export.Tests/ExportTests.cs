using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Export.Quantization;
using VoiceAssistant.TestSupport;
using VoiceAssistant.Tflite;
using Xunit;

namespace VoiceAssistant.Export.Tests
{
    public sealed class ExportTests : IDisposable
    {
        private static readonly string[] Labels = { "silence", "unknown", "yes", "no" };
        private readonly string dir = Path.Combine(Path.GetTempPath(), "va-export-" + Guid.NewGuid().ToString("N"));

        public ExportTests() => Directory.CreateDirectory(dir);

        public void Dispose() => Directory.Delete(dir, true);

        private static QuantizedTinyConv Model(int seed = 5) =>
            QuantizedTinyConv.Quantize(Synthetic.Weights(4, seed), Synthetic.Features(20, seed + 1));

        [Fact]
        public void GraphMirrorsTflmMicroSpeech()
        {
            TfliteModel reference = TfliteModel.Load(SharedData.Require("models/tflm_micro_speech/micro_speech_quantized.tflite"));
            TfliteModel ours = TfliteModel.Parse(TinyConvExporter.ToValidatedBytes(Model()));
            SubGraph r = reference.MainSubgraph, o = ours.MainSubgraph;
            Assert.Equal(r.Inputs, o.Inputs);
            Assert.Equal(r.Outputs, o.Outputs);
            Assert.Equal(r.Tensors.Count, o.Tensors.Count);
            for (int i = 0; i < r.Tensors.Count; i++)
            {
                Tensor rt = r.Tensors[i], ot = o.Tensors[i];
                Assert.Equal(rt.Name, ot.Name);
                Assert.Equal(rt.Shape, ot.Shape);
                Assert.Equal(rt.Type, ot.Type);
                // TOCO stores an empty quantisation table where we store none.
                Assert.Equal(rt.Quantization?.Scale.Length ?? 0, ot.Quantization?.Scale.Length ?? 0);
                Assert.Equal(rt.Quantization?.QuantizedDimension ?? 0, ot.Quantization?.QuantizedDimension ?? 0);

                Assert.Equal(ModelValidator.IsConstant(reference, rt), ModelValidator.IsConstant(ours, ot));
            }

            Assert.Equal(r.Operators.Count, o.Operators.Count);
            for (int i = 0; i < r.Operators.Count; i++)
            {
                Assert.Equal(reference.OperatorCodes[r.Operators[i].OpcodeIndex].BuiltinCode, ours.OperatorCodes[o.Operators[i].OpcodeIndex].BuiltinCode);
                Assert.Equal(reference.OperatorCodes[r.Operators[i].OpcodeIndex].Version, ours.OperatorCodes[o.Operators[i].OpcodeIndex].Version);
                Assert.Equal(r.Operators[i].Inputs, o.Operators[i].Inputs);
                Assert.Equal(r.Operators[i].Outputs, o.Operators[i].Outputs);
            }

            var rd = (DepthwiseConv2DOptions)r.Operators[1].Options;
            var od = (DepthwiseConv2DOptions)o.Operators[1].Options;
            Assert.Equal((rd.Padding, rd.StrideH, rd.StrideW, rd.DepthMultiplier, rd.FusedActivationFunction), (od.Padding, od.StrideH, od.StrideW, od.DepthMultiplier, od.FusedActivationFunction));
            Assert.Equal(((ReshapeOptions)r.Operators[0].Options).NewShape, ((ReshapeOptions)o.Operators[0].Options).NewShape);
            Assert.Equal(r.Tensors[9].Quantization.Scale, o.Tensors[9].Quantization.Scale);
            Assert.Equal(r.Tensors[9].Quantization.ZeroPoint, o.Tensors[9].Quantization.ZeroPoint);
        }

        [Fact]
        public void WriterReaderRoundTripKeepsEveryValue()
        {
            QuantizedTinyConv q = Model();
            TfliteModel back = TfliteModel.Parse(TinyConvExporter.ToValidatedBytes(q));
            SubGraph g = back.MainSubgraph;
            Assert.Equal(q.ConvWeights.Select(v => (byte)v).ToArray(), back.Buffers[g.Tensors[8].Buffer].Data);
            Assert.Equal(q.FcWeights.Select(v => (byte)v).ToArray(), back.Buffers[g.Tensors[7].Buffer].Data);
            Assert.Equal(q.ConvBias, Ints(back.Buffers[g.Tensors[0].Buffer].Data));
            Assert.Equal(q.FcBias, Ints(back.Buffers[g.Tensors[1].Buffer].Data));
            Assert.Equal(new[] { -1, 49, 40, 1 }, Ints(back.Buffers[g.Tensors[5].Buffer].Data));
            Assert.Equal(q.ConvWeightScales, g.Tensors[8].Quantization.Scale);
            Assert.Equal(3, g.Tensors[8].Quantization.QuantizedDimension);
            Assert.Equal(new[] { q.Input.Scale }, g.Tensors[3].Quantization.Scale);
            Assert.Equal(new long[] { q.Input.ZeroPoint }, g.Tensors[3].Quantization.ZeroPoint);
            Assert.Equal(new[] { q.ConvOutput.Scale }, g.Tensors[2].Quantization.Scale);
            Assert.Equal(new[] { q.Logits.Scale }, g.Tensors[6].Quantization.Scale);
            for (int c = 0; c < 8; c++)
            {
                Assert.Equal(q.Input.Scale * q.ConvWeightScales[c], g.Tensors[0].Quantization.Scale[c]);
            }

            // Writing the read-back model again gives the same bytes.
            Assert.Equal(TinyConvExporter.ToValidatedBytes(q), back.ToBytes());
        }

        [Fact]
        public void ExportWritesModelAndManifestThatLoadBack()
        {
            string path = Path.Combine(dir, "yesno.tflite");
            QuantizedTinyConv q = Model();
            ModelManifest written = TinyConvExporter.Export(q, Labels, new AssistantSettings { DetectionThreshold = 180 }, path, "test");
            Assert.Equal(Path.Combine(dir, "yesno.manifest.json"), ModelManifest.PathFor(path));
            ModelManifest m = ModelManifest.Load(ModelManifest.PathFor(path));
            Assert.Equal(Labels, m.Labels);
            Assert.Equal(AssistantSettings.FeatureVersion, m.FeatureVersion);
            Assert.Equal(q.Input.Scale, m.Input.Scale);
            Assert.Equal(q.Input.ZeroPoint, m.Input.ZeroPoint);
            Assert.Equal(180, m.Recognizer.DetectionThreshold);
            Assert.Equal("va " + File.ReadAllText(VoiceAssistant.TestSupport.RepoPaths.Of("VERSION")).Trim(), m.Generator);
            Assert.Equal(1000, m.Recognizer.AverageWindowMs);
            Assert.Equal(written.Sha256, m.Sha256);
            Assert.Equal(AssistantSettings.SampleRate, m.Features.SampleRate);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)), Convert.FromHexString(m.Sha256));
            Assert.Equal(new[] { "yesno.manifest.json", "yesno.tflite" }, Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal));
            Assert.Throws<ArgumentException>(() => TinyConvExporter.Export(q, new[] { "a", "b" }, null, path, "test"));
        }

        [Fact]
        public void ManifestRejectsAModifiedModel()
        {
            string path = Path.Combine(dir, "m.tflite");
            TinyConvExporter.Export(Model(), Labels, null, path, "test");
            byte[] bytes = File.ReadAllBytes(path);
            bytes[^1] ^= 1;
            File.WriteAllBytes(path, bytes);
            var e = Assert.Throws<ManifestException>(() => ModelManifest.Load(ModelManifest.PathFor(path)));
            Assert.Contains("does not match its manifest", e.Message);
            File.Delete(path);
            e = Assert.Throws<ManifestException>(() => ModelManifest.Load(ModelManifest.PathFor(path)));
            Assert.Contains("cannot read the model", e.Message);
        }

        [Theory]
        [InlineData("\"featureVersion\": 1", "\"featureVersion\": 99", "feature version 99")]
        [InlineData("\"hopSamples\": 320", "\"hopSamples\": 160", "hopSamples 160 (expected 320)")]
        [InlineData("\"upperFrequencyHz\": 4000", "\"upperFrequencyHz\": 7600", "upperFrequencyHz 7600")]
        [InlineData("\"format\": 1", "\"format\": 2", "format 2 is not supported")]
        [InlineData("\"zeroPoint\"", "\"zeroPointX\"", "")]
        [InlineData("\"labels\"", "\"labelz\"", "labels")]
        [InlineData("\"yes\"", "\"no\"", "repeated")]
        [InlineData("{", "[", "not a valid manifest JSON")]
        public void ManifestValidationErrorsAreClear(string find, string replace, string expected)
        {
            string path = Path.Combine(dir, "m.tflite");
            TinyConvExporter.Export(Model(), Labels, null, path, "test");
            string manifestPath = ModelManifest.PathFor(path);
            string json = File.ReadAllText(manifestPath);
            Assert.Contains(find, json);
            int at = json.IndexOf(find, StringComparison.Ordinal);
            File.WriteAllText(manifestPath, json.Substring(0, at) + replace + json.Substring(at + find.Length));
            if (find == "\"zeroPoint\"")
            {
                // An unknown field is ignored and the missing zero point reads as 0: still a valid manifest.
                Assert.Equal(0, ModelManifest.Load(manifestPath).Input.ZeroPoint);
                return;
            }

            var e = Assert.Throws<ManifestException>(() => ModelManifest.Load(manifestPath));
            Assert.Contains(expected, e.Message);
        }

        [Fact]
        public void AtomicWriteReplacesWithoutLeavingTemporaries()
        {
            string path = Path.Combine(dir, "sub", "f.bin");
            AtomicFile.WriteAllBytes(path, new byte[] { 1, 2, 3 });
            AtomicFile.WriteAllBytes(path, new byte[] { 4 });
            Assert.Equal(new byte[] { 4 }, File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(Path.Combine(dir, "sub")));
        }

        private static int[] Ints(byte[] d)
        {
            var r = new int[d.Length / 4];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = BitConverter.ToInt32(d, i * 4);
            }

            return r;
        }
    }
}

using System;
using System.Linq;
using Google.FlatBuffers;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Format
{
    public class RoundTripTests
    {
        [Fact]
        public void TinyModelSurvivesWriteThenRead()
        {
            TfliteModel model = TestModels.Tiny();
            ModelValidator.Validate(model);
            TfliteModel back = TfliteModel.Parse(TfliteWriter.Write(model));
            Assert.Empty(ModelComparer.Differences(model, back));
        }

        [Fact]
        public void ComparerSeesADifference()
        {
            // The comparer must be able to fail, or the round-trip tests prove nothing.
            TfliteModel a = TestModels.Tiny();
            TfliteModel b = TestModels.Tiny();
            b.MainSubgraph.Tensors[1].Quantization.Scale[2] = 0.5f;
            ((DepthwiseConv2DOptions)b.MainSubgraph.Operators[2].Options).DilationHFactor = 2;
            b.Buffers[3].Data[5] ^= 1;
            Assert.Equal(3, ModelComparer.Differences(a, b).Count);
        }

        [Fact]
        public void MicroSpeechReadWriteReadIsIdentical()
        {
            TfliteModel original = TfliteReader.Read(TestModels.MicroSpeechBytes());
            byte[] written = TfliteWriter.Write(original);
            TfliteModel again = TfliteModel.Parse(written);
            Assert.Empty(ModelComparer.Differences(original, again));

            // And a second generation is byte-identical to the first: the writer is deterministic.
            Assert.Equal(written, TfliteWriter.Write(again));
        }

        [Fact]
        public void WrittenFileHasIdentifierVersionAlignedBuffersAndBothOpcodeFields()
        {
            TfliteModel original = TfliteReader.Read(TestModels.MicroSpeechBytes());
            byte[] bytes = TfliteWriter.Write(original);
            var bb = new ByteBuffer(bytes);
            Assert.Equal("TFL3", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
            Assert.True(Table.__has_identifier(bb, "TFL3"));

            // Walk the raw file with the runtime's Table API, independently of TfliteReader.
            var root = new Table(bb.GetInt(0), bb);
            Assert.Equal(3u, bb.GetUint(root.bb_pos + root.__offset(4)));
            int buffers = root.__vector(root.__offset(4 + (2 * 4)));
            int count = bb.GetInt(buffers - 4);
            Assert.Equal(original.Buffers.Count, count);
            for (int i = 0; i < count; i++)
            {
                var buffer = new Table(root.__indirect(buffers + (4 * i)), bb);
                int dataField = buffer.__offset(4);
                if (original.Buffers[i].Data.Length == 0)
                {
                    Assert.Equal(0, dataField == 0 ? 0 : buffer.__vector_len(dataField));
                    continue;
                }

                Assert.True(dataField != 0, $"buffer {i} has data");
                int dataStart = buffer.__vector(dataField);
                Assert.True(dataStart % 16 == 0, $"buffer {i} data at {dataStart} is not 16-byte aligned");
                Assert.Equal(original.Buffers[i].Data, bytes.Skip(dataStart).Take(buffer.__vector_len(dataField)).ToArray());
            }

            int codes = root.__vector(root.__offset(4 + (2 * 1)));
            for (int i = 0; i < bb.GetInt(codes - 4); i++)
            {
                var code = new Table(root.__indirect(codes + (4 * i)), bb);
                int expected = (int)original.OperatorCodes[i].BuiltinCode;
                Assert.Equal(expected, bb.GetSbyte(code.bb_pos + code.__offset(4 + (2 * 0))));
                Assert.Equal(expected, bb.GetInt(code.bb_pos + code.__offset(4 + (2 * 3))));
            }
        }

        [Fact]
        public void LargeOpcodesStoreThePlaceholderInTheDeprecatedField()
        {
            var code = new OperatorCode((BuiltinOperator)150, 1);
            Assert.Equal(127, code.DeprecatedBuiltinCode);
            Assert.Equal(150, code.BuiltinCodeField);
            Assert.Equal(150, (int)code.BuiltinCode);
        }

        [Fact]
        public void DefaultOptionsAreNotStoredAndReadBackAsDefaults()
        {
            // FULLY_CONNECTED in micro_speech stores no option field; written back the same way, it reads as defaults.
            TfliteModel model = TestModels.Tiny();
            var fc = (FullyConnectedOptions)model.MainSubgraph.Operators[5].Options;
            byte[] bytes = TfliteWriter.Write(model);
            var back = (FullyConnectedOptions)TfliteReader.Read(bytes).MainSubgraph.Operators[5].Options;
            Assert.Equal(ActivationFunctionType.None, back.FusedActivationFunction);
            Assert.Equal(FullyConnectedWeightsFormat.Default, back.WeightsFormat);
            Assert.False(back.KeepNumDims);
            Assert.Equal(fc.AsymmetricQuantizeInputs, back.AsymmetricQuantizeInputs);
            var dw = (DepthwiseConv2DOptions)TfliteReader.Read(bytes).MainSubgraph.Operators[2].Options;
            Assert.Equal(Padding.Same, dw.Padding);
            Assert.Equal(1, dw.DilationWFactor);
            Assert.Equal(1, dw.DilationHFactor);
        }

        [Fact]
        public void ReadsOpcodeFromEitherField()
        {
            TfliteModel model = TestModels.Tiny();
            byte[] bytes = TfliteWriter.Write(model);
            TfliteModel back = TfliteReader.Read(bytes);
            Assert.Equal(model.OperatorCodes.Select(c => c.BuiltinCode), back.OperatorCodes.Select(c => c.BuiltinCode));
            Assert.All(back.OperatorCodes, c => Assert.Equal((int)c.BuiltinCode, c.DeprecatedBuiltinCode));
            Assert.All(back.OperatorCodes, c => Assert.Equal((int)c.BuiltinCode, c.BuiltinCodeField));
            Assert.Equal(BuiltinOperator.Softmax, new OperatorCode { DeprecatedBuiltinCode = 25 }.BuiltinCode);
            Assert.Equal(BuiltinOperator.Softmax, new OperatorCode { BuiltinCodeField = 25 }.BuiltinCode);
        }
    }
}

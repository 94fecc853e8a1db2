using System;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Format
{
    /// <summary>Each validation rule rejects a model broken in exactly one way, with a message naming the culprit.</summary>
    public class ValidatorTests
    {
        private static void Rejects(Action<TfliteModel> breakIt, params string[] messageParts)
        {
            TfliteModel model = TestModels.Tiny();
            ModelValidator.Validate(model);
            breakIt(model);
            var e = Assert.Throws<ModelException>(() => ModelValidator.Validate(model));
            foreach (string part in messageParts)
            {
                Assert.Contains(part, e.Message);
            }

            // Written and re-read, the same model is rejected by the loader the same way.
            byte[] bytes;
            try
            {
                bytes = TfliteWriter.Write(model);
            }
            catch (ModelException)
            {
                return;
            }

            var e2 = Assert.Throws<ModelException>(() => TfliteModel.Parse(bytes));
            Assert.Equal(e.Message, e2.Message);
        }

        private static Tensor T(TfliteModel m, string name) => m.MainSubgraph.Tensors.Find(t => t.Name == name);

        private static Operator Op(TfliteModel m, int i) => m.MainSubgraph.Operators[i];

        [Fact]
        public void TinyModelIsValid() => ModelValidator.Validate(TestModels.Tiny());

        [Fact]
        public void MicroSpeechIsValid() => TfliteModel.Parse(TestModels.MicroSpeechBytes());

        [Fact]
        public void BadIdentifier()
        {
            byte[] bytes = TfliteWriter.Write(TestModels.Tiny());
            bytes[7] = (byte)'2';
            Assert.Contains("identifier is 'TFL2'", Assert.Throws<ModelException>(() => TfliteReader.Read(bytes)).Message);
        }

        [Fact]
        public void BadVersion()
        {
            TfliteModel model = TestModels.Tiny();
            model.Version = 2;
            Assert.Contains("schema version 2", Assert.Throws<ModelException>(() => ModelValidator.Validate(model)).Message);

            // The writer always emits version 3; patch the stored field to check the reader rejects others.
            byte[] bytes = TfliteWriter.Write(model);
            var bb = new Google.FlatBuffers.ByteBuffer(bytes);
            var root = new Google.FlatBuffers.Table(bb.GetInt(0), bb);
            Assert.Equal(3u, bb.GetUint(root.bb_pos + root.__offset(4)));
            bb.PutUint(root.bb_pos + root.__offset(4), 2);
            Assert.Contains("schema version 2", Assert.Throws<ModelException>(() => TfliteReader.Read(bytes)).Message);
        }

        [Fact]
        public void TooShort() => Assert.Contains("too short", Assert.Throws<ModelException>(() => TfliteReader.Read(new byte[5])).Message);

        [Fact]
        public void TwoSubgraphs() => Rejects(m => m.Subgraphs.Add(new SubGraph()), "2 subgraphs");

        [Fact]
        public void NonEmptyBufferZero() => Rejects(m => m.Buffers[0].Data = new byte[] { 1 }, "buffer 0");

        [Fact]
        public void TensorBufferIndexOutOfRange() => Rejects(m => T(m, "conv").Buffer = 99, "tensor 3 'conv'", "buffer index 99");

        [Fact]
        public void MetadataBufferOutOfRange() => Rejects(m => m.Metadata[0].Buffer = 1000, "metadata 0", "out of range");

        [Fact]
        public void OpcodeIndexOutOfRange() => Rejects(m => Op(m, 3).OpcodeIndex = 42, "operator 3", "opcode index 42");

        [Fact]
        public void OperatorInputIndexOutOfRange() => Rejects(m => Op(m, 1).Inputs[0] = 77, "operator 1 (MAX_POOL_2D)", "tensor index 77");

        [Fact]
        public void GraphOutputIndexOutOfRange() => Rejects(m => m.MainSubgraph.Outputs[0] = -5, "subgraph output 0", "-5");

        [Fact]
        public void UnsupportedOperator() => Rejects(
            m =>
            {
                m.OperatorCodes.Add(new OperatorCode(BuiltinOperator.Add, 1));
                Op(m, 6).OpcodeIndex = m.OperatorCodes.Count - 1;
            },
            "operator 6 (ADD)",
            "not supported");

        [Fact]
        public void UnsupportedTensorType() => Rejects(m => T(m, "dw").Type = TensorType.Float32, "tensor 7 'dw'", "FLOAT32");

        [Fact]
        public void ConstantSizeMismatch() => Rejects(m => m.Buffers[T(m, "fc/w").Buffer].Data = new byte[23], "tensor 11 'fc/w'", "23 bytes", "needs 24");

        [Fact]
        public void MissingQuantizationOnInt8() => Rejects(m => T(m, "maxpool").Quantization = null, "tensor 4 'maxpool'", "no quantization");

        [Fact]
        public void PerChannelCountMismatch() => Rejects(m => T(m, "dw/w").Quantization.QuantizedDimension = 2, "tensor 5 'dw/w'", "dimension 2 has 3 channels");

        [Fact]
        public void NegativeDimension() => Rejects(m => T(m, "conv").Shape[1] = -1, "tensor 3 'conv'", "negative");

        [Fact]
        public void AbsurdSize() => Rejects(m => T(m, "conv").Shape = new[] { 100000, 100000, 1, 1 }, "tensor 3 'conv'", "more than");

        [Fact]
        public void WrongInputCount() => Rejects(m => Op(m, 6).Inputs = new[] { 12, 12 }, "operator 6 (SOFTMAX)", "2 inputs");

        [Fact]
        public void WrongRank() => Rejects(m => T(m, "dw/w").Shape = new[] { 3, 3, 8 }, "dw/w");

        [Fact]
        public void ConvOutputSizeMismatch() => Rejects(m => ((Conv2DOptions)Op(m, 0).Options).Padding = Padding.Same, "operator 0 (CONV_2D)", "height", "expected 8");

        [Fact]
        public void DepthMultiplierMismatch() => Rejects(m => ((DepthwiseConv2DOptions)Op(m, 2).Options).DepthMultiplier = 3, "operator 2 (DEPTHWISE_CONV_2D)", "depth_multiplier 3");

        [Fact]
        public void ZeroStride() => Rejects(m => ((Pool2DOptions)Op(m, 1).Options).StrideW = 0, "operator 1 (MAX_POOL_2D)", "stride 0");

        [Fact]
        public void FullyConnectedUnitsMismatch() => Rejects(m => T(m, "logits").Shape = new[] { 1, 4 }, "operator");

        [Fact]
        public void ReshapeElementCountMismatch() => Rejects(m => T(m, "flat").Shape = new[] { 1, 9 }, "operator 4 (RESHAPE)", "element counts");

        [Fact]
        public void ReshapeShapeTensorMismatch() => Rejects(m => m.Buffers[T(m, "reshape/shape").Buffer].Data = new byte[] { 2, 0, 0, 0, 4, 0, 0, 0 }, "operator 4 (RESHAPE)", "shape tensor", "[2,4]");

        [Fact]
        public void ReshapeNewShapeMismatch() => Rejects(
            m =>
            {
                Op(m, 4).Inputs = new[] { Op(m, 4).Inputs[0] };
                ((ReshapeOptions)Op(m, 4).Options).NewShape = new[] { -1, 4 };
            },
            "operator 4 (RESHAPE)",
            "new_shape [-1,4]");

        [Fact]
        public void ReshapeNewShapeWithInferredDimensionIsAccepted()
        {
            TfliteModel m = TestModels.Tiny();
            Op(m, 4).Inputs = new[] { Op(m, 4).Inputs[0] };
            ((ReshapeOptions)Op(m, 4).Options).NewShape = new[] { -1, 8 };
            ModelValidator.Validate(m);
        }

        [Fact]
        public void BiasMustBeInt32() => Rejects(m => T(m, "dw/b").Type = TensorType.Int8, "tensor 6 'dw/b'");

        [Fact]
        public void WeightsMustBeConstant() => Rejects(m => T(m, "fc/w").Buffer = 0, "operator 5 (FULLY_CONNECTED)", "fc/w");

        [Fact]
        public void WrongOptionsType() => Rejects(m => Op(m, 6).Options = new ReshapeOptions(), "operator 6 (SOFTMAX)", "SoftmaxOptions");

        [Fact]
        public void MissingOptions() => Rejects(m => Op(m, 2).Options = null, "operator 2 (DEPTHWISE_CONV_2D)", "no builtin options");

        [Fact]
        public void UnsupportedActivation() => Rejects(m => ((Conv2DOptions)Op(m, 0).Options).FusedActivationFunction = ActivationFunctionType.Tanh, "operator 0 (CONV_2D)", "activation");

        [Fact]
        public void SoftmaxOutputQuantization() => Rejects(m => T(m, "probs").Quantization.ZeroPoint[0] = 0, "operator 6 (SOFTMAX)", "1/256");

        [Fact]
        public void ReadBeforeWrite() => Rejects(m => m.MainSubgraph.Operators.Reverse(0, 2), "operator 0 (MAX_POOL_2D)", "read before");

        [Fact]
        public void TensorWrittenTwice() => Rejects(m => Op(m, 1).Outputs[0] = 3, "operator 1", "already written");

        [Fact]
        public void VariableTensor() => Rejects(m => T(m, "conv").IsVariable = true, "tensor 3 'conv'", "variable");

        [Fact]
        public void ZeroPointOutOfRange() => Rejects(m => T(m, "conv").Quantization.ZeroPoint[0] = 300, "tensor 3 'conv'", "zero point");

        [Fact]
        public void NonPositiveScale() => Rejects(m => T(m, "conv").Quantization.Scale[0] = float.NaN, "tensor 3 'conv'", "scale");
    }
}

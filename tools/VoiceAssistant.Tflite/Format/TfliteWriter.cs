using System.Collections.Generic;
using Google.FlatBuffers;
using F = VoiceAssistant.Tflite.SchemaFields;

namespace VoiceAssistant.Tflite
{
    /// <summary>
    /// Serialises a <see cref="TfliteModel"/> to a .tflite flatbuffer that TFLite Micro accepts: identifier
    /// TFL3, schema version 3, buffer data 16-byte aligned, and every operator code with both
    /// <c>deprecated_builtin_code</c> (min(code, 127)) and <c>builtin_code</c> set from the effective code.
    /// Options equal to the schema default are omitted, as the reference converter does.
    /// </summary>
    public static class TfliteWriter
    {
        /// <summary>Alignment of buffer data, as the schema's <c>force_align: 16</c> requires.</summary>
        public const int BufferAlignment = 16;

        /// <summary>Serialises the model. Throws <see cref="ModelException"/> for options it cannot encode.</summary>
        /// <param name="model">The model to write.</param>
        public static byte[] Write(TfliteModel model)
        {
            var b = new FlatBufferBuilder(1024 + EstimateSize(model));

            // Children first: flatbuffers are built back to front.
            var buffers = new int[model.Buffers.Count];
            for (int i = buffers.Length - 1; i >= 0; i--)
            {
                buffers[i] = WriteBuffer(b, model.Buffers[i]);
            }

            var subgraphs = new int[model.Subgraphs.Count];
            for (int i = 0; i < subgraphs.Length; i++)
            {
                subgraphs[i] = WriteSubGraph(b, model.Subgraphs[i]);
            }

            var codes = new int[model.OperatorCodes.Count];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = WriteOperatorCode(b, model.OperatorCodes[i]);
            }

            var metadata = new int[model.Metadata.Count];
            for (int i = 0; i < metadata.Length; i++)
            {
                int name = StringOrZero(b, model.Metadata[i].Name);
                b.StartTable(F.Metadata.Count);
                b.AddOffset(F.Metadata.Name, name, 0);
                b.AddUint(F.Metadata.Buffer, (uint)model.Metadata[i].Buffer, 0);
                metadata[i] = b.EndTable();
            }

            int description = StringOrZero(b, model.Description);
            int codesVector = OffsetVector(b, codes);
            int subgraphsVector = OffsetVector(b, subgraphs);
            int buffersVector = OffsetVector(b, buffers);
            int metadataVector = metadata.Length == 0 ? 0 : OffsetVector(b, metadata);

            b.StartTable(F.Model.Count);
            b.AddUint(F.Model.Version, TfliteModel.SchemaVersion, uint.MaxValue);
            b.AddOffset(F.Model.OperatorCodes, codesVector, 0);
            b.AddOffset(F.Model.Subgraphs, subgraphsVector, 0);
            b.AddOffset(F.Model.Description, description, 0);
            b.AddOffset(F.Model.Buffers, buffersVector, 0);
            b.AddOffset(F.Model.Metadata, metadataVector, 0);
            int root = b.EndTable();
            b.Finish(root, TfliteModel.FileIdentifier);
            return b.SizedByteArray();
        }

        private static int EstimateSize(TfliteModel model)
        {
            long total = 0;
            foreach (ModelBuffer buffer in model.Buffers)
            {
                total += (buffer.Data?.Length ?? 0) + BufferAlignment + 16;
            }

            return (int)System.Math.Min(total, int.MaxValue / 2);
        }

        private static int WriteBuffer(FlatBufferBuilder b, ModelBuffer buffer)
        {
            byte[] data = buffer.Data ?? new byte[0];
            int dataVector = 0;
            if (data.Length > 0)
            {
                b.StartVector(1, data.Length, BufferAlignment);
                b.Add(data);
                dataVector = b.EndVector().Value;
            }

            b.StartTable(F.Buffer.Count);
            b.AddOffset(F.Buffer.Data, dataVector, 0);
            b.AddUlong(F.Buffer.Offset, buffer.ExternalOffset, 0);
            b.AddUlong(F.Buffer.Size, buffer.ExternalSize, 0);
            return b.EndTable();
        }

        private static int WriteOperatorCode(FlatBufferBuilder b, OperatorCode code)
        {
            int custom = StringOrZero(b, code.CustomCode);
            BuiltinOperator op = code.BuiltinCode;
            b.StartTable(F.OperatorCode.Count);
            b.AddSbyte(F.OperatorCode.DeprecatedBuiltinCode, OperatorCode.DeprecatedCodeFor(op), 0);
            b.AddOffset(F.OperatorCode.CustomCode, custom, 0);
            b.AddInt(F.OperatorCode.Version, code.Version, 1);
            b.AddInt(F.OperatorCode.BuiltinCode, (int)op, 0);
            return b.EndTable();
        }

        private static int WriteSubGraph(FlatBufferBuilder b, SubGraph graph)
        {
            var tensors = new int[graph.Tensors.Count];
            for (int i = 0; i < tensors.Length; i++)
            {
                tensors[i] = WriteTensor(b, graph.Tensors[i]);
            }

            var operators = new int[graph.Operators.Count];
            for (int i = 0; i < operators.Length; i++)
            {
                operators[i] = WriteOperator(b, graph.Operators[i]);
            }

            int tensorsVector = OffsetVector(b, tensors);
            int inputs = IntVector(b, graph.Inputs ?? new int[0]);
            int outputs = IntVector(b, graph.Outputs ?? new int[0]);
            int operatorsVector = OffsetVector(b, operators);
            int name = StringOrZero(b, graph.Name);
            b.StartTable(F.SubGraph.Count);
            b.AddOffset(F.SubGraph.Tensors, tensorsVector, 0);
            b.AddOffset(F.SubGraph.Inputs, inputs, 0);
            b.AddOffset(F.SubGraph.Outputs, outputs, 0);
            b.AddOffset(F.SubGraph.Operators, operatorsVector, 0);
            b.AddOffset(F.SubGraph.Name, name, 0);
            return b.EndTable();
        }

        private static int WriteTensor(FlatBufferBuilder b, Tensor tensor)
        {
            int shape = IntVector(b, tensor.Shape ?? new int[0]);
            int name = StringOrZero(b, tensor.Name);
            int quantization = tensor.Quantization == null ? 0 : WriteQuantization(b, tensor.Quantization);
            b.StartTable(F.Tensor.Count);
            b.AddOffset(F.Tensor.Shape, shape, 0);
            b.AddByte(F.Tensor.Type, (byte)tensor.Type, 0);
            b.AddUint(F.Tensor.Buffer, (uint)tensor.Buffer, 0);
            b.AddOffset(F.Tensor.Name, name, 0);
            b.AddOffset(F.Tensor.Quantization, quantization, 0);
            b.AddBool(F.Tensor.IsVariable, tensor.IsVariable, false);
            return b.EndTable();
        }

        private static int WriteQuantization(FlatBufferBuilder b, QuantizationParameters q)
        {
            int min = FloatVectorOrZero(b, q.Min);
            int max = FloatVectorOrZero(b, q.Max);
            int scale = FloatVectorOrZero(b, q.Scale);
            int zeroPoint = 0;
            if (q.ZeroPoint != null && q.ZeroPoint.Length > 0)
            {
                b.StartVector(8, q.ZeroPoint.Length, 8);
                for (int i = q.ZeroPoint.Length - 1; i >= 0; i--)
                {
                    b.AddLong(q.ZeroPoint[i]);
                }

                zeroPoint = b.EndVector().Value;
            }

            b.StartTable(F.Quantization.Count);
            b.AddOffset(F.Quantization.Min, min, 0);
            b.AddOffset(F.Quantization.Max, max, 0);
            b.AddOffset(F.Quantization.Scale, scale, 0);
            b.AddOffset(F.Quantization.ZeroPoint, zeroPoint, 0);
            b.AddInt(F.Quantization.QuantizedDimension, q.QuantizedDimension, 0);
            return b.EndTable();
        }

        private static int WriteOperator(FlatBufferBuilder b, Operator op)
        {
            int inputs = IntVector(b, op.Inputs ?? new int[0]);
            int outputs = IntVector(b, op.Outputs ?? new int[0]);
            int options = op.Options == null ? 0 : WriteOptions(b, op.Options);
            b.StartTable(F.Operator.Count);
            b.AddUint(F.Operator.OpcodeIndex, (uint)op.OpcodeIndex, 0);
            b.AddOffset(F.Operator.Inputs, inputs, 0);
            b.AddOffset(F.Operator.Outputs, outputs, 0);
            if (op.Options != null)
            {
                b.AddByte(F.Operator.BuiltinOptionsType, (byte)op.Options.OptionsType, 0);
                b.AddOffset(F.Operator.BuiltinOptions, options, 0);
            }

            return b.EndTable();
        }

        private static int WriteOptions(FlatBufferBuilder b, BuiltinOptions options)
        {
            switch (options)
            {
                case ReshapeOptions r:
                {
                    int newShape = r.NewShape == null ? 0 : IntVector(b, r.NewShape);
                    b.StartTable(F.Reshape.Count);
                    b.AddOffset(F.Reshape.NewShape, newShape, 0);
                    return b.EndTable();
                }

                case Conv2DOptions c:
                    b.StartTable(F.Conv2D.Count);
                    b.AddByte(F.Conv2D.Padding, (byte)c.Padding, 0);
                    b.AddInt(F.Conv2D.StrideW, c.StrideW, 0);
                    b.AddInt(F.Conv2D.StrideH, c.StrideH, 0);
                    b.AddByte(F.Conv2D.Activation, (byte)c.FusedActivationFunction, 0);
                    b.AddInt(F.Conv2D.DilationW, c.DilationWFactor, 1);
                    b.AddInt(F.Conv2D.DilationH, c.DilationHFactor, 1);
                    b.AddByte(F.Conv2D.QuantizedBiasType, (byte)c.QuantizedBiasType, 0);
                    return b.EndTable();
                case DepthwiseConv2DOptions d:
                    b.StartTable(F.DepthwiseConv2D.Count);
                    b.AddByte(F.DepthwiseConv2D.Padding, (byte)d.Padding, 0);
                    b.AddInt(F.DepthwiseConv2D.StrideW, d.StrideW, 0);
                    b.AddInt(F.DepthwiseConv2D.StrideH, d.StrideH, 0);
                    b.AddInt(F.DepthwiseConv2D.DepthMultiplier, d.DepthMultiplier, 0);
                    b.AddByte(F.DepthwiseConv2D.Activation, (byte)d.FusedActivationFunction, 0);
                    b.AddInt(F.DepthwiseConv2D.DilationW, d.DilationWFactor, 1);
                    b.AddInt(F.DepthwiseConv2D.DilationH, d.DilationHFactor, 1);
                    return b.EndTable();
                case Pool2DOptions p:
                    b.StartTable(F.Pool2D.Count);
                    b.AddByte(F.Pool2D.Padding, (byte)p.Padding, 0);
                    b.AddInt(F.Pool2D.StrideW, p.StrideW, 0);
                    b.AddInt(F.Pool2D.StrideH, p.StrideH, 0);
                    b.AddInt(F.Pool2D.FilterWidth, p.FilterWidth, 0);
                    b.AddInt(F.Pool2D.FilterHeight, p.FilterHeight, 0);
                    b.AddByte(F.Pool2D.Activation, (byte)p.FusedActivationFunction, 0);
                    return b.EndTable();
                case FullyConnectedOptions fc:
                    b.StartTable(F.FullyConnected.Count);
                    b.AddByte(F.FullyConnected.Activation, (byte)fc.FusedActivationFunction, 0);
                    b.AddByte(F.FullyConnected.WeightsFormat, (byte)fc.WeightsFormat, 0);
                    b.AddBool(F.FullyConnected.KeepNumDims, fc.KeepNumDims, false);
                    b.AddBool(F.FullyConnected.AsymmetricQuantizeInputs, fc.AsymmetricQuantizeInputs, false);
                    b.AddByte(F.FullyConnected.QuantizedBiasType, (byte)fc.QuantizedBiasType, 0);
                    return b.EndTable();
                case SoftmaxOptions s:
                    b.StartTable(F.Softmax.Count);
                    b.AddFloat(F.Softmax.Beta, s.Beta, 0.0);
                    return b.EndTable();
                default:
                    throw new ModelException($"cannot write builtin options of type {(int)options.OptionsType}: not decoded by this library");
            }
        }

        private static int StringOrZero(FlatBufferBuilder b, string s) => s == null ? 0 : b.CreateString(s).Value;

        private static int IntVector(FlatBufferBuilder b, int[] values)
        {
            b.StartVector(4, values.Length, 4);
            for (int i = values.Length - 1; i >= 0; i--)
            {
                b.AddInt(values[i]);
            }

            return b.EndVector().Value;
        }

        private static int FloatVectorOrZero(FlatBufferBuilder b, float[] values)
        {
            if (values == null || values.Length == 0)
            {
                return 0;
            }

            b.StartVector(4, values.Length, 4);
            for (int i = values.Length - 1; i >= 0; i--)
            {
                b.AddFloat(values[i]);
            }

            return b.EndVector().Value;
        }

        private static int OffsetVector(FlatBufferBuilder b, IReadOnlyList<int> offsets)
        {
            b.StartVector(4, offsets.Count, 4);
            for (int i = offsets.Count - 1; i >= 0; i--)
            {
                b.AddOffset(offsets[i]);
            }

            return b.EndVector().Value;
        }
    }
}

using System;
using F = VoiceAssistant.Tflite.SchemaFields;

namespace VoiceAssistant.Tflite
{
    /// <summary>
    /// Decodes a .tflite flatbuffer into a <see cref="TfliteModel"/>, checking every offset against the file.
    /// It checks structure only (identifier, bounds, sizes); semantic checks are <see cref="ModelValidator"/>'s.
    /// The only exception it throws is <see cref="ModelException"/>.
    /// </summary>
    public static class TfliteReader
    {
        /// <summary>Decodes the whole file.</summary>
        /// <param name="bytes">The file's bytes.</param>
        public static TfliteModel Read(byte[] bytes)
        {
            if (bytes == null)
            {
                throw new ModelException("model: no data");
            }

            if (bytes.Length > ModelValidator.MaxFileBytes)
            {
                throw new ModelException($"model: {bytes.Length} bytes, more than the {ModelValidator.MaxFileBytes}-byte limit");
            }

            try
            {
                return ReadModel(new FlatReader(bytes));
            }
            catch (ModelException)
            {
                throw;
            }
            catch (Exception e) when (e is IndexOutOfRangeException || e is ArgumentException || e is OverflowException || e is InvalidCastException)
            {
                // Defence in depth: every offset is checked above, but a runtime exception must still surface as a model error.
                throw new ModelException("model: corrupt flatbuffer (" + e.Message + ")", e);
            }
        }

        private static TfliteModel ReadModel(FlatReader reader)
        {
            FlatTable root = reader.Root(TfliteModel.FileIdentifier, "model");
            var model = new TfliteModel
            {
                Version = root.UInt(F.Model.Version, 0),
                Description = root.String(F.Model.Description, "description"),
            };
            if (model.Version != TfliteModel.SchemaVersion)
            {
                throw new ModelException($"model: schema version {model.Version}, expected {TfliteModel.SchemaVersion}");
            }

            foreach (FlatTable t in root.Tables(F.Model.OperatorCodes, "operator_codes", i => $"operator code {i}"))
            {
                model.OperatorCodes.Add(new OperatorCode
                {
                    DeprecatedBuiltinCode = t.SByte(F.OperatorCode.DeprecatedBuiltinCode, 0),
                    CustomCode = t.String(F.OperatorCode.CustomCode, "custom_code"),
                    Version = t.Int(F.OperatorCode.Version, 1),
                    BuiltinCodeField = t.Int(F.OperatorCode.BuiltinCode, 0),
                });
            }

            FlatTable[] subgraphs = root.Tables(F.Model.Subgraphs, "subgraphs", i => $"subgraph {i}");
            for (int i = 0; i < subgraphs.Length; i++)
            {
                model.Subgraphs.Add(ReadSubGraph(subgraphs[i]));
            }

            foreach (FlatTable t in root.Tables(F.Model.Buffers, "buffers", i => $"buffer {i}"))
            {
                model.Buffers.Add(new ModelBuffer
                {
                    Data = t.Bytes(F.Buffer.Data, "data") ?? new byte[0],
                    ExternalOffset = t.ULong(F.Buffer.Offset),
                    ExternalSize = t.ULong(F.Buffer.Size),
                });
            }

            foreach (FlatTable t in root.Tables(F.Model.Metadata, "metadata", i => $"metadata {i}"))
            {
                model.Metadata.Add(new Metadata
                {
                    Name = t.String(F.Metadata.Name, "name"),
                    Buffer = t.Index(F.Metadata.Buffer, "buffer index"),
                });
            }

            return model;
        }

        private static SubGraph ReadSubGraph(FlatTable t)
        {
            var graph = new SubGraph
            {
                Inputs = t.Ints(F.SubGraph.Inputs, "inputs") ?? new int[0],
                Outputs = t.Ints(F.SubGraph.Outputs, "outputs") ?? new int[0],
                Name = t.String(F.SubGraph.Name, "name"),
            };
            foreach (FlatTable tt in t.Tables(F.SubGraph.Tensors, "tensors", i => $"tensor {i}"))
            {
                graph.Tensors.Add(ReadTensor(tt));
            }

            foreach (FlatTable ot in t.Tables(F.SubGraph.Operators, "operators", i => $"operator {i}"))
            {
                graph.Operators.Add(ReadOperator(ot));
            }

            return graph;
        }

        private static Tensor ReadTensor(FlatTable t)
        {
            var tensor = new Tensor
            {
                Shape = t.Ints(F.Tensor.Shape, "shape") ?? new int[0],
                Type = (TensorType)t.Byte(F.Tensor.Type, 0),
                Buffer = t.Index(F.Tensor.Buffer, "buffer index"),
                Name = t.String(F.Tensor.Name, "name"),
                IsVariable = t.Bool(F.Tensor.IsVariable, false),
                HasSparsity = t.Has(F.Tensor.Sparsity),
            };
            FlatTable? q = t.Table(F.Tensor.Quantization, "quantization", t.What + " quantization");
            if (q.HasValue)
            {
                FlatTable qt = q.Value;
                tensor.Quantization = new QuantizationParameters
                {
                    Min = qt.Floats(F.Quantization.Min, "min") ?? new float[0],
                    Max = qt.Floats(F.Quantization.Max, "max") ?? new float[0],
                    Scale = qt.Floats(F.Quantization.Scale, "scale") ?? new float[0],
                    ZeroPoint = qt.Longs(F.Quantization.ZeroPoint, "zero_point") ?? new long[0],
                    QuantizedDimension = qt.Int(F.Quantization.QuantizedDimension, 0),
                    HasCustomDetails = qt.Byte(F.Quantization.DetailsType, 0) != 0,
                };
            }

            return tensor;
        }

        private static Operator ReadOperator(FlatTable t)
        {
            var op = new Operator
            {
                OpcodeIndex = t.Index(F.Operator.OpcodeIndex, "opcode index"),
                Inputs = t.Ints(F.Operator.Inputs, "inputs") ?? new int[0],
                Outputs = t.Ints(F.Operator.Outputs, "outputs") ?? new int[0],
                HasCustomOptions = t.Has(F.Operator.CustomOptions),
            };
            byte optionsType = t.Byte(F.Operator.BuiltinOptionsType, 0);
            if (optionsType != 0)
            {
                FlatTable? options = t.Table(F.Operator.BuiltinOptions, "builtin_options", t.What + " options");
                op.Options = options.HasValue ? ReadOptions(optionsType, options.Value) : new UnsupportedOptions(optionsType);
            }

            return op;
        }

        private static BuiltinOptions ReadOptions(byte type, FlatTable t)
        {
            switch ((BuiltinOptionsType)type)
            {
                case BuiltinOptionsType.ReshapeOptions:
                    return new ReshapeOptions { NewShape = t.Ints(F.Reshape.NewShape, "new_shape") };
                case BuiltinOptionsType.Conv2DOptions:
                    return new Conv2DOptions
                    {
                        Padding = (Padding)t.Byte(F.Conv2D.Padding, 0),
                        StrideW = t.Int(F.Conv2D.StrideW, 0),
                        StrideH = t.Int(F.Conv2D.StrideH, 0),
                        FusedActivationFunction = (ActivationFunctionType)t.Byte(F.Conv2D.Activation, 0),
                        DilationWFactor = t.Int(F.Conv2D.DilationW, 1),
                        DilationHFactor = t.Int(F.Conv2D.DilationH, 1),
                        QuantizedBiasType = (TensorType)t.Byte(F.Conv2D.QuantizedBiasType, 0),
                    };
                case BuiltinOptionsType.DepthwiseConv2DOptions:
                    return new DepthwiseConv2DOptions
                    {
                        Padding = (Padding)t.Byte(F.DepthwiseConv2D.Padding, 0),
                        StrideW = t.Int(F.DepthwiseConv2D.StrideW, 0),
                        StrideH = t.Int(F.DepthwiseConv2D.StrideH, 0),
                        DepthMultiplier = t.Int(F.DepthwiseConv2D.DepthMultiplier, 0),
                        FusedActivationFunction = (ActivationFunctionType)t.Byte(F.DepthwiseConv2D.Activation, 0),
                        DilationWFactor = t.Int(F.DepthwiseConv2D.DilationW, 1),
                        DilationHFactor = t.Int(F.DepthwiseConv2D.DilationH, 1),
                    };
                case BuiltinOptionsType.Pool2DOptions:
                    return new Pool2DOptions
                    {
                        Padding = (Padding)t.Byte(F.Pool2D.Padding, 0),
                        StrideW = t.Int(F.Pool2D.StrideW, 0),
                        StrideH = t.Int(F.Pool2D.StrideH, 0),
                        FilterWidth = t.Int(F.Pool2D.FilterWidth, 0),
                        FilterHeight = t.Int(F.Pool2D.FilterHeight, 0),
                        FusedActivationFunction = (ActivationFunctionType)t.Byte(F.Pool2D.Activation, 0),
                    };
                case BuiltinOptionsType.FullyConnectedOptions:
                    return new FullyConnectedOptions
                    {
                        FusedActivationFunction = (ActivationFunctionType)t.Byte(F.FullyConnected.Activation, 0),
                        WeightsFormat = (FullyConnectedWeightsFormat)t.Byte(F.FullyConnected.WeightsFormat, 0),
                        KeepNumDims = t.Bool(F.FullyConnected.KeepNumDims, false),
                        AsymmetricQuantizeInputs = t.Bool(F.FullyConnected.AsymmetricQuantizeInputs, false),
                        QuantizedBiasType = (TensorType)t.Byte(F.FullyConnected.QuantizedBiasType, 0),
                    };
                case BuiltinOptionsType.SoftmaxOptions:
                    return new SoftmaxOptions { Beta = t.Float(F.Softmax.Beta, 0f) };
                default:
                    return new UnsupportedOptions(type);
            }
        }
    }
}

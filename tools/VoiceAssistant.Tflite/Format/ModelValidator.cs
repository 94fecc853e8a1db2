using System;
using System.Collections.Generic;
using System.Globalization;

namespace VoiceAssistant.Tflite
{
    /// <summary>
    /// Semantic checks of a decoded model against what this project can run: one subgraph, the int8 operator
    /// set (RESHAPE, DEPTHWISE_CONV_2D, CONV_2D, FULLY_CONNECTED, SOFTMAX, AVERAGE_POOL_2D, MAX_POOL_2D),
    /// int8 tensors with int32 biases and reshape shape tensors, consistent shapes, complete quantisation and
    /// bounded sizes. Each failure is a <see cref="ModelException"/> naming the tensor or operator.
    /// </summary>
    public static class ModelValidator
    {
        /// <summary>Largest file accepted, and the cap on any one tensor and on all activations together.</summary>
        public const int MaxFileBytes = 64 * 1024 * 1024;

        /// <summary>Largest tensor rank accepted.</summary>
        public const int MaxRank = 6;

        /// <summary>Runs every check; returns normally when the model is runnable.</summary>
        /// <param name="model">A model from <see cref="TfliteReader"/> or built in code.</param>
        public static void Validate(TfliteModel model)
        {
            if (model == null)
            {
                throw new ModelException("model: null");
            }

            if (model.Version != TfliteModel.SchemaVersion)
            {
                throw new ModelException($"model: schema version {model.Version}, expected {TfliteModel.SchemaVersion}");
            }

            if (model.Subgraphs.Count != 1)
            {
                throw new ModelException($"model: {model.Subgraphs.Count} subgraphs; exactly one is supported");
            }

            ValidateBuffers(model);
            for (int i = 0; i < model.OperatorCodes.Count; i++)
            {
                OperatorCode code = model.OperatorCodes[i];
                if (code == null)
                {
                    throw new ModelException($"operator code {i}: missing");
                }
            }

            SubGraph graph = model.Subgraphs[0];
            for (int i = 0; i < graph.Tensors.Count; i++)
            {
                ValidateTensor(model, i);
            }

            ValidateGraphIo(graph);
            var written = new bool[graph.Tensors.Count];
            foreach (int input in graph.Inputs)
            {
                written[input] = true;
            }

            for (int i = 0; i < graph.Operators.Count; i++)
            {
                ValidateOperator(model, i, written);
            }

            foreach (int output in graph.Outputs)
            {
                if (!written[output] && !IsConstant(model, graph.Tensors[output]))
                {
                    throw new ModelException($"{TensorName(graph, output)}: subgraph output is never written by an operator");
                }
            }

            long activationBytes = 0;
            foreach (Tensor t in graph.Tensors)
            {
                if (!IsConstant(model, t))
                {
                    activationBytes += t.ElementCount * TfliteEnums.ElementSize(t.Type);
                }
            }

            if (activationBytes > MaxFileBytes)
            {
                throw new ModelException($"model: non-constant tensors need {activationBytes} bytes, more than the {MaxFileBytes}-byte limit");
            }
        }

        /// <summary>True when the tensor's buffer holds data (a constant such as weights or a bias).</summary>
        /// <param name="model">The model.</param>
        /// <param name="tensor">A tensor of its subgraph.</param>
        public static bool IsConstant(TfliteModel model, Tensor tensor)
        {
            return tensor.Buffer > 0 && tensor.Buffer < model.Buffers.Count && model.Buffers[tensor.Buffer].Data != null && model.Buffers[tensor.Buffer].Data.Length > 0;
        }

        /// <summary>"tensor 3 'name'" for messages.</summary>
        /// <param name="graph">The subgraph.</param>
        /// <param name="index">Tensor index.</param>
        public static string TensorName(SubGraph graph, int index)
        {
            string name = index >= 0 && index < graph.Tensors.Count ? graph.Tensors[index].Name : null;
            return name == null ? $"tensor {index}" : $"tensor {index} '{name}'";
        }

        private static void ValidateBuffers(TfliteModel model)
        {
            if (model.Buffers.Count == 0)
            {
                throw new ModelException("model: no buffers; buffer 0 must exist as the empty sentinel");
            }

            if (model.Buffers[0] == null || (model.Buffers[0].Data != null && model.Buffers[0].Data.Length != 0))
            {
                throw new ModelException("buffer 0: must be empty (it is the sentinel for tensors without data)");
            }

            for (int i = 0; i < model.Buffers.Count; i++)
            {
                ModelBuffer b = model.Buffers[i];
                if (b == null)
                {
                    throw new ModelException($"buffer {i}: missing");
                }

                if (b.ExternalOffset > 1 || b.ExternalSize > 0)
                {
                    throw new ModelException($"buffer {i}: data stored outside the flatbuffer (offset {b.ExternalOffset}, size {b.ExternalSize}) is not supported");
                }
            }

            for (int i = 0; i < model.Metadata.Count; i++)
            {
                Metadata m = model.Metadata[i];
                if (m == null || m.Buffer < 0 || m.Buffer >= model.Buffers.Count)
                {
                    throw new ModelException($"metadata {i} '{m?.Name}': buffer index {m?.Buffer} out of range (model has {model.Buffers.Count} buffers)");
                }
            }
        }

        private static void ValidateTensor(TfliteModel model, int index)
        {
            SubGraph graph = model.Subgraphs[0];
            Tensor t = graph.Tensors[index];
            string name = TensorName(graph, index);
            if (t == null)
            {
                throw new ModelException($"{name}: missing");
            }

            int[] shape = t.Shape ?? new int[0];
            if (shape.Length > MaxRank)
            {
                throw new ModelException($"{name}: rank {shape.Length} exceeds the supported maximum {MaxRank}");
            }

            long elements = 1;
            for (int d = 0; d < shape.Length; d++)
            {
                if (shape[d] < 0)
                {
                    throw new ModelException($"{name}: dimension {d} is {shape[d]}; negative (dynamic) dimensions are not supported");
                }

                elements *= shape[d];
                if (elements > MaxFileBytes)
                {
                    throw new ModelException($"{name}: shape [{Join(shape)}] has more than {MaxFileBytes} elements");
                }
            }

            if (t.Type != TensorType.Int8 && t.Type != TensorType.Int32)
            {
                throw new ModelException($"{name}: type {TfliteEnums.Name(t.Type)} is not supported (only INT8 tensors, and INT32 biases and reshape shapes)");
            }

            if (t.IsVariable)
            {
                throw new ModelException($"{name}: variable tensors are not supported");
            }

            if (t.HasSparsity)
            {
                throw new ModelException($"{name}: sparse tensors are not supported");
            }

            if (t.Buffer < 0 || t.Buffer >= model.Buffers.Count)
            {
                throw new ModelException($"{name}: buffer index {t.Buffer} out of range (model has {model.Buffers.Count} buffers)");
            }

            byte[] data = model.Buffers[t.Buffer].Data;
            long expectedBytes = elements * TfliteEnums.ElementSize(t.Type);
            if (data != null && data.Length != 0 && data.Length != expectedBytes)
            {
                throw new ModelException($"{name}: buffer {t.Buffer} holds {data.Length} bytes but shape [{Join(shape)}] of {TfliteEnums.Name(t.Type)} needs {expectedBytes}");
            }

            ValidateQuantization(t, name);
        }

        private static void ValidateQuantization(Tensor t, string name)
        {
            QuantizationParameters q = t.Quantization;
            bool hasScales = q != null && q.Scale != null && q.Scale.Length > 0;
            if (t.Type == TensorType.Int8 && !hasScales)
            {
                throw new ModelException($"{name}: INT8 tensor has no quantization scale");
            }

            if (q == null)
            {
                return;
            }

            if (q.HasCustomDetails)
            {
                throw new ModelException($"{name}: custom quantization details are not supported");
            }

            int scales = q.Scale?.Length ?? 0;
            int zeroPoints = q.ZeroPoint?.Length ?? 0;
            if (scales == 0 && zeroPoints == 0)
            {
                return;
            }

            if (scales != zeroPoints)
            {
                throw new ModelException($"{name}: {scales} quantization scales but {zeroPoints} zero points");
            }

            for (int i = 0; i < scales; i++)
            {
                float s = q.Scale[i];
                if (!(s > 0f) || float.IsInfinity(s))
                {
                    throw new ModelException($"{name}: quantization scale[{i}] = {s.ToString("R", CultureInfo.InvariantCulture)} is not a positive finite number");
                }

                long zp = q.ZeroPoint[i];
                if (t.Type == TensorType.Int8 && (zp < sbyte.MinValue || zp > sbyte.MaxValue))
                {
                    throw new ModelException($"{name}: zero point[{i}] = {zp} is outside the int8 range");
                }
            }

            if (scales > 1)
            {
                int[] shape = t.Shape ?? new int[0];
                if (q.QuantizedDimension < 0 || q.QuantizedDimension >= shape.Length)
                {
                    throw new ModelException($"{name}: quantized_dimension {q.QuantizedDimension} is outside rank {shape.Length}");
                }

                if (shape[q.QuantizedDimension] != scales)
                {
                    throw new ModelException($"{name}: {scales} per-channel scales but dimension {q.QuantizedDimension} has {shape[q.QuantizedDimension]} channels");
                }
            }
        }

        private static void ValidateGraphIo(SubGraph graph)
        {
            if (graph.Inputs == null || graph.Inputs.Length == 0 || graph.Outputs == null || graph.Outputs.Length == 0)
            {
                throw new ModelException("subgraph: it needs at least one input and one output tensor");
            }

            CheckIndices(graph, graph.Inputs, "subgraph input");
            CheckIndices(graph, graph.Outputs, "subgraph output");
        }

        private static void CheckIndices(SubGraph graph, int[] indices, string what)
        {
            for (int i = 0; i < indices.Length; i++)
            {
                if (indices[i] < 0 || indices[i] >= graph.Tensors.Count)
                {
                    throw new ModelException($"{what} {i}: tensor index {indices[i]} out of range (subgraph has {graph.Tensors.Count} tensors)");
                }
            }
        }

        private static void ValidateOperator(TfliteModel model, int index, bool[] written)
        {
            SubGraph graph = model.Subgraphs[0];
            Operator op = graph.Operators[index];
            if (op == null)
            {
                throw new ModelException($"operator {index}: missing");
            }

            if (op.OpcodeIndex < 0 || op.OpcodeIndex >= model.OperatorCodes.Count)
            {
                throw new ModelException($"operator {index}: opcode index {op.OpcodeIndex} out of range (model has {model.OperatorCodes.Count} operator codes)");
            }

            BuiltinOperator code = model.OperatorCodes[op.OpcodeIndex].BuiltinCode;
            var ctx = new OpContext(model, index, code);
            if (op.HasCustomOptions)
            {
                throw ctx.Error("custom options are not supported");
            }

            int[] inputs = op.Inputs ?? new int[0];
            int[] outputs = op.Outputs ?? new int[0];
            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i] < -1 || inputs[i] >= graph.Tensors.Count)
                {
                    throw ctx.Error($"input {i} is tensor index {inputs[i]}, out of range (subgraph has {graph.Tensors.Count} tensors)");
                }

                if (inputs[i] >= 0 && !written[inputs[i]] && !IsConstant(model, graph.Tensors[inputs[i]]))
                {
                    throw ctx.Error($"input {i} {TensorName(graph, inputs[i])} is read before any operator writes it");
                }
            }

            for (int i = 0; i < outputs.Length; i++)
            {
                if (outputs[i] < 0 || outputs[i] >= graph.Tensors.Count)
                {
                    throw ctx.Error($"output {i} is tensor index {outputs[i]}, out of range (subgraph has {graph.Tensors.Count} tensors)");
                }

                if (IsConstant(model, graph.Tensors[outputs[i]]))
                {
                    throw ctx.Error($"output {i} {TensorName(graph, outputs[i])} is a constant tensor");
                }

                if (written[outputs[i]])
                {
                    throw ctx.Error($"output {i} {TensorName(graph, outputs[i])} is already written by an earlier operator or is a graph input");
                }
            }

            switch (code)
            {
                case BuiltinOperator.Reshape:
                    OperatorRules.Reshape(ctx, op);
                    break;
                case BuiltinOperator.DepthwiseConv2D:
                case BuiltinOperator.Conv2D:
                    OperatorRules.Convolution(ctx, op);
                    break;
                case BuiltinOperator.FullyConnected:
                    OperatorRules.FullyConnected(ctx, op);
                    break;
                case BuiltinOperator.Softmax:
                    OperatorRules.Softmax(ctx, op);
                    break;
                case BuiltinOperator.AveragePool2D:
                case BuiltinOperator.MaxPool2D:
                    OperatorRules.Pool(ctx, op);
                    break;
                default:
                    string custom = model.OperatorCodes[op.OpcodeIndex].CustomCode;
                    throw ctx.Error(custom != null ? $"custom operator '{custom}' is not supported" : "operator is not supported (supported: RESHAPE, DEPTHWISE_CONV_2D, CONV_2D, FULLY_CONNECTED, SOFTMAX, AVERAGE_POOL_2D, MAX_POOL_2D)");
            }

            foreach (int o in outputs)
            {
                written[o] = true;
            }
        }

        internal static string Join(int[] values)
        {
            return string.Join(",", values ?? new int[0]);
        }
    }
}

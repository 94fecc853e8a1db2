using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;
using VoiceAssistant.Audio;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Export.Quantization;
using VoiceAssistant.Tflite;
using VoiceAssistant.Tflite.Kernels;

namespace VoiceAssistant.Export
{
    /// <summary>
    /// Builds the .tflite of a quantised tinyConv with the graph of TFLM's micro_speech model (Reshape
    /// [1,1960]→[1,49,40,1] with an int32 shape tensor, DepthwiseConv2D SAME stride 2 multiplier 8 fused ReLU,
    /// FullyConnected, Softmax; tensor and operator-code order as in micro_speech_quantized.tflite) and writes
    /// it with its manifest.
    /// </summary>
    public static class TinyConvExporter
    {
        /// <summary>Description stored in exported models.</summary>
        public const string Description = "VoiceAssistant tinyConv int8";

        /// <summary>Builds the model object.</summary>
        /// <param name="q">The quantised model.</param>
        public static TfliteModel Build(QuantizedTinyConv q)
        {
            var model = new TfliteModel { Description = Description };

            // Operator-code order and versions as in micro_speech.
            model.OperatorCodes.Add(new OperatorCode(BuiltinOperator.DepthwiseConv2D, 3));
            model.OperatorCodes.Add(new OperatorCode(BuiltinOperator.FullyConnected, 4));
            model.OperatorCodes.Add(new OperatorCode(BuiltinOperator.Reshape, 1));
            model.OperatorCodes.Add(new OperatorCode(BuiltinOperator.Softmax, 2));

            var graph = new SubGraph { Name = "main" };
            model.Subgraphs.Add(graph);
            model.Buffers.Add(new ModelBuffer());

            int labels = q.Labels;
            const int C = TinyConvWeights.Channels;
            int[] newShape = { -1, TinyConvWeights.InputHeight, TinyConvWeights.InputWidth, 1 };

            // Tensor indices 0..9 in micro_speech's order; each tensor gets its own buffer (TOCO style).
            Add(model, "Conv2D_bias", TensorType.Int32, new[] { C }, Int32Bytes(q.ConvBias), PerChannel(q.ConvWeightScales, q.Input.Scale, 0));
            Add(model, "MatMul_bias", TensorType.Int32, new[] { labels }, Int32Bytes(q.FcBias), PerTensor(q.ConvOutput.Scale * q.FcWeightScale, 0));
            Add(model, "Relu", TensorType.Int8, new[] { 1, TinyConvWeights.ConvHeight, TinyConvWeights.ConvWidth, C }, null, Activation(q.ConvOutput, 0f, q.Ranges.ConvOutput.Max));
            Add(model, "Reshape_1", TensorType.Int8, new[] { 1, AssistantSettings.WindowFeatures }, null, Activation(q.Input, q.Ranges.Input.Min, q.Ranges.Input.Max));
            Add(model, "Reshape_2", TensorType.Int8, new[] { 1, TinyConvWeights.InputHeight, TinyConvWeights.InputWidth, 1 }, null, Activation(q.Input, q.Ranges.Input.Min, q.Ranges.Input.Max));
            Add(model, "Reshape_2/shape", TensorType.Int32, new[] { 4 }, Int32Bytes(newShape), null);
            Add(model, "add_1", TensorType.Int8, new[] { 1, labels }, null, Activation(q.Logits, q.Ranges.LogitsQuantizedMin, q.Ranges.Logits.Max));
            Add(model, "final_fc_weights/read/transpose", TensorType.Int8, new[] { labels, TinyConvWeights.FcInputs }, SByteBytes(q.FcWeights), PerTensor(q.FcWeightScale, 0));
            var convQuant = PerChannel(q.ConvWeightScales, 1f, 3);
            Add(model, "first_weights/read", TensorType.Int8, new[] { 1, TinyConvWeights.FilterHeight, TinyConvWeights.FilterWidth, C }, SByteBytes(q.ConvWeights), convQuant);
            Add(model, "labels_softmax", TensorType.Int8, new[] { 1, labels }, null, PerTensor(QuantizedTinyConv.SoftmaxOutput.Scale, QuantizedTinyConv.SoftmaxOutput.ZeroPoint));

            graph.Inputs = new[] { 3 };
            graph.Outputs = new[] { 9 };
            graph.Operators.Add(new Operator
            {
                OpcodeIndex = 2,
                Inputs = new[] { 3, 5 },
                Outputs = new[] { 4 },
                Options = new ReshapeOptions { NewShape = newShape },
            });
            graph.Operators.Add(new Operator
            {
                OpcodeIndex = 0,
                Inputs = new[] { 4, 8, 0 },
                Outputs = new[] { 2 },
                Options = new DepthwiseConv2DOptions
                {
                    Padding = Padding.Same,
                    StrideH = TinyConvWeights.Stride,
                    StrideW = TinyConvWeights.Stride,
                    DepthMultiplier = C,
                    FusedActivationFunction = ActivationFunctionType.Relu,
                },
            });
            graph.Operators.Add(new Operator
            {
                OpcodeIndex = 1,
                Inputs = new[] { 2, 7, 1 },
                Outputs = new[] { 6 },
                Options = new FullyConnectedOptions { FusedActivationFunction = ActivationFunctionType.None },
            });
            graph.Operators.Add(new Operator
            {
                OpcodeIndex = 3,
                Inputs = new[] { 6 },
                Outputs = new[] { 9 },
                Options = new SoftmaxOptions { Beta = 1f },
            });
            return model;
        }

        /// <summary>Serialises the model and checks that the loader accepts it (validation included).</summary>
        /// <param name="q">The quantised model.</param>
        /// <returns>The .tflite bytes.</returns>
        public static byte[] ToValidatedBytes(QuantizedTinyConv q)
        {
            byte[] bytes = Build(q).ToBytes();
            TfliteModel.Parse(bytes);
            return bytes;
        }

        /// <summary>
        /// Writes <paramref name="modelPath"/> and its manifest (<see cref="ModelManifest.PathFor"/>), each
        /// atomically; the model is validated by reading it back before anything is written.
        /// </summary>
        /// <param name="q">The quantised model.</param>
        /// <param name="labels">Labels in output order.</param>
        /// <param name="settings">Recogniser thresholds to record.</param>
        /// <param name="modelPath">Destination .tflite path.</param>
        /// <param name="createdBy">Free text (tool and command line).</param>
        /// <returns>The manifest written.</returns>
        public static ModelManifest Export(QuantizedTinyConv q, string[] labels, AssistantSettings settings, string modelPath, string createdBy)
        {
            if (labels == null || labels.Length != q.Labels)
            {
                throw new ArgumentException($"the model has {q.Labels} outputs but {labels?.Length ?? 0} labels were given");
            }

            byte[] bytes = ToValidatedBytes(q);
            ModelManifest manifest = ModelManifest.Create(labels, q.Input, settings ?? new AssistantSettings(), Path.GetFileName(modelPath), bytes, createdBy);
            AtomicFile.WriteAllBytes(modelPath, bytes);
            manifest.Save(ModelManifest.PathFor(modelPath));
            return manifest;
        }

        /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
        /// <param name="bytes">Data.</param>
        public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

        private static void Add(TfliteModel model, string name, TensorType type, int[] shape, byte[] data, QuantizationParameters quantization)
        {
            int buffer = model.Buffers.Count;
            model.Buffers.Add(data == null ? new ModelBuffer() : new ModelBuffer(data));
            model.MainSubgraph.Tensors.Add(new Tensor { Name = name, Type = type, Shape = shape, Buffer = buffer, Quantization = quantization });
        }

        private static QuantizationParameters PerTensor(float scale, int zeroPoint) =>
            new QuantizationParameters { Scale = new[] { scale }, ZeroPoint = new long[] { zeroPoint } };

        private static QuantizationParameters Activation(TensorQuantization p, float min, float max) =>
            new QuantizationParameters { Scale = new[] { p.Scale }, ZeroPoint = new long[] { p.ZeroPoint }, Min = new[] { min }, Max = new[] { max } };

        private static QuantizationParameters PerChannel(float[] scales, float factor, int dimension)
        {
            var s = new float[scales.Length];
            for (int i = 0; i < s.Length; i++)
            {
                s[i] = factor * scales[i];
            }

            return new QuantizationParameters { Scale = s, ZeroPoint = new long[s.Length], QuantizedDimension = dimension };
        }

        private static byte[] Int32Bytes(int[] values)
        {
            var bytes = new byte[values.Length * 4];
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
            }

            return bytes;
        }

        private static byte[] SByteBytes(sbyte[] values)
        {
            var bytes = new byte[values.Length];
            Buffer.BlockCopy(values, 0, bytes, 0, values.Length);
            return bytes;
        }
    }
}

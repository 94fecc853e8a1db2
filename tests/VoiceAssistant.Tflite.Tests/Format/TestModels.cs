using System.Collections.Generic;
using VoiceAssistant.TestSupport;

namespace VoiceAssistant.Tflite.Tests.Format
{
    /// <summary>Models for tests: the real micro_speech file and small valid models built in code.</summary>
    internal static class TestModels
    {
        public const string MicroSpeech = "models/tflm_micro_speech/micro_speech_quantized.tflite";

        public static byte[] MicroSpeechBytes() => System.IO.File.ReadAllBytes(SharedData.Require(MicroSpeech));

        /// <summary>
        /// input int8[1,8,8,2] → CONV_2D 3x3 VALID (4 ch, per-channel) → MAX_POOL 2x2 → DEPTHWISE 3x3 SAME ×2 →
        /// AVERAGE_POOL 2x2 → RESHAPE [1,8] (shape tensor) → FULLY_CONNECTED 3 → SOFTMAX. Shapes chosen by hand.
        /// </summary>
        public static TfliteModel Tiny()
        {
            var m = new TfliteModel { Description = "tiny test model" };
            m.Buffers.Add(new ModelBuffer());
            var g = new SubGraph { Name = "main" };
            m.Subgraphs.Add(g);
            m.Metadata.Add(new Metadata { Name = "min_runtime_version", Buffer = AddBuffer(m, new byte[] { (byte)'1', (byte)'.', (byte)'5', 0 }) });

            int Act(string name, params int[] shape) => AddTensor(m, name, TensorType.Int8, shape, 0, Q(0.05f, -3));
            int Const(string name, TensorType type, int[] shape, byte[] data, QuantizationParameters q) => AddTensor(m, name, type, shape, AddBuffer(m, data), q);

            int input = Act("input", 1, 8, 8, 2);
            int convW = Const("conv/w", TensorType.Int8, new[] { 4, 3, 3, 2 }, Pattern(72, 1), PerChannel(0, 4));
            int convB = Const("conv/b", TensorType.Int32, new[] { 4 }, Pattern(16, 2), PerChannel(0, 4));
            int conv = Act("conv", 1, 6, 6, 4);
            int pool = Act("maxpool", 1, 3, 3, 4);
            int dwW = Const("dw/w", TensorType.Int8, new[] { 1, 3, 3, 8 }, Pattern(72, 3), PerChannel(3, 8));
            int dwB = Const("dw/b", TensorType.Int32, new[] { 8 }, Pattern(32, 4), null);
            int dw = Act("dw", 1, 2, 2, 8);
            int avg = Act("avgpool", 1, 1, 1, 8);
            int shape = Const("reshape/shape", TensorType.Int32, new[] { 2 }, new byte[] { 1, 0, 0, 0, 8, 0, 0, 0 }, null);
            int flat = Act("flat", 1, 8);
            int fcW = Const("fc/w", TensorType.Int8, new[] { 3, 8 }, Pattern(24, 5), Q(0.01f, 0));
            int fcB = Const("fc/b", TensorType.Int32, new[] { 3 }, Pattern(12, 6), Q(0.0005f, 0));
            int logits = Act("logits", 1, 3);
            int probs = AddTensor(m, "probs", TensorType.Int8, new[] { 1, 3 }, 0, Q(1f / 256, -128));
            g.Inputs = new[] { input };
            g.Outputs = new[] { probs };

            AddOp(m, BuiltinOperator.Conv2D, 3, new[] { input, convW, convB }, conv, new Conv2DOptions { Padding = Padding.Valid, StrideW = 1, StrideH = 1, FusedActivationFunction = ActivationFunctionType.Relu6 });
            AddOp(m, BuiltinOperator.MaxPool2D, 2, new[] { conv }, pool, new Pool2DOptions { Padding = Padding.Valid, StrideW = 2, StrideH = 2, FilterWidth = 2, FilterHeight = 2 });
            AddOp(m, BuiltinOperator.DepthwiseConv2D, 3, new[] { pool, dwW, dwB }, dw, new DepthwiseConv2DOptions { Padding = Padding.Same, StrideW = 2, StrideH = 2, DepthMultiplier = 2, FusedActivationFunction = ActivationFunctionType.Relu });
            AddOp(m, BuiltinOperator.AveragePool2D, 2, new[] { dw }, avg, new Pool2DOptions { Padding = Padding.Valid, StrideW = 2, StrideH = 2, FilterWidth = 2, FilterHeight = 2 });
            AddOp(m, BuiltinOperator.Reshape, 1, new[] { avg, shape }, flat, new ReshapeOptions { NewShape = new[] { 1, 8 } });
            AddOp(m, BuiltinOperator.FullyConnected, 4, new[] { flat, fcW, fcB }, logits, new FullyConnectedOptions { KeepNumDims = false });
            AddOp(m, BuiltinOperator.Softmax, 1, new[] { logits }, probs, new SoftmaxOptions { Beta = 1f });
            return m;
        }

        public static QuantizationParameters Q(float scale, long zeroPoint) => new QuantizationParameters { Scale = new[] { scale }, ZeroPoint = new[] { zeroPoint } };

        public static QuantizationParameters PerChannel(int dimension, int channels)
        {
            var q = new QuantizationParameters { QuantizedDimension = dimension, Scale = new float[channels], ZeroPoint = new long[channels] };
            for (int i = 0; i < channels; i++)
            {
                q.Scale[i] = 0.001f * (i + 1);
            }

            return q;
        }

        public static byte[] Pattern(int length, int seed)
        {
            var data = new byte[length];
            for (int i = 0; i < length; i++)
            {
                data[i] = (byte)((i * 37) + (seed * 11));
            }

            return data;
        }

        private static int AddBuffer(TfliteModel m, byte[] data)
        {
            m.Buffers.Add(new ModelBuffer(data));
            return m.Buffers.Count - 1;
        }

        private static int AddTensor(TfliteModel m, string name, TensorType type, int[] shape, int buffer, QuantizationParameters q)
        {
            List<Tensor> tensors = m.Subgraphs[0].Tensors;
            tensors.Add(new Tensor { Name = name, Type = type, Shape = shape, Buffer = buffer, Quantization = q });
            return tensors.Count - 1;
        }

        private static void AddOp(TfliteModel m, BuiltinOperator code, int version, int[] inputs, int output, BuiltinOptions options)
        {
            int opcode = m.OperatorCodes.FindIndex(c => c.BuiltinCode == code);
            if (opcode < 0)
            {
                m.OperatorCodes.Add(new OperatorCode(code, version));
                opcode = m.OperatorCodes.Count - 1;
            }

            m.Subgraphs[0].Operators.Add(new Operator { OpcodeIndex = opcode, Inputs = inputs, Outputs = new[] { output }, Options = options });
        }
    }
}

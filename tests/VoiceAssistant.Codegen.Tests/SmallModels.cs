using VoiceAssistant.Tflite;

namespace VoiceAssistant.Codegen.Tests
{
    /// <summary>Keyword-shaped models written with the repository's .tflite writer (nothing read from ../shared).</summary>
    internal static class SmallModels
    {
        /// <summary>int8 [1, inputs] → FULLY_CONNECTED (labels units) → SOFTMAX int8 [1, labels].</summary>
        public static byte[] Keyword(int inputs = 1960, int labels = 4, float inputScale = 0.25f, long inputZeroPoint = -7, BuiltinOperator? extra = null)
        {
            var m = new TfliteModel { Description = "codegen test model" };
            m.Buffers.Add(new ModelBuffer());
            var g = new SubGraph { Name = "main" };
            m.Subgraphs.Add(g);
            var weights = new byte[labels * inputs];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = (byte)(i * 7 + 3);
            }

            m.Buffers.Add(new ModelBuffer(weights));
            m.Buffers.Add(new ModelBuffer(new byte[labels * 4]));
            g.Tensors.Add(new Tensor { Name = "input", Type = TensorType.Int8, Shape = new[] { 1, inputs }, Quantization = Q(inputScale, inputZeroPoint) });
            g.Tensors.Add(new Tensor { Name = "w", Type = TensorType.Int8, Shape = new[] { labels, inputs }, Buffer = 1, Quantization = Q(0.01f, 0) });
            g.Tensors.Add(new Tensor { Name = "b", Type = TensorType.Int32, Shape = new[] { labels }, Buffer = 2, Quantization = Q(0.0025f, 0) });
            g.Tensors.Add(new Tensor { Name = "logits", Type = TensorType.Int8, Shape = new[] { 1, labels }, Quantization = Q(0.1f, 3) });
            g.Tensors.Add(new Tensor { Name = "probs", Type = TensorType.Int8, Shape = new[] { 1, labels }, Quantization = Q(1f / 256, -128) });
            m.OperatorCodes.Add(new OperatorCode(BuiltinOperator.FullyConnected, 4));
            m.OperatorCodes.Add(new OperatorCode(BuiltinOperator.Softmax, 1));
            if (extra.HasValue)
            {
                m.OperatorCodes.Add(new OperatorCode(extra.Value, 1));
            }

            g.Operators.Add(new Operator { OpcodeIndex = 0, Inputs = new[] { 0, 1, 2 }, Outputs = new[] { 3 }, Options = new FullyConnectedOptions() });
            g.Operators.Add(new Operator { OpcodeIndex = 1, Inputs = new[] { 3 }, Outputs = new[] { 4 }, Options = new SoftmaxOptions { Beta = 1f } });
            g.Inputs = new[] { 0 };
            g.Outputs = new[] { 4 };
            return m.ToBytes();
        }

        public static QuantizationParameters Q(float scale, long zeroPoint) => new QuantizationParameters { Scale = new[] { scale }, ZeroPoint = new[] { zeroPoint } };
    }
}

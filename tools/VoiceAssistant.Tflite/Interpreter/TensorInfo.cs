namespace VoiceAssistant.Tflite
{
    /// <summary>Shape and per-tensor quantisation of an int8 graph input or output.</summary>
    public sealed class TensorInfo
    {
        internal TensorInfo(int index, Tensor tensor)
        {
            Index = index;
            Name = tensor.Name;
            Shape = (int[])tensor.Shape.Clone();
            ElementCount = (int)tensor.ElementCount;
            Scale = tensor.Quantization.Scale[0];
            ZeroPoint = (int)tensor.Quantization.ZeroPoint[0];
        }

        /// <summary>Tensor index in the subgraph.</summary>
        public int Index { get; }

        /// <summary>Tensor name (null when the file has none).</summary>
        public string Name { get; }

        /// <summary>Dimensions, outermost first (a copy; changing it changes nothing).</summary>
        public int[] Shape { get; }

        /// <summary>Number of int8 elements.</summary>
        public int ElementCount { get; }

        /// <summary>Quantisation scale: real = Scale × (q − ZeroPoint).</summary>
        public float Scale { get; }

        /// <summary>Quantisation zero point.</summary>
        public int ZeroPoint { get; }

        /// <summary>Dequantises one value.</summary>
        /// <param name="q">An int8 value of this tensor.</param>
        /// <returns>Scale × (q − ZeroPoint).</returns>
        public float Dequantize(sbyte q) => Scale * (q - ZeroPoint);

        /// <inheritdoc />
        public override string ToString() => $"{Name ?? "tensor " + Index} int8[{string.Join(",", Shape)}] scale {Scale.ToString("G9", System.Globalization.CultureInfo.InvariantCulture)} zp {ZeroPoint}";
    }
}

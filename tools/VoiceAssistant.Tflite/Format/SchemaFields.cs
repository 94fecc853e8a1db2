namespace VoiceAssistant.Tflite
{
    /// <summary>
    /// Field ids (declaration order) of the TFLite schema tables this project reads and writes. A union
    /// occupies two ids: its type tag, then its value.
    /// </summary>
    internal static class SchemaFields
    {
        internal static class Model
        {
            public const int Version = 0, OperatorCodes = 1, Subgraphs = 2, Description = 3, Buffers = 4, MetadataBuffer = 5, Metadata = 6, SignatureDefs = 7;
            public const int Count = 8;
        }

        internal static class OperatorCode
        {
            public const int DeprecatedBuiltinCode = 0, CustomCode = 1, Version = 2, BuiltinCode = 3;
            public const int Count = 4;
        }

        internal static class SubGraph
        {
            public const int Tensors = 0, Inputs = 1, Outputs = 2, Operators = 3, Name = 4;
            public const int Count = 5;
        }

        internal static class Tensor
        {
            public const int Shape = 0, Type = 1, Buffer = 2, Name = 3, Quantization = 4, IsVariable = 5, Sparsity = 6;
            public const int Count = 7;
        }

        internal static class Quantization
        {
            public const int Min = 0, Max = 1, Scale = 2, ZeroPoint = 3, DetailsType = 4, Details = 5, QuantizedDimension = 6;
            public const int Count = 7;
        }

        internal static class Operator
        {
            public const int OpcodeIndex = 0, Inputs = 1, Outputs = 2, BuiltinOptionsType = 3, BuiltinOptions = 4, CustomOptions = 5;
            public const int Count = 6;
        }

        internal static class Buffer
        {
            public const int Data = 0, Offset = 1, Size = 2;
            public const int Count = 3;
        }

        internal static class Metadata
        {
            public const int Name = 0, Buffer = 1;
            public const int Count = 2;
        }

        internal static class Conv2D
        {
            public const int Padding = 0, StrideW = 1, StrideH = 2, Activation = 3, DilationW = 4, DilationH = 5, QuantizedBiasType = 6;
            public const int Count = 7;
        }

        internal static class DepthwiseConv2D
        {
            public const int Padding = 0, StrideW = 1, StrideH = 2, DepthMultiplier = 3, Activation = 4, DilationW = 5, DilationH = 6;
            public const int Count = 7;
        }

        internal static class Pool2D
        {
            public const int Padding = 0, StrideW = 1, StrideH = 2, FilterWidth = 3, FilterHeight = 4, Activation = 5;
            public const int Count = 6;
        }

        internal static class FullyConnected
        {
            public const int Activation = 0, WeightsFormat = 1, KeepNumDims = 2, AsymmetricQuantizeInputs = 3, QuantizedBiasType = 4;
            public const int Count = 5;
        }

        internal static class Softmax
        {
            public const int Beta = 0;
            public const int Count = 1;
        }

        internal static class Reshape
        {
            public const int NewShape = 0;
            public const int Count = 1;
        }
    }
}

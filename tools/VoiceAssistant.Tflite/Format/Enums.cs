namespace VoiceAssistant.Tflite
{
    /// <summary>Element type of a tensor (TFLite schema <c>TensorType</c>, stored as a byte).</summary>
    public enum TensorType : byte
    {
        /// <summary>32-bit float.</summary>
        Float32 = 0,
        /// <summary>16-bit float.</summary>
        Float16 = 1,
        /// <summary>32-bit signed integer (biases, shape tensors).</summary>
        Int32 = 2,
        /// <summary>8-bit unsigned integer.</summary>
        UInt8 = 3,
        /// <summary>64-bit signed integer.</summary>
        Int64 = 4,
        /// <summary>String tensor.</summary>
        String = 5,
        /// <summary>Boolean.</summary>
        Bool = 6,
        /// <summary>16-bit signed integer.</summary>
        Int16 = 7,
        /// <summary>Complex of two float32.</summary>
        Complex64 = 8,
        /// <summary>8-bit signed integer (quantised activations and weights).</summary>
        Int8 = 9,
        /// <summary>64-bit float.</summary>
        Float64 = 10,
        /// <summary>Complex of two float64.</summary>
        Complex128 = 11,
        /// <summary>64-bit unsigned integer.</summary>
        UInt64 = 12,
        /// <summary>Resource handle (experimental).</summary>
        Resource = 13,
        /// <summary>Variant (experimental).</summary>
        Variant = 14,
        /// <summary>32-bit unsigned integer.</summary>
        UInt32 = 15,
        /// <summary>16-bit unsigned integer.</summary>
        UInt16 = 16,
        /// <summary>Packed 4-bit signed integer.</summary>
        Int4 = 17,
    }

    /// <summary>
    /// Builtin operator codes of the TFLite schema (values are the schema's; only the ones this project
    /// names in messages are listed, any other value is still representable as a cast integer).
    /// </summary>
    public enum BuiltinOperator
    {
        /// <summary>Elementwise add.</summary>
        Add = 0,
        /// <summary>2-D average pooling.</summary>
        AveragePool2D = 1,
        /// <summary>Concatenation.</summary>
        Concatenation = 2,
        /// <summary>2-D convolution.</summary>
        Conv2D = 3,
        /// <summary>Depthwise 2-D convolution.</summary>
        DepthwiseConv2D = 4,
        /// <summary>Depth to space.</summary>
        DepthToSpace = 5,
        /// <summary>Dequantize.</summary>
        Dequantize = 6,
        /// <summary>Floor.</summary>
        Floor = 8,
        /// <summary>Fully connected (dense).</summary>
        FullyConnected = 9,
        /// <summary>L2 normalisation.</summary>
        L2Normalization = 11,
        /// <summary>Logistic (sigmoid).</summary>
        Logistic = 14,
        /// <summary>LSTM.</summary>
        Lstm = 16,
        /// <summary>2-D max pooling.</summary>
        MaxPool2D = 17,
        /// <summary>Elementwise multiply.</summary>
        Mul = 18,
        /// <summary>ReLU.</summary>
        Relu = 19,
        /// <summary>ReLU6.</summary>
        Relu6 = 21,
        /// <summary>Reshape.</summary>
        Reshape = 22,
        /// <summary>Softmax.</summary>
        Softmax = 25,
        /// <summary>SVDF.</summary>
        Svdf = 27,
        /// <summary>Tanh.</summary>
        Tanh = 28,
        /// <summary>Custom operator (named by <c>custom_code</c>).</summary>
        Custom = 32,
        /// <summary>Pad.</summary>
        Pad = 34,
        /// <summary>Transpose.</summary>
        Transpose = 39,
        /// <summary>Mean.</summary>
        Mean = 40,
        /// <summary>Subtract.</summary>
        Sub = 41,
        /// <summary>Squeeze.</summary>
        Squeeze = 43,
        /// <summary>Strided slice.</summary>
        StridedSlice = 45,
        /// <summary>Quantize.</summary>
        Quantize = 114,
        /// <summary>Batch matrix multiply.</summary>
        BatchMatMul = 126,
        /// <summary>Marks that the real code is only in the int32 <c>builtin_code</c> field.</summary>
        PlaceholderForGreaterOpCodes = 127,
    }

    /// <summary>Padding scheme of convolutions and pooling (schema <c>Padding</c>).</summary>
    public enum Padding : byte
    {
        /// <summary>Output size ceil(in / stride), zero padding split around the input.</summary>
        Same = 0,
        /// <summary>No padding.</summary>
        Valid = 1,
    }

    /// <summary>Activation fused into an operator (schema <c>ActivationFunctionType</c>).</summary>
    public enum ActivationFunctionType : byte
    {
        /// <summary>No activation.</summary>
        None = 0,
        /// <summary>max(0, x).</summary>
        Relu = 1,
        /// <summary>Clamp to [-1, 1].</summary>
        ReluN1To1 = 2,
        /// <summary>Clamp to [0, 6].</summary>
        Relu6 = 3,
        /// <summary>tanh.</summary>
        Tanh = 4,
        /// <summary>Sign bit.</summary>
        SignBit = 5,
    }

    /// <summary>Weight layout of FullyConnected (schema <c>FullyConnectedOptionsWeightsFormat</c>).</summary>
    public enum FullyConnectedWeightsFormat : byte
    {
        /// <summary>Row-major [units, depth].</summary>
        Default = 0,
        /// <summary>Shuffled 4x16 int8 blocks (not supported by this project's kernels).</summary>
        Shuffled4x16Int8 = 1,
    }

    /// <summary>Type tag of the <c>BuiltinOptions</c> union (only the members this project reads are named).</summary>
    public enum BuiltinOptionsType : byte
    {
        /// <summary>No options stored.</summary>
        None = 0,
        /// <summary><see cref="Conv2DOptions"/>.</summary>
        Conv2DOptions = 1,
        /// <summary><see cref="DepthwiseConv2DOptions"/>.</summary>
        DepthwiseConv2DOptions = 2,
        /// <summary><see cref="Pool2DOptions"/>.</summary>
        Pool2DOptions = 5,
        /// <summary><see cref="FullyConnectedOptions"/>.</summary>
        FullyConnectedOptions = 8,
        /// <summary><see cref="SoftmaxOptions"/>.</summary>
        SoftmaxOptions = 9,
        /// <summary><see cref="ReshapeOptions"/>.</summary>
        ReshapeOptions = 17,
    }

    /// <summary>Helpers over the schema enums.</summary>
    public static class TfliteEnums
    {
        /// <summary>Bytes per element of a type, or 0 for variable-size/packed types this project cannot size.</summary>
        /// <param name="type">The tensor type.</param>
        public static int ElementSize(TensorType type)
        {
            switch (type)
            {
                case TensorType.Int8:
                case TensorType.UInt8:
                case TensorType.Bool:
                    return 1;
                case TensorType.Int16:
                case TensorType.UInt16:
                case TensorType.Float16:
                    return 2;
                case TensorType.Int32:
                case TensorType.UInt32:
                case TensorType.Float32:
                    return 4;
                case TensorType.Int64:
                case TensorType.UInt64:
                case TensorType.Float64:
                case TensorType.Complex64:
                    return 8;
                case TensorType.Complex128:
                    return 16;
                default:
                    return 0;
            }
        }

        /// <summary>The schema's upper-case name of an operator code, or <c>OP_n</c> for codes not named here.</summary>
        /// <param name="op">The operator code.</param>
        public static string Name(BuiltinOperator op)
        {
            switch (op)
            {
                case BuiltinOperator.AveragePool2D: return "AVERAGE_POOL_2D";
                case BuiltinOperator.Conv2D: return "CONV_2D";
                case BuiltinOperator.DepthwiseConv2D: return "DEPTHWISE_CONV_2D";
                case BuiltinOperator.FullyConnected: return "FULLY_CONNECTED";
                case BuiltinOperator.MaxPool2D: return "MAX_POOL_2D";
                case BuiltinOperator.Reshape: return "RESHAPE";
                case BuiltinOperator.Softmax: return "SOFTMAX";
                case BuiltinOperator.Add: return "ADD";
                case BuiltinOperator.Custom: return "CUSTOM";
                case BuiltinOperator.BatchMatMul: return "BATCH_MATMUL";
                default:
                    return System.Enum.IsDefined(op) ? ToUpperSnake(op.ToString()) : "OP_" + ((int)op).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        /// <summary>The schema's upper-case name of a tensor type (e.g. INT8), or <c>TYPE_n</c> for unknown values.</summary>
        /// <param name="type">The tensor type.</param>
        public static string Name(TensorType type)
        {
            return System.Enum.IsDefined(type) ? type.ToString().ToUpperInvariant() : "TYPE_" + ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string ToUpperSnake(string pascal)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < pascal.Length; i++)
            {
                char c = pascal[i];
                if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1]))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToUpperInvariant(c));
            }

            return sb.ToString();
        }
    }
}

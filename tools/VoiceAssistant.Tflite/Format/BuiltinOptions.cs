namespace VoiceAssistant.Tflite
{
    /// <summary>Base of the typed builtin-options objects; each holds the schema defaults until set.</summary>
    public abstract class BuiltinOptions
    {
        /// <summary>The union tag this object is stored under.</summary>
        public abstract BuiltinOptionsType OptionsType { get; }
    }

    /// <summary>Options of an options-union member this project does not decode (kept so the validator can name it).</summary>
    public sealed class UnsupportedOptions : BuiltinOptions
    {
        /// <summary>Creates it for a raw union tag.</summary>
        /// <param name="rawType">The stored union tag.</param>
        public UnsupportedOptions(byte rawType)
        {
            RawType = rawType;
        }

        /// <summary>The stored union tag.</summary>
        public byte RawType { get; }

        /// <inheritdoc />
        public override BuiltinOptionsType OptionsType => (BuiltinOptionsType)RawType;
    }

    /// <summary>RESHAPE options.</summary>
    public sealed class ReshapeOptions : BuiltinOptions
    {
        /// <inheritdoc />
        public override BuiltinOptionsType OptionsType => BuiltinOptionsType.ReshapeOptions;

        /// <summary>Target shape (-1 = inferred); null when not stored (the shape then comes from input 1).</summary>
        public int[] NewShape { get; set; }
    }

    /// <summary>CONV_2D options.</summary>
    public sealed class Conv2DOptions : BuiltinOptions
    {
        /// <inheritdoc />
        public override BuiltinOptionsType OptionsType => BuiltinOptionsType.Conv2DOptions;

        /// <summary>Padding (default SAME).</summary>
        public Padding Padding { get; set; } = Padding.Same;

        /// <summary>Horizontal stride (default 0 in the schema; the validator requires ≥ 1).</summary>
        public int StrideW { get; set; }

        /// <summary>Vertical stride.</summary>
        public int StrideH { get; set; }

        /// <summary>Fused activation (default NONE).</summary>
        public ActivationFunctionType FusedActivationFunction { get; set; }

        /// <summary>Horizontal dilation (default 1).</summary>
        public int DilationWFactor { get; set; } = 1;

        /// <summary>Vertical dilation (default 1).</summary>
        public int DilationHFactor { get; set; } = 1;

        /// <summary>Bias/accumulator type for version ≥ 8 (default FLOAT32 = 0, meaning "not set").</summary>
        public TensorType QuantizedBiasType { get; set; }
    }

    /// <summary>DEPTHWISE_CONV_2D options.</summary>
    public sealed class DepthwiseConv2DOptions : BuiltinOptions
    {
        /// <inheritdoc />
        public override BuiltinOptionsType OptionsType => BuiltinOptionsType.DepthwiseConv2DOptions;

        /// <summary>Padding (default SAME).</summary>
        public Padding Padding { get; set; } = Padding.Same;

        /// <summary>Horizontal stride.</summary>
        public int StrideW { get; set; }

        /// <summary>Vertical stride.</summary>
        public int StrideH { get; set; }

        /// <summary>Output channels per input channel.</summary>
        public int DepthMultiplier { get; set; }

        /// <summary>Fused activation (default NONE).</summary>
        public ActivationFunctionType FusedActivationFunction { get; set; }

        /// <summary>Horizontal dilation (default 1).</summary>
        public int DilationWFactor { get; set; } = 1;

        /// <summary>Vertical dilation (default 1).</summary>
        public int DilationHFactor { get; set; } = 1;
    }

    /// <summary>FULLY_CONNECTED options.</summary>
    public sealed class FullyConnectedOptions : BuiltinOptions
    {
        /// <inheritdoc />
        public override BuiltinOptionsType OptionsType => BuiltinOptionsType.FullyConnectedOptions;

        /// <summary>Fused activation (default NONE).</summary>
        public ActivationFunctionType FusedActivationFunction { get; set; }

        /// <summary>Weight layout (default DEFAULT).</summary>
        public FullyConnectedWeightsFormat WeightsFormat { get; set; }

        /// <summary>Keep the input's rank in the output (default false).</summary>
        public bool KeepNumDims { get; set; }

        /// <summary>Asymmetric input quantisation for hybrid models (default false).</summary>
        public bool AsymmetricQuantizeInputs { get; set; }

        /// <summary>Bias/accumulator type for version ≥ 11 (default FLOAT32 = 0, meaning "not set").</summary>
        public TensorType QuantizedBiasType { get; set; }
    }

    /// <summary>SOFTMAX options.</summary>
    public sealed class SoftmaxOptions : BuiltinOptions
    {
        /// <inheritdoc />
        public override BuiltinOptionsType OptionsType => BuiltinOptionsType.SoftmaxOptions;

        /// <summary>Inverse temperature (schema default 0; converters store 1).</summary>
        public float Beta { get; set; }
    }

    /// <summary>AVERAGE_POOL_2D / MAX_POOL_2D options.</summary>
    public sealed class Pool2DOptions : BuiltinOptions
    {
        /// <inheritdoc />
        public override BuiltinOptionsType OptionsType => BuiltinOptionsType.Pool2DOptions;

        /// <summary>Padding (default SAME).</summary>
        public Padding Padding { get; set; } = Padding.Same;

        /// <summary>Horizontal stride.</summary>
        public int StrideW { get; set; }

        /// <summary>Vertical stride.</summary>
        public int StrideH { get; set; }

        /// <summary>Window width.</summary>
        public int FilterWidth { get; set; }

        /// <summary>Window height.</summary>
        public int FilterHeight { get; set; }

        /// <summary>Fused activation (default NONE).</summary>
        public ActivationFunctionType FusedActivationFunction { get; set; }
    }
}

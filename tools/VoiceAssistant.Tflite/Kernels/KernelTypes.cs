using System;

namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>A 4-D NHWC shape (batches, height, width, channels).</summary>
    public readonly struct Shape4
    {
        /// <summary>Creates the shape.</summary>
        /// <param name="batches">Dimension 0.</param>
        /// <param name="height">Dimension 1.</param>
        /// <param name="width">Dimension 2.</param>
        /// <param name="depth">Dimension 3.</param>
        public Shape4(int batches, int height, int width, int depth)
        {
            if (batches < 0 || height < 0 || width < 0 || depth < 0)
            {
                throw new ModelException("negative dimension in shape [" + batches + "," + height + "," + width + "," + depth + "]");
            }

            Batches = batches;
            Height = height;
            Width = width;
            Depth = depth;
        }

        /// <summary>Dimension 0 (batches; output channels for a Conv2D filter).</summary>
        public int Batches { get; }

        /// <summary>Dimension 1.</summary>
        public int Height { get; }

        /// <summary>Dimension 2.</summary>
        public int Width { get; }

        /// <summary>Dimension 3 (channels).</summary>
        public int Depth { get; }

        /// <summary>Number of elements.</summary>
        public int FlatSize => checked(Batches * Height * Width * Depth);

        /// <summary>Builds a shape from a 4-element dimension list.</summary>
        /// <param name="dims">Exactly four dimensions.</param>
        /// <returns>The shape.</returns>
        public static Shape4 From(ReadOnlySpan<int> dims)
        {
            if (dims.Length != 4)
            {
                throw new ModelException("expected a 4-D shape, got " + dims.Length + " dimensions");
            }

            return new Shape4(dims[0], dims[1], dims[2], dims[3]);
        }

        /// <inheritdoc />
        public override string ToString() => "[" + Batches + "," + Height + "," + Width + "," + Depth + "]";
    }

    /// <summary>Per-tensor affine quantisation: real = Scale * (q - ZeroPoint).</summary>
    public readonly struct TensorQuantization
    {
        /// <summary>Creates the parameters.</summary>
        /// <param name="scale">Scale (float32 as stored in the model).</param>
        /// <param name="zeroPoint">Zero point.</param>
        public TensorQuantization(float scale, int zeroPoint)
        {
            Scale = scale;
            ZeroPoint = zeroPoint;
        }

        /// <summary>Scale.</summary>
        public float Scale { get; }

        /// <summary>Zero point.</summary>
        public int ZeroPoint { get; }

        /// <inheritdoc />
        public override string ToString() => FormattableString.Invariant($"scale {Scale:R} zero point {ZeroPoint}");
    }

    /// <summary>Builtin options of CONV_2D / DEPTHWISE_CONV_2D (schema defaults: stride/dilation 1, multiplier 1, SAME, no activation).</summary>
    public sealed class ConvOptions
    {
        /// <summary>Padding scheme.</summary>
        public PaddingKind Padding { get; init; } = PaddingKind.Same;

        /// <summary>Horizontal stride.</summary>
        public int StrideWidth { get; init; } = 1;

        /// <summary>Vertical stride.</summary>
        public int StrideHeight { get; init; } = 1;

        /// <summary>Horizontal dilation.</summary>
        public int DilationWidth { get; init; } = 1;

        /// <summary>Vertical dilation.</summary>
        public int DilationHeight { get; init; } = 1;

        /// <summary>Depthwise only: output channels per input channel.</summary>
        public int DepthMultiplier { get; init; } = 1;

        /// <summary>Fused activation.</summary>
        public FusedActivation Activation { get; init; } = FusedActivation.None;
    }

    /// <summary>
    /// Everything a Conv2D or DepthwiseConv2D Eval needs, computed once in Prepare (TFLM's OpDataConv plus the
    /// shapes): geometry, padding, offsets, activation clamp and per-output-channel multipliers/shifts.
    /// </summary>
    public sealed class ConvParams
    {
        /// <summary>Input shape (NHWC).</summary>
        public Shape4 Input { get; init; }

        /// <summary>Filter shape: [1, fh, fw, out_c] for depthwise, [out_c, fh, fw, in_c / groups] for Conv2D.</summary>
        public Shape4 Filter { get; init; }

        /// <summary>Output shape (NHWC).</summary>
        public Shape4 Output { get; init; }

        /// <summary>Vertical stride.</summary>
        public int StrideHeight { get; init; }

        /// <summary>Horizontal stride.</summary>
        public int StrideWidth { get; init; }

        /// <summary>Vertical dilation.</summary>
        public int DilationHeight { get; init; }

        /// <summary>Horizontal dilation.</summary>
        public int DilationWidth { get; init; }

        /// <summary>Depthwise only: output channels per input channel.</summary>
        public int DepthMultiplier { get; init; }

        /// <summary>Padding computed in Prepare.</summary>
        public PaddingValues Padding { get; init; }

        /// <summary>-input_zero_point, added to every input value.</summary>
        public int InputOffset { get; init; }

        /// <summary>output_zero_point, added after requantisation.</summary>
        public int OutputOffset { get; init; }

        /// <summary>Activation clamp.</summary>
        public ActivationRange Activation { get; init; }

        /// <summary>Per output channel Q0.31 multipliers.</summary>
        public int[] OutputMultiplier { get; init; }

        /// <summary>Per output channel shifts (negative = right shift).</summary>
        public int[] OutputShift { get; init; }
    }

    /// <summary>Prepare-time helpers shared by the convolution-like kernels.</summary>
    public static class KernelPrepare
    {
        /// <summary>
        /// PopulateConvolutionQuantizationParams (per-channel part): for each channel
        /// QuantizeMultiplier((double)input_scale * (double)filter_scale[c] / (double)output_scale); a single
        /// filter scale is broadcast over all channels.
        /// </summary>
        /// <param name="inputScale">Input scale.</param>
        /// <param name="filterScales">One scale (per tensor) or one per channel.</param>
        /// <param name="outputScale">Output scale.</param>
        /// <param name="channels">Number of output channels.</param>
        /// <param name="multipliers">Per-channel significands.</param>
        /// <param name="shifts">Per-channel shifts.</param>
        public static void PerChannelMultipliers(float inputScale, ReadOnlySpan<float> filterScales, float outputScale, int channels, out int[] multipliers, out int[] shifts)
        {
            if (filterScales.Length != 1 && filterScales.Length != channels)
            {
                throw new ModelException("filter has " + filterScales.Length + " scales for " + channels + " output channels");
            }

            multipliers = new int[channels];
            shifts = new int[channels];
            for (int c = 0; c < channels; c++)
            {
                float scale = filterScales.Length == 1 ? filterScales[0] : filterScales[c];
                double effective = (double)inputScale * (double)scale / (double)outputScale;
                QuantizedMultiplier q = QuantizationMath.QuantizeMultiplier(effective);
                multipliers[c] = q.Multiplier;
                shifts[c] = q.Shift;
            }
        }

        /// <summary>
        /// The Prepare step shared by Conv2D and DepthwiseConv2D once their filter layouts are checked:
        /// stride/dilation sanity, TFLite's padding, per-channel multipliers and the quantised activation range.
        /// </summary>
        /// <param name="kind">Operator name for error messages.</param>
        /// <param name="options">Convolution options.</param>
        /// <param name="input">Input shape (NHWC).</param>
        /// <param name="filter">Filter shape.</param>
        /// <param name="outputChannels">Output channel count.</param>
        /// <param name="depthMultiplier">Depth multiplier (1 for Conv2D).</param>
        /// <param name="inputQuantization">Input scale and zero point.</param>
        /// <param name="filterScales">Filter scales: one, or one per output channel.</param>
        /// <param name="outputQuantization">Output scale and zero point.</param>
        /// <returns>The Eval parameters.</returns>
        public static ConvParams Convolution(string kind, ConvOptions options, Shape4 input, Shape4 filter, int outputChannels, int depthMultiplier, TensorQuantization inputQuantization, ReadOnlySpan<float> filterScales, TensorQuantization outputQuantization)
        {
            if (options.StrideWidth <= 0 || options.StrideHeight <= 0 || options.DilationWidth <= 0 || options.DilationHeight <= 0)
            {
                throw new ModelException(kind + " stride and dilation must be positive");
            }

            WindowGeometry g = PaddingMath.ComputePaddingHeightWidth(options.StrideHeight, options.StrideWidth, options.DilationHeight, options.DilationWidth, input.Height, input.Width, filter.Height, filter.Width, options.Padding);
            PerChannelMultipliers(inputQuantization.Scale, filterScales, outputQuantization.Scale, outputChannels, out int[] multipliers, out int[] shifts);
            return new ConvParams
            {
                Input = input,
                Filter = filter,
                Output = new Shape4(input.Batches, g.OutputHeight, g.OutputWidth, outputChannels),
                StrideHeight = options.StrideHeight,
                StrideWidth = options.StrideWidth,
                DilationHeight = options.DilationHeight,
                DilationWidth = options.DilationWidth,
                DepthMultiplier = depthMultiplier,
                Padding = g.Padding,
                InputOffset = -inputQuantization.ZeroPoint,
                OutputOffset = outputQuantization.ZeroPoint,
                Activation = QuantizationMath.CalculateActivationRangeQuantized(options.Activation, outputQuantization.Scale, outputQuantization.ZeroPoint),
                OutputMultiplier = multipliers,
                OutputShift = shifts,
            };
        }

        /// <summary>Throws an <see cref="ArgumentException"/> when a caller buffer is shorter than required.</summary>
        /// <param name="actual">Length supplied.</param>
        /// <param name="required">Length needed.</param>
        /// <param name="what">Name of the buffer for the message.</param>
        public static void RequireLength(int actual, int required, string what)
        {
            if (actual < required)
            {
                throw new ArgumentException(what + " has " + actual + " elements, needs " + required);
            }
        }

        /// <summary>Requantises an accumulator, adds the output offset and clamps, as every int8 kernel's epilogue does.</summary>
        /// <param name="acc">Accumulator including bias.</param>
        /// <param name="multiplier">Q0.31 significand.</param>
        /// <param name="shift">Shift.</param>
        /// <param name="outputOffset">Output zero point.</param>
        /// <param name="min">Clamp minimum.</param>
        /// <param name="max">Clamp maximum.</param>
        /// <returns>The int8 output.</returns>
        public static sbyte Requantize(int acc, int multiplier, int shift, int outputOffset, int min, int max)
        {
            int v = unchecked(QuantizationMath.MultiplyByQuantizedMultiplier(acc, multiplier, shift) + outputOffset);
            v = Math.Max(v, min);
            v = Math.Min(v, max);
            return (sbyte)v;
        }
    }
}

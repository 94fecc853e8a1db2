using System;

namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>Eval parameters of int8 AVERAGE_POOL_2D / MAX_POOL_2D.</summary>
    public sealed class PoolParams
    {
        /// <summary>Input shape (NHWC).</summary>
        public Shape4 Input { get; init; }

        /// <summary>Output shape (NHWC).</summary>
        public Shape4 Output { get; init; }

        /// <summary>Window rows.</summary>
        public int FilterHeight { get; init; }

        /// <summary>Window columns.</summary>
        public int FilterWidth { get; init; }

        /// <summary>Vertical stride.</summary>
        public int StrideHeight { get; init; }

        /// <summary>Horizontal stride.</summary>
        public int StrideWidth { get; init; }

        /// <summary>Padding computed in Prepare.</summary>
        public PaddingValues Padding { get; init; }

        /// <summary>Activation clamp.</summary>
        public ActivationRange Activation { get; init; }
    }

    /// <summary>
    /// AVERAGE_POOL_2D and MAX_POOL_2D int8, bit-exact with TFLM's reference_integer_ops::AveragePool / MaxPool:
    /// windows are clipped to the input (padding never counts), the average divides by the number of valid
    /// elements rounding half away from zero.
    /// </summary>
    public static class Pooling
    {
        /// <summary>The Prepare step: output shape and padding (dilation 1), activation range; input and output quantisation must match.</summary>
        /// <param name="padding">Padding scheme.</param>
        /// <param name="strideHeight">Vertical stride.</param>
        /// <param name="strideWidth">Horizontal stride.</param>
        /// <param name="filterHeight">Window rows.</param>
        /// <param name="filterWidth">Window columns.</param>
        /// <param name="activation">Fused activation.</param>
        /// <param name="input">Input shape.</param>
        /// <param name="inputQuantization">Input quantisation.</param>
        /// <param name="outputQuantization">Output quantisation.</param>
        /// <returns>The Eval parameters.</returns>
        public static PoolParams Prepare(PaddingKind padding, int strideHeight, int strideWidth, int filterHeight, int filterWidth, FusedActivation activation, Shape4 input, TensorQuantization inputQuantization, TensorQuantization outputQuantization)
        {
            if (strideHeight <= 0 || strideWidth <= 0 || filterHeight <= 0 || filterWidth <= 0)
            {
                throw new ModelException("pool stride and window must be positive");
            }

            if (Math.Abs((double)inputQuantization.Scale - (double)outputQuantization.Scale) > 1.0e-6 || inputQuantization.ZeroPoint != outputQuantization.ZeroPoint)
            {
                throw new ModelException("pool input and output quantisation differ");
            }

            WindowGeometry g = PaddingMath.ComputePaddingHeightWidth(strideHeight, strideWidth, 1, 1, input.Height, input.Width, filterHeight, filterWidth, padding);
            return new PoolParams
            {
                Input = input,
                Output = new Shape4(input.Batches, g.OutputHeight, g.OutputWidth, input.Depth),
                FilterHeight = filterHeight,
                FilterWidth = filterWidth,
                StrideHeight = strideHeight,
                StrideWidth = strideWidth,
                Padding = g.Padding,
                Activation = QuantizationMath.CalculateActivationRangeQuantized(activation, outputQuantization.Scale, outputQuantization.ZeroPoint),
            };
        }

        /// <summary>Average pooling. Returns false (as TFLM does) when some window holds no input element.</summary>
        /// <param name="p">Prepared parameters.</param>
        /// <param name="input">Input values (NHWC).</param>
        /// <param name="output">Output values (NHWC).</param>
        /// <returns>True on success.</returns>
        public static bool AveragePool(PoolParams p, ReadOnlySpan<sbyte> input, Span<sbyte> output)
        {
            return Pool(p, input, output, average: true);
        }

        /// <summary>Max pooling; a window with no input element yields the activation-clamped -128.</summary>
        /// <param name="p">Prepared parameters.</param>
        /// <param name="input">Input values (NHWC).</param>
        /// <param name="output">Output values (NHWC).</param>
        public static void MaxPool(PoolParams p, ReadOnlySpan<sbyte> input, Span<sbyte> output)
        {
            Pool(p, input, output, average: false);
        }

        // One window walk for both reductions: the reference kernels differ only in the per-window result.
        private static bool Pool(PoolParams p, ReadOnlySpan<sbyte> input, Span<sbyte> output, bool average)
        {
            CheckBuffers(p, input, output);
            int inH = p.Input.Height, inW = p.Input.Width, depth = p.Input.Depth;
            int outH = p.Output.Height, outW = p.Output.Width;
            for (int b = 0; b < p.Input.Batches; b++)
            {
                for (int oy = 0; oy < outH; oy++)
                {
                    int inYOrigin = oy * p.StrideHeight - p.Padding.Height;
                    int fyStart = Math.Max(0, -inYOrigin);
                    int fyEnd = Math.Min(p.FilterHeight, inH - inYOrigin);
                    for (int ox = 0; ox < outW; ox++)
                    {
                        int inXOrigin = ox * p.StrideWidth - p.Padding.Width;
                        int fxStart = Math.Max(0, -inXOrigin);
                        int fxEnd = Math.Min(p.FilterWidth, inW - inXOrigin);
                        for (int c = 0; c < depth; c++)
                        {
                            int sum = 0;
                            int max = sbyte.MinValue;
                            int count = 0;
                            for (int fy = fyStart; fy < fyEnd; fy++)
                            {
                                for (int fx = fxStart; fx < fxEnd; fx++)
                                {
                                    int v = input[((b * inH + inYOrigin + fy) * inW + inXOrigin + fx) * depth + c];
                                    sum += v;
                                    max = Math.Max(max, v);
                                    count++;
                                }
                            }

                            int result = max;
                            if (average)
                            {
                                if (count == 0)
                                {
                                    return false;
                                }

                                // C++ division truncates toward zero, as C#'s does.
                                result = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
                            }

                            result = Math.Max(result, p.Activation.Min);
                            result = Math.Min(result, p.Activation.Max);
                            output[((b * outH + oy) * outW + ox) * depth + c] = (sbyte)result;
                        }
                    }
                }
            }

            return true;
        }

        private static void CheckBuffers(PoolParams p, ReadOnlySpan<sbyte> input, Span<sbyte> output)
        {
            ArgumentNullException.ThrowIfNull(p);
            KernelPrepare.RequireLength(input.Length, p.Input.FlatSize, "pool input");
            KernelPrepare.RequireLength(output.Length, p.Output.FlatSize, "pool output");
        }
    }
}

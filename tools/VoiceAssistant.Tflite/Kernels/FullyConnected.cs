using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>Eval parameters of an int8 FULLY_CONNECTED (TFLM's OpDataFullyConnected plus the shapes).</summary>
    public sealed class FullyConnectedParams
    {
        /// <summary>Rows of the input (product of all output dimensions but the last).</summary>
        public int Batches { get; init; }

        /// <summary>Inputs per row (the filter's last dimension).</summary>
        public int AccumDepth { get; init; }

        /// <summary>Outputs per row.</summary>
        public int OutputDepth { get; init; }

        /// <summary>-input_zero_point.</summary>
        public int InputOffset { get; init; }

        /// <summary>-filter_zero_point (only the per-tensor path applies it, as TFLM does).</summary>
        public int FilterOffset { get; init; }

        /// <summary>output_zero_point.</summary>
        public int OutputOffset { get; init; }

        /// <summary>Per-tensor Q0.31 multiplier (unused when per-channel).</summary>
        public int OutputMultiplier { get; init; }

        /// <summary>Per-tensor shift (unused when per-channel).</summary>
        public int OutputShift { get; init; }

        /// <summary>Per-channel multipliers, or null for per-tensor quantisation.</summary>
        public int[] PerChannelMultiplier { get; init; }

        /// <summary>Per-channel shifts, or null for per-tensor quantisation.</summary>
        public int[] PerChannelShift { get; init; }

        /// <summary>Activation clamp.</summary>
        public ActivationRange Activation { get; init; }

        /// <summary>True when the filter has one scale per output channel.</summary>
        public bool IsPerChannel => PerChannelMultiplier != null;
    }

    /// <summary>
    /// FULLY_CONNECTED int8, bit-exact with TFLM's reference_integer_ops::FullyConnected (per tensor) and
    /// FullyConnectedPerChannel. Filter layout [out_depth, accum_depth], row-major.
    /// </summary>
    public static class FullyConnected
    {
        /// <summary>
        /// The Prepare step (CalculateOpDataFullyConnected). Per tensor the multiplier is
        /// (double)(float)(input_scale * filter_scale) / output_scale (GetQuantizedConvolutionMultipler multiplies
        /// the two scales in float); per channel it is (double)input_scale * filter_scale[c] / output_scale.
        /// </summary>
        /// <param name="activation">Fused activation.</param>
        /// <param name="batches">Input rows.</param>
        /// <param name="accumDepth">Inputs per row.</param>
        /// <param name="outputDepth">Outputs per row.</param>
        /// <param name="inputQuantization">Input scale and zero point.</param>
        /// <param name="filterScales">One scale (per tensor) or one per output channel.</param>
        /// <param name="filterZeroPoint">Filter zero point (0 for int8 models).</param>
        /// <param name="outputQuantization">Output scale and zero point.</param>
        /// <returns>The Eval parameters.</returns>
        public static FullyConnectedParams Prepare(FusedActivation activation, int batches, int accumDepth, int outputDepth, TensorQuantization inputQuantization, ReadOnlySpan<float> filterScales, int filterZeroPoint, TensorQuantization outputQuantization)
        {
            if (batches < 0 || accumDepth <= 0 || outputDepth <= 0)
            {
                throw new ModelException("fully connected shape " + batches + "x" + accumDepth + " -> " + outputDepth + " is invalid");
            }

            int[] perChannelMultiplier = null;
            int[] perChannelShift = null;
            QuantizedMultiplier perTensor = default;
            if (filterScales.Length > 1)
            {
                KernelPrepare.PerChannelMultipliers(inputQuantization.Scale, filterScales, outputQuantization.Scale, outputDepth, out perChannelMultiplier, out perChannelShift);
            }
            else if (filterScales.Length == 1)
            {
                float product = inputQuantization.Scale * filterScales[0];
                if (!(product >= 0))
                {
                    throw new ModelException("fully connected input_scale * filter_scale must be non-negative");
                }

                perTensor = QuantizationMath.QuantizeMultiplier((double)product / (double)outputQuantization.Scale);
            }
            else
            {
                throw new ModelException("fully connected filter has no scale");
            }

            return new FullyConnectedParams
            {
                Batches = batches,
                AccumDepth = accumDepth,
                OutputDepth = outputDepth,
                InputOffset = -inputQuantization.ZeroPoint,
                FilterOffset = -filterZeroPoint,
                OutputOffset = outputQuantization.ZeroPoint,
                OutputMultiplier = perTensor.Multiplier,
                OutputShift = perTensor.Shift,
                PerChannelMultiplier = perChannelMultiplier,
                PerChannelShift = perChannelShift,
                Activation = QuantizationMath.CalculateActivationRangeQuantized(activation, outputQuantization.Scale, outputQuantization.ZeroPoint),
            };
        }

        /// <summary>Straight port of the reference kernels, kept as the oracle for <see cref="EvalFast"/>.</summary>
        /// <param name="p">Prepared parameters.</param>
        /// <param name="input">Input rows.</param>
        /// <param name="filter">Filter [out_depth, accum_depth].</param>
        /// <param name="bias">Bias per output, or empty.</param>
        /// <param name="output">Output rows.</param>
        public static void EvalReference(FullyConnectedParams p, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<sbyte> output)
        {
            CheckBuffers(p, input, filter, bias, output);
            int depth = p.AccumDepth;
            int filterOffset = p.IsPerChannel ? 0 : p.FilterOffset;
            for (int b = 0; b < p.Batches; b++)
            {
                for (int oc = 0; oc < p.OutputDepth; oc++)
                {
                    int acc = 0;
                    for (int d = 0; d < depth; d++)
                    {
                        acc = unchecked(acc + (filter[oc * depth + d] + filterOffset) * (input[b * depth + d] + p.InputOffset));
                    }

                    output[oc + p.OutputDepth * b] = Finish(p, acc, bias, oc);
                }
            }
        }

        /// <summary>
        /// Same results as <see cref="EvalReference"/>: SIMD dot products of sign-extended int16 lanes. With
        /// |filter| &lt;= 128 and |input + input_offset| &lt;= 255 (input offset in [-127, 128]) every product fits int16 exactly, and int32 sums
        /// wrap identically in any order. Falls back to the reference loop for a non-zero filter offset.
        /// Allocates nothing.
        /// </summary>
        /// <param name="p">Prepared parameters.</param>
        /// <param name="input">Input rows.</param>
        /// <param name="filter">Filter [out_depth, accum_depth].</param>
        /// <param name="bias">Bias per output, or empty.</param>
        /// <param name="output">Output rows.</param>
        public static void EvalFast(FullyConnectedParams p, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<sbyte> output)
        {
            int filterOffset = p.IsPerChannel ? 0 : p.FilterOffset;
            if (filterOffset != 0 || p.InputOffset < -127 || p.InputOffset > 128 || !Vector.IsHardwareAccelerated)
            {
                EvalReference(p, input, filter, bias, output);
                return;
            }

            CheckBuffers(p, input, filter, bias, output);
            int depth = p.AccumDepth;
            for (int b = 0; b < p.Batches; b++)
            {
                ReadOnlySpan<sbyte> row = input.Slice(b * depth, depth);
                for (int oc = 0; oc < p.OutputDepth; oc++)
                {
                    int acc = Dot(row, filter.Slice(oc * depth, depth), p.InputOffset);
                    output[oc + p.OutputDepth * b] = Finish(p, acc, bias, oc);
                }
            }
        }

        /// <summary>sum(f[i] * (x[i] + offset)) with int32 wrap-around, vectorised.</summary>
        private static int Dot(ReadOnlySpan<sbyte> x, ReadOnlySpan<sbyte> f, int offset)
        {
            int n = x.Length;
            int step = Vector<sbyte>.Count;
            ref sbyte xr = ref MemoryMarshal.GetReference(x);
            ref sbyte fr = ref MemoryMarshal.GetReference(f);
            Vector<short> off = new Vector<short>((short)offset);
            Vector<int> acc0 = Vector<int>.Zero;
            Vector<int> acc1 = Vector<int>.Zero;
            int i = 0;
            for (; i <= n - step; i += step)
            {
                Vector.Widen(Vector.LoadUnsafe(ref xr, (nuint)i), out Vector<short> xl, out Vector<short> xh);
                Vector.Widen(Vector.LoadUnsafe(ref fr, (nuint)i), out Vector<short> fl, out Vector<short> fh);
                Vector<short> pl = fl * (xl + off);
                Vector<short> ph = fh * (xh + off);
                Vector.Widen(pl, out Vector<int> p0, out Vector<int> p1);
                Vector.Widen(ph, out Vector<int> p2, out Vector<int> p3);
                acc0 += p0 + p2;
                acc1 += p1 + p3;
            }

            int sum = Vector.Sum(acc0 + acc1);
            for (; i < n; i++)
            {
                sum = unchecked(sum + f[i] * (x[i] + offset));
            }

            return sum;
        }

        private static sbyte Finish(FullyConnectedParams p, int acc, ReadOnlySpan<int> bias, int oc)
        {
            if (!bias.IsEmpty)
            {
                acc = unchecked(acc + bias[oc]);
            }

            return p.IsPerChannel
                ? KernelPrepare.Requantize(acc, p.PerChannelMultiplier[oc], p.PerChannelShift[oc], p.OutputOffset, p.Activation.Min, p.Activation.Max)
                : KernelPrepare.Requantize(acc, p.OutputMultiplier, p.OutputShift, p.OutputOffset, p.Activation.Min, p.Activation.Max);
        }

        private static void CheckBuffers(FullyConnectedParams p, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<sbyte> output)
        {
            ArgumentNullException.ThrowIfNull(p);
            KernelPrepare.RequireLength(input.Length, p.Batches * p.AccumDepth, "fully connected input");
            KernelPrepare.RequireLength(filter.Length, p.OutputDepth * p.AccumDepth, "fully connected filter");
            KernelPrepare.RequireLength(output.Length, p.Batches * p.OutputDepth, "fully connected output");
            if (!bias.IsEmpty)
            {
                KernelPrepare.RequireLength(bias.Length, p.OutputDepth, "fully connected bias");
            }
        }
    }
}

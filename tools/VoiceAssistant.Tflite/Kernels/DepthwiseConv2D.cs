using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>
    /// DEPTHWISE_CONV_2D int8 with per-channel quantisation, bit-exact with TFLM's
    /// reference_integer_ops::DepthwiseConvPerChannel. Filter layout [1, fh, fw, in_c * depth_multiplier];
    /// output channel = in_channel * depth_multiplier + m.
    /// </summary>
    public static class DepthwiseConv2D
    {
        /// <summary>
        /// The Prepare step: output shape, padding (ComputePaddingHeightWidth with dilation), per-channel
        /// multipliers/shifts from input_scale * filter_scale[c] / output_scale in double, activation range.
        /// </summary>
        /// <param name="options">Builtin options.</param>
        /// <param name="input">Input shape (NHWC).</param>
        /// <param name="filter">Filter shape [1, fh, fw, out_c].</param>
        /// <param name="inputQuantization">Input scale and zero point.</param>
        /// <param name="filterScales">Filter scales: one, or one per output channel (quantized dimension 3).</param>
        /// <param name="outputQuantization">Output scale and zero point.</param>
        /// <returns>The Eval parameters.</returns>
        public static ConvParams Prepare(ConvOptions options, Shape4 input, Shape4 filter, TensorQuantization inputQuantization, ReadOnlySpan<float> filterScales, TensorQuantization outputQuantization)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (filter.Batches != 1)
            {
                throw new ModelException("depthwise filter " + filter + " must have dimension 0 equal to 1");
            }

            if (options.DepthMultiplier <= 0 || filter.Depth != input.Depth * options.DepthMultiplier)
            {
                throw new ModelException("depthwise filter " + filter + " does not match input " + input + " with depth multiplier " + options.DepthMultiplier);
            }

            return KernelPrepare.Convolution("depthwise", options, input, filter, filter.Depth, options.DepthMultiplier, inputQuantization, filterScales, outputQuantization);
        }

        /// <summary>Straight port of the reference kernel (one branch per tap), kept as the oracle for <see cref="EvalFast"/>.</summary>
        /// <param name="p">Prepared parameters.</param>
        /// <param name="input">Input values (NHWC).</param>
        /// <param name="filter">Filter values [1, fh, fw, out_c].</param>
        /// <param name="bias">Per-channel int32 bias, or empty for none.</param>
        /// <param name="output">Output values (NHWC).</param>
        public static void EvalReference(ConvParams p, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<sbyte> output)
        {
            CheckBuffers(p, input, filter, bias, output);
            int inH = p.Input.Height, inW = p.Input.Width, inD = p.Input.Depth;
            int fh = p.Filter.Height, fw = p.Filter.Width, outD = p.Output.Depth;
            int outH = p.Output.Height, outW = p.Output.Width, mult = p.DepthMultiplier;
            for (int b = 0; b < p.Input.Batches; b++)
            {
                for (int oy = 0; oy < outH; oy++)
                {
                    for (int ox = 0; ox < outW; ox++)
                    {
                        for (int ic = 0; ic < inD; ic++)
                        {
                            for (int m = 0; m < mult; m++)
                            {
                                int oc = m + ic * mult;
                                int inXOrigin = ox * p.StrideWidth - p.Padding.Width;
                                int inYOrigin = oy * p.StrideHeight - p.Padding.Height;
                                int acc = 0;
                                for (int fy = 0; fy < fh; fy++)
                                {
                                    for (int fx = 0; fx < fw; fx++)
                                    {
                                        int inX = inXOrigin + p.DilationWidth * fx;
                                        int inY = inYOrigin + p.DilationHeight * fy;
                                        if (inX >= 0 && inX < inW && inY >= 0 && inY < inH)
                                        {
                                            int x = input[((b * inH + inY) * inW + inX) * inD + ic];
                                            int f = filter[(fy * fw + fx) * outD + oc];
                                            acc = unchecked(acc + f * (x + p.InputOffset));
                                        }
                                    }
                                }

                                if (!bias.IsEmpty)
                                {
                                    acc = unchecked(acc + bias[oc]);
                                }

                                output[((b * outH + oy) * outW + ox) * outD + oc] = KernelPrepare.Requantize(acc, p.OutputMultiplier[oc], p.OutputShift[oc], p.OutputOffset, p.Activation.Min, p.Activation.Max);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>Length of the int32 scratch buffer <see cref="EvalFast"/> needs.</summary>
        /// <param name="p">Prepared parameters.</param>
        /// <returns>fh * fw * out_c + fh * (fw - 1) * out_c + 3 * out_c.</returns>
        public static int FastScratchLength(ConvParams p) => p.Filter.Height * (2 * p.Filter.Width - 1) * p.Output.Depth + 3 * p.Output.Depth;

        /// <summary>
        /// Same results as <see cref="EvalReference"/>, faster: the filter is widened once into scratch, the valid
        /// tap range of each output pixel is computed up front (no per-tap bounds test), interior pixels start from
        /// bias + input_offset * sum(filter) so their taps use raw inputs, and with one input channel the output
        /// channels are accumulated in SIMD registers; on AVX2 two horizontally adjacent taps are done by one
        /// int16 multiply-add (every input value, offset included, and weight fits int16 and the pair sum fits int32
        /// exactly). Integer sums wrap identically in any order, so results are identical. Allocates nothing.
        /// </summary>
        /// <param name="p">Prepared parameters.</param>
        /// <param name="input">Input values (NHWC).</param>
        /// <param name="filter">Filter values [1, fh, fw, out_c].</param>
        /// <param name="bias">Per-channel int32 bias, or empty for none.</param>
        /// <param name="output">Output values (NHWC).</param>
        /// <param name="scratch">At least <see cref="FastScratchLength"/> ints.</param>
        public static void EvalFast(ConvParams p, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<sbyte> output, Span<int> scratch)
            => EvalFastCore(p, input, filter, bias, output, scratch, Avx2.IsSupported);

        /// <summary><see cref="EvalFast"/> with the AVX2 path switchable, so tests can cover the portable SIMD path too.</summary>
        internal static void EvalFastCore(ConvParams p, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<sbyte> output, Span<int> scratch, bool allowAvx2)
        {
            CheckBuffers(p, input, filter, bias, output);
            int inH = p.Input.Height, inW = p.Input.Width, inD = p.Input.Depth;
            int fh = p.Filter.Height, fw = p.Filter.Width, outD = p.Output.Depth;
            int outH = p.Output.Height, outW = p.Output.Width, mult = p.DepthMultiplier;
            int taps = fh * fw;
            KernelPrepare.RequireLength(scratch.Length, FastScratchLength(p), "depthwise scratch");

            Span<int> weights = scratch.Slice(0, taps * outD);
            Span<int> plainBias = scratch.Slice(taps * outD, outD);
            Span<int> foldedBias = scratch.Slice(taps * outD + outD, outD);
            Span<int> acc = scratch.Slice(taps * outD + 2 * outD, outD);
            int pairCount = fh * (fw - 1);
            Span<short> pairWeights = MemoryMarshal.Cast<int, short>(scratch.Slice(taps * outD + 3 * outD, pairCount * outD));
            int inputOffset = p.InputOffset;
            for (int oc = 0; oc < outD; oc++)
            {
                int sum = 0;
                for (int t = 0; t < taps; t++)
                {
                    int w = filter[t * outD + oc];
                    weights[t * outD + oc] = w;
                    sum = unchecked(sum + w);
                }

                plainBias[oc] = bias.IsEmpty ? 0 : bias[oc];
                foldedBias[oc] = unchecked(plainBias[oc] + inputOffset * sum);
            }

            // Pair layout [fy][fx][oc][2]: weights of taps (fy, fx) and (fy, fx + 1) side by side for VPMADDWD.
            for (int fy = 0; fy < fh; fy++)
            {
                for (int fx = 0; fx + 1 < fw; fx++)
                {
                    int pairBase = ((fy * (fw - 1)) + fx) * outD * 2;
                    for (int oc = 0; oc < outD; oc++)
                    {
                        pairWeights[pairBase + 2 * oc] = filter[(fy * fw + fx) * outD + oc];
                        pairWeights[pairBase + 2 * oc + 1] = filter[(fy * fw + fx + 1) * outD + oc];
                    }
                }
            }

            int[] multipliers = p.OutputMultiplier;
            int[] shifts = p.OutputShift;
            int outOffset = p.OutputOffset, actMin = p.Activation.Min, actMax = p.Activation.Max;
            int sh = p.StrideHeight, sw = p.StrideWidth, dh = p.DilationHeight, dw = p.DilationWidth;
            ref sbyte inRef = ref MemoryMarshal.GetReference(input);
            ref int wRef = ref MemoryMarshal.GetReference(weights);
            ref int accRef = ref MemoryMarshal.GetReference(acc);
            int vc = Vector<int>.Count;
            bool registerPath = inD == 1 && Vector.IsHardwareAccelerated && outD % vc == 0;
            // The int16 lanes need input + offset to fit int16, true for any int8 zero point.
            bool pairPath = allowAvx2 && Avx2.IsSupported && inD == 1 && outD % 8 == 0 && inputOffset >= -32640 && inputOffset <= 32640;
            ref short pairRef = ref MemoryMarshal.GetReference(pairWeights);
            ref int initFoldedRef = ref MemoryMarshal.GetReference(foldedBias);
            ref int initPlainRef = ref MemoryMarshal.GetReference(plainBias);
            bool vectorRequantize = pairPath && ShiftsFitVectorPath(shifts);
            bool rowVectorShape = pairPath && Sse41.IsSupported && dw == 1 && fw % 2 == 0 && fw <= 8;
            int halfWidth = fw / 2;
            ref int multiplierRef = ref MemoryMarshal.GetArrayDataReference(multipliers);
            ref int shiftRef = ref MemoryMarshal.GetArrayDataReference(shifts);
            Vector256<int> outOffsetV = Vector256.Create(outOffset);
            Vector256<int> actMinV = Vector256.Create(actMin);
            Vector256<int> actMaxV = Vector256.Create(actMax);

            for (int b = 0; b < p.Input.Batches; b++)
            {
                for (int oy = 0; oy < outH; oy++)
                {
                    int inYOrigin = oy * sh - p.Padding.Height;
                    int fyStart = FirstTap(inYOrigin, dh);
                    int fyEnd = EndTap(inYOrigin, dh, inH, fh);
                    for (int ox = 0; ox < outW; ox++)
                    {
                        int inXOrigin = ox * sw - p.Padding.Width;
                        int fxStart = FirstTap(inXOrigin, dw);
                        int fxEnd = EndTap(inXOrigin, dw, inW, fw);
                        bool interior = fyStart == 0 && fyEnd == fh && fxStart == 0 && fxEnd == fw;
                        int xOffset = interior ? 0 : inputOffset;
                        Span<int> init = interior ? foldedBias : plainBias;
                        int pixelBase = (b * inH + inYOrigin) * inW + inXOrigin;

                        if (pairPath)
                        {
                            ref int initRef = ref interior ? ref initFoldedRef : ref initPlainRef;
                            // Interior pixel whose filter rows are at most 8 contiguous bytes: widen each input row
                            // once and broadcast its pairs with a lane permute instead of scalar loads.
                            bool rowVector = interior && rowVectorShape && pixelBase + (fh - 1) * dh * inW + 8 <= input.Length;
                            for (int c0 = 0; c0 < outD; c0 += 8)
                            {
                                Vector256<int> a = Vector256.LoadUnsafe(ref initRef, (nuint)c0);
                                if (rowVector)
                                {
                                    for (int fy = 0; fy < fh; fy++)
                                    {
                                        long row = Unsafe.ReadUnaligned<long>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref inRef, pixelBase + fy * dh * inW)));
                                        Vector256<int> xs = Sse41.ConvertToVector128Int16(Vector128.CreateScalarUnsafe(row).AsSByte()).AsInt32().ToVector256Unsafe();
                                        int wIndex = ((fy * (fw - 1)) * outD + c0) * 2;
                                        for (int k = 0; k < halfWidth; k++, wIndex += 4 * outD)
                                        {
                                            Vector256<short> xv = Avx2.PermuteVar8x32(xs, Vector256.Create(k)).AsInt16();
                                            a = Avx2.Add(a, Avx2.MultiplyAddAdjacent(xv, Vector256.LoadUnsafe(ref pairRef, (nuint)wIndex)));
                                        }
                                    }

                                }

                                // The general loop covers whatever the row-vector loop did not.
                                int rowsEnd = rowVector ? fyStart : fyEnd;
                                for (int fy = fyStart; fy < rowsEnd; fy++)
                                {
                                    int rowBase = pixelBase + fy * dh * inW;
                                    int fx = fxStart;
                                    int inIndex = rowBase + fx * dw;
                                    int wIndex = (((fy * (fw - 1)) + fx) * outD + c0) * 2;
                                    for (; fx + 1 < fxEnd; fx += 2, inIndex += 2 * dw, wIndex += 4 * outD)
                                    {
                                        int x0 = Unsafe.Add(ref inRef, inIndex) + xOffset;
                                        int x1 = Unsafe.Add(ref inRef, inIndex + dw) + xOffset;
                                        Vector256<short> xv = Vector256.Create((x0 & 0xFFFF) | (x1 << 16)).AsInt16();
                                        Vector256<short> wv = Vector256.LoadUnsafe(ref pairRef, (nuint)wIndex);
                                        a = Avx2.Add(a, Avx2.MultiplyAddAdjacent(xv, wv));
                                    }

                                    if (fx < fxEnd)
                                    {
                                        int x = Unsafe.Add(ref inRef, rowBase + fx * dw) + xOffset;
                                        a += Vector256.Create(x) * Vector256.LoadUnsafe(ref wRef, (nuint)((fy * fw + fx) * outD + c0));
                                    }
                                }

                                if (vectorRequantize)
                                {
                                    a = QuantizationMathAvx2.MultiplyByQuantizedMultiplier(a, Vector256.LoadUnsafe(ref multiplierRef, (nuint)c0), Vector256.LoadUnsafe(ref shiftRef, (nuint)c0));
                                    a = Avx2.Min(Avx2.Max(Avx2.Add(a, outOffsetV), actMinV), actMaxV);
                                }

                                a.StoreUnsafe(ref accRef, (nuint)c0);
                            }
                        }
                        else if (registerPath)
                        {
                            for (int c0 = 0; c0 < outD; c0 += vc)
                            {
                                Vector<int> a = new Vector<int>(init.Slice(c0, vc));
                                for (int fy = fyStart; fy < fyEnd; fy++)
                                {
                                    int rowBase = pixelBase + fy * dh * inW;
                                    int tapBase = fy * fw;
                                    for (int fx = fxStart; fx < fxEnd; fx++)
                                    {
                                        int x = Unsafe.Add(ref inRef, rowBase + fx * dw) + xOffset;
                                        a += new Vector<int>(x) * Vector.LoadUnsafe(ref wRef, (nuint)((tapBase + fx) * outD + c0));
                                    }
                                }

                                a.CopyTo(acc.Slice(c0, vc));
                            }
                        }
                        else
                        {
                            init.CopyTo(acc);
                            for (int fy = fyStart; fy < fyEnd; fy++)
                            {
                                int rowBase = pixelBase + fy * dh * inW;
                                int tapBase = fy * fw;
                                for (int fx = fxStart; fx < fxEnd; fx++)
                                {
                                    int inIndex = (rowBase + fx * dw) * inD;
                                    int wIndex = (tapBase + fx) * outD;
                                    for (int ic = 0; ic < inD; ic++)
                                    {
                                        int x = Unsafe.Add(ref inRef, inIndex + ic) + xOffset;
                                        int o = ic * mult;
                                        for (int m = 0; m < mult; m++)
                                        {
                                            Unsafe.Add(ref accRef, o + m) = unchecked(Unsafe.Add(ref accRef, o + m) + x * Unsafe.Add(ref wRef, wIndex + o + m));
                                        }
                                    }
                                }
                            }
                        }

                        int outBase = ((b * outH + oy) * outW + ox) * outD;
                        if (vectorRequantize)
                        {
                            // Already requantised and clamped into the int8 range.
                            for (int oc = 0; oc < outD; oc++)
                            {
                                output[outBase + oc] = (sbyte)acc[oc];
                            }
                        }
                        else
                        {
                            for (int oc = 0; oc < outD; oc++)
                            {
                                output[outBase + oc] = KernelPrepare.Requantize(acc[oc], multipliers[oc], shifts[oc], outOffset, actMin, actMax);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>The AVX2 requantisation handles shifts in [-31, 30] (the scalar left shift masks larger counts).</summary>
        private static bool ShiftsFitVectorPath(int[] shifts)
        {
            foreach (int s in shifts)
            {
                if (s < -31 || s > 30)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>First filter index whose input coordinate origin + d * i is &gt;= 0.</summary>
        internal static int FirstTap(int origin, int dilation) => origin >= 0 ? 0 : (-origin + dilation - 1) / dilation;

        /// <summary>One past the last filter index whose input coordinate origin + d * i is &lt; size, capped at the filter size.</summary>
        internal static int EndTap(int origin, int dilation, int size, int filterSize)
        {
            int room = size - origin;
            if (room <= 0)
            {
                return 0;
            }

            return Math.Min(filterSize, (room + dilation - 1) / dilation);
        }

        private static void CheckBuffers(ConvParams p, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<sbyte> output)
        {
            ArgumentNullException.ThrowIfNull(p);
            KernelPrepare.RequireLength(input.Length, p.Input.FlatSize, "depthwise input");
            KernelPrepare.RequireLength(filter.Length, p.Filter.FlatSize, "depthwise filter");
            KernelPrepare.RequireLength(output.Length, p.Output.FlatSize, "depthwise output");
            if (!bias.IsEmpty)
            {
                KernelPrepare.RequireLength(bias.Length, p.Output.Depth, "depthwise bias");
            }
        }
    }
}

using System;

namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>
    /// CONV_2D int8 with per-channel quantisation, bit-exact with TFLM's reference_integer_ops::ConvPerChannel
    /// (including grouped convolution when the filter's input depth divides the input depth). Filter layout
    /// [out_c, fh, fw, in_c / groups].
    /// </summary>
    public static class Conv2D
    {
        /// <summary>
        /// The Prepare step: output shape, padding, per-channel multipliers/shifts (quantized dimension 0),
        /// activation range.
        /// </summary>
        /// <param name="options">Builtin options (DepthMultiplier is ignored).</param>
        /// <param name="input">Input shape (NHWC).</param>
        /// <param name="filter">Filter shape [out_c, fh, fw, in_c / groups].</param>
        /// <param name="inputQuantization">Input scale and zero point.</param>
        /// <param name="filterScales">One scale or one per output channel.</param>
        /// <param name="outputQuantization">Output scale and zero point.</param>
        /// <returns>The Eval parameters.</returns>
        public static ConvParams Prepare(ConvOptions options, Shape4 input, Shape4 filter, TensorQuantization inputQuantization, ReadOnlySpan<float> filterScales, TensorQuantization outputQuantization)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (filter.Depth <= 0 || input.Depth % filter.Depth != 0)
            {
                throw new ModelException("conv filter " + filter + " input depth does not divide input " + input);
            }

            int groups = input.Depth / filter.Depth;
            if (groups <= 0 || filter.Batches % groups != 0)
            {
                throw new ModelException("conv filter " + filter + " output channels are not a multiple of the " + groups + " groups");
            }

            return KernelPrepare.Convolution("conv", options, input, filter, filter.Batches, 1, inputQuantization, filterScales, outputQuantization);
        }

        /// <summary>Evaluates the convolution (reference loop order, 32-bit wrapping accumulator).</summary>
        /// <param name="p">Prepared parameters.</param>
        /// <param name="input">Input values (NHWC).</param>
        /// <param name="filter">Filter values [out_c, fh, fw, in_c / groups].</param>
        /// <param name="bias">Per-channel int32 bias, or empty for none.</param>
        /// <param name="output">Output values (NHWC).</param>
        public static void Eval(ConvParams p, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<sbyte> output)
        {
            ArgumentNullException.ThrowIfNull(p);
            KernelPrepare.RequireLength(input.Length, p.Input.FlatSize, "conv input");
            KernelPrepare.RequireLength(filter.Length, p.Filter.FlatSize, "conv filter");
            KernelPrepare.RequireLength(output.Length, p.Output.FlatSize, "conv output");
            int outD = p.Output.Depth;
            if (!bias.IsEmpty)
            {
                KernelPrepare.RequireLength(bias.Length, outD, "conv bias");
            }

            int inH = p.Input.Height, inW = p.Input.Width, inD = p.Input.Depth;
            int fh = p.Filter.Height, fw = p.Filter.Width, fd = p.Filter.Depth;
            int outH = p.Output.Height, outW = p.Output.Width;
            int filtersPerGroup = outD / (inD / fd);
            for (int b = 0; b < p.Input.Batches; b++)
            {
                for (int oy = 0; oy < outH; oy++)
                {
                    int inYOrigin = oy * p.StrideHeight - p.Padding.Height;
                    for (int ox = 0; ox < outW; ox++)
                    {
                        int inXOrigin = ox * p.StrideWidth - p.Padding.Width;
                        for (int oc = 0; oc < outD; oc++)
                        {
                            int group = oc / filtersPerGroup;
                            int acc = 0;
                            for (int fy = 0; fy < fh; fy++)
                            {
                                int inY = inYOrigin + p.DilationHeight * fy;
                                for (int fx = 0; fx < fw; fx++)
                                {
                                    int inX = inXOrigin + p.DilationWidth * fx;
                                    if (inX < 0 || inX >= inW || inY < 0 || inY >= inH)
                                    {
                                        continue;
                                    }

                                    int inBase = ((b * inH + inY) * inW + inX) * inD + group * fd;
                                    int fBase = ((oc * fh + fy) * fw + fx) * fd;
                                    for (int ic = 0; ic < fd; ic++)
                                    {
                                        acc = unchecked(acc + filter[fBase + ic] * (input[inBase + ic] + p.InputOffset));
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
}

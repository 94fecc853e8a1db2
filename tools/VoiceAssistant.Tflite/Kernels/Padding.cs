namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>Padding scheme, numbered as in the TFLite schema's Padding enum.</summary>
    public enum PaddingKind
    {
        /// <summary>Output size ceil(in / stride); zeros padded around the input.</summary>
        Same = 0,

        /// <summary>Only windows fully inside the input.</summary>
        Valid = 1,
    }

    /// <summary>TfLitePaddingValues: the leading padding per axis plus the extra trailing pixel when the total is odd.</summary>
    public readonly struct PaddingValues
    {
        /// <summary>Creates the values.</summary>
        /// <param name="width">Left padding.</param>
        /// <param name="height">Top padding.</param>
        /// <param name="widthOffset">1 when the total horizontal padding is odd (the extra pixel goes right).</param>
        /// <param name="heightOffset">1 when the total vertical padding is odd (the extra pixel goes at the bottom).</param>
        public PaddingValues(int width, int height, int widthOffset, int heightOffset)
        {
            Width = width;
            Height = height;
            WidthOffset = widthOffset;
            HeightOffset = heightOffset;
        }

        /// <summary>Left padding.</summary>
        public int Width { get; }

        /// <summary>Top padding.</summary>
        public int Height { get; }

        /// <summary>Total horizontal padding modulo 2.</summary>
        public int WidthOffset { get; }

        /// <summary>Total vertical padding modulo 2.</summary>
        public int HeightOffset { get; }
    }

    /// <summary>Output size and padding of a windowed op, as computed in Prepare.</summary>
    public readonly struct WindowGeometry
    {
        /// <summary>Creates the geometry.</summary>
        /// <param name="outputHeight">Output rows.</param>
        /// <param name="outputWidth">Output columns.</param>
        /// <param name="padding">Padding values.</param>
        public WindowGeometry(int outputHeight, int outputWidth, PaddingValues padding)
        {
            OutputHeight = outputHeight;
            OutputWidth = outputWidth;
            Padding = padding;
        }

        /// <summary>Output rows.</summary>
        public int OutputHeight { get; }

        /// <summary>Output columns.</summary>
        public int OutputWidth { get; }

        /// <summary>Padding values.</summary>
        public PaddingValues Padding { get; }
    }

    /// <summary>TFLite's padding.h: output sizes and padding for SAME/VALID with stride and dilation.</summary>
    public static class PaddingMath
    {
        /// <summary>ComputeOutSize: SAME gives ceil(in/stride), VALID gives floor((in - effective_filter)/stride) + 1; stride 0 gives 0.</summary>
        /// <param name="padding">Padding scheme.</param>
        /// <param name="imageSize">Input extent.</param>
        /// <param name="filterSize">Filter extent.</param>
        /// <param name="stride">Stride.</param>
        /// <param name="dilation">Dilation rate.</param>
        /// <returns>Output extent.</returns>
        public static int ComputeOutSize(PaddingKind padding, int imageSize, int filterSize, int stride, int dilation)
        {
            int effectiveFilterSize = (filterSize - 1) * dilation + 1;
            if (stride == 0)
            {
                return 0;
            }

            switch (padding)
            {
                case PaddingKind.Same:
                    return (imageSize + stride - 1) / stride;
                case PaddingKind.Valid:
                    return (imageSize + stride - effectiveFilterSize) / stride;
                default:
                    return 0;
            }
        }

        /// <summary>ComputePaddingWithOffset: half the (non-negative) total padding, and the odd remainder.</summary>
        /// <param name="stride">Stride.</param>
        /// <param name="dilation">Dilation rate.</param>
        /// <param name="inSize">Input extent.</param>
        /// <param name="filterSize">Filter extent.</param>
        /// <param name="outSize">Output extent.</param>
        /// <param name="offset">Total padding modulo 2.</param>
        /// <returns>Leading padding.</returns>
        public static int ComputePaddingWithOffset(int stride, int dilation, int inSize, int filterSize, int outSize, out int offset)
        {
            int effectiveFilterSize = (filterSize - 1) * dilation + 1;
            int totalPadding = (outSize - 1) * stride + effectiveFilterSize - inSize;
            totalPadding = totalPadding > 0 ? totalPadding : 0;
            offset = totalPadding % 2;
            return totalPadding / 2;
        }

        /// <summary>ComputePaddingHeightWidth: output size and padding for both spatial axes.</summary>
        /// <param name="strideHeight">Vertical stride.</param>
        /// <param name="strideWidth">Horizontal stride.</param>
        /// <param name="dilationHeight">Vertical dilation.</param>
        /// <param name="dilationWidth">Horizontal dilation.</param>
        /// <param name="inHeight">Input rows.</param>
        /// <param name="inWidth">Input columns.</param>
        /// <param name="filterHeight">Filter rows.</param>
        /// <param name="filterWidth">Filter columns.</param>
        /// <param name="padding">Padding scheme.</param>
        /// <returns>Output size and padding.</returns>
        public static WindowGeometry ComputePaddingHeightWidth(int strideHeight, int strideWidth, int dilationHeight, int dilationWidth, int inHeight, int inWidth, int filterHeight, int filterWidth, PaddingKind padding)
        {
            int outWidth = ComputeOutSize(padding, inWidth, filterWidth, strideWidth, dilationWidth);
            int outHeight = ComputeOutSize(padding, inHeight, filterHeight, strideHeight, dilationHeight);
            int height = ComputePaddingWithOffset(strideHeight, dilationHeight, inHeight, filterHeight, outHeight, out int heightOffset);
            int width = ComputePaddingWithOffset(strideWidth, dilationWidth, inWidth, filterWidth, outWidth, out int widthOffset);
            return new WindowGeometry(outHeight, outWidth, new PaddingValues(width, height, widthOffset, heightOffset));
        }
    }
}

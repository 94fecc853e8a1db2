using System;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// Shape of a tinyConv network: input rows×columns×1 → Conv2D (SAME padding, stride, bias, ReLU) → dropout →
    /// fully connected → softmax. <see cref="Default"/> is TensorFlow's tiny_conv (49×40 input, 8 filters of 10×8,
    /// stride 2×2); smaller shapes exist for gradient checks.
    /// </summary>
    public sealed class TinyConvConfig : IEquatable<TinyConvConfig>
    {
        /// <summary>Creates a configuration and checks it.</summary>
        /// <param name="inputRows">Feature frames (height).</param>
        /// <param name="inputColumns">Coefficients per frame (width).</param>
        /// <param name="filterHeight">Filter extent over frames.</param>
        /// <param name="filterWidth">Filter extent over coefficients.</param>
        /// <param name="filterCount">Output channels of the convolution.</param>
        /// <param name="strideRows">Stride over frames.</param>
        /// <param name="strideColumns">Stride over coefficients.</param>
        /// <param name="labelCount">Output classes.</param>
        public TinyConvConfig(int inputRows, int inputColumns, int filterHeight, int filterWidth, int filterCount, int strideRows, int strideColumns, int labelCount)
        {
            Require(inputRows, nameof(inputRows));
            Require(inputColumns, nameof(inputColumns));
            Require(filterHeight, nameof(filterHeight));
            Require(filterWidth, nameof(filterWidth));
            Require(filterCount, nameof(filterCount));
            Require(strideRows, nameof(strideRows));
            Require(strideColumns, nameof(strideColumns));
            if (labelCount < 2 || labelCount > 1024)
            {
                throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, "2..1024 labels");
            }

            InputRows = inputRows;
            InputColumns = inputColumns;
            FilterHeight = filterHeight;
            FilterWidth = filterWidth;
            FilterCount = filterCount;
            StrideRows = strideRows;
            StrideColumns = strideColumns;
            LabelCount = labelCount;

            // TensorFlow SAME padding: out = ceil(in / stride); the total padding is split with the smaller half
            // (floor) before the data, the larger after.
            OutputRows = (inputRows + strideRows - 1) / strideRows;
            OutputColumns = (inputColumns + strideColumns - 1) / strideColumns;
            PadTop = Math.Max((OutputRows - 1) * strideRows + filterHeight - inputRows, 0) / 2;
            PadLeft = Math.Max((OutputColumns - 1) * strideColumns + filterWidth - inputColumns, 0) / 2;
        }

        /// <summary>TensorFlow's tiny_conv for 49 frames × 40 coefficients.</summary>
        /// <param name="labelCount">Output classes (silence, unknown and the wanted words).</param>
        public static TinyConvConfig Default(int labelCount) => new TinyConvConfig(49, 40, 10, 8, 8, 2, 2, labelCount);

        /// <summary>Feature frames (height).</summary>
        public int InputRows { get; }

        /// <summary>Coefficients per frame (width).</summary>
        public int InputColumns { get; }

        /// <summary>Filter extent over frames.</summary>
        public int FilterHeight { get; }

        /// <summary>Filter extent over coefficients.</summary>
        public int FilterWidth { get; }

        /// <summary>Output channels of the convolution.</summary>
        public int FilterCount { get; }

        /// <summary>Stride over frames.</summary>
        public int StrideRows { get; }

        /// <summary>Stride over coefficients.</summary>
        public int StrideColumns { get; }

        /// <summary>Output classes.</summary>
        public int LabelCount { get; }

        /// <summary>Convolution output rows, ceil(InputRows / StrideRows).</summary>
        public int OutputRows { get; }

        /// <summary>Convolution output columns, ceil(InputColumns / StrideColumns).</summary>
        public int OutputColumns { get; }

        /// <summary>Zero rows padded above the input (floor of half the total).</summary>
        public int PadTop { get; }

        /// <summary>Zero columns padded left of the input (floor of half the total).</summary>
        public int PadLeft { get; }

        /// <summary>Input values per example (rows × columns).</summary>
        public int InputSize => InputRows * InputColumns;

        /// <summary>Values one filter sees (height × width).</summary>
        public int PatchSize => FilterHeight * FilterWidth;

        /// <summary>Convolution output positions (rows × columns).</summary>
        public int OutputPositions => OutputRows * OutputColumns;

        /// <summary>Fully connected inputs: the convolution output flattened in NHWC order.</summary>
        public int FlatSize => OutputPositions * FilterCount;

        /// <summary>Convolution weights (H × W × 1 × filters).</summary>
        public int ConvWeightCount => PatchSize * FilterCount;

        /// <summary>Fully connected weights (labels × FlatSize).</summary>
        public int FcWeightCount => LabelCount * FlatSize;

        /// <summary>All trainable values.</summary>
        public int ParameterCount => ConvWeightCount + FilterCount + FcWeightCount + LabelCount;

        /// <inheritdoc />
        public bool Equals(TinyConvConfig other) => other != null
            && InputRows == other.InputRows && InputColumns == other.InputColumns
            && FilterHeight == other.FilterHeight && FilterWidth == other.FilterWidth && FilterCount == other.FilterCount
            && StrideRows == other.StrideRows && StrideColumns == other.StrideColumns && LabelCount == other.LabelCount;

        /// <inheritdoc />
        public override bool Equals(object obj) => Equals(obj as TinyConvConfig);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(InputRows, InputColumns, FilterHeight, FilterWidth, FilterCount, StrideRows, StrideColumns, LabelCount);

        /// <inheritdoc />
        public override string ToString() =>
            $"input {InputRows}x{InputColumns}, conv {FilterCount}x{FilterHeight}x{FilterWidth} stride {StrideRows}x{StrideColumns} -> {OutputRows}x{OutputColumns}x{FilterCount}, fc {FlatSize}->{LabelCount}";

        private static void Require(int value, string name)
        {
            if (value < 1 || value > 4096)
            {
                throw new ArgumentOutOfRangeException(name, value, "must be 1..4096");
            }
        }
    }
}

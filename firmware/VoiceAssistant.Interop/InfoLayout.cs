namespace VoiceAssistant.Interop
{
    /// <summary>
    /// Layout of the <c>int[]</c> filled by <c>NativeGetInfo</c>. Indices are part of the frozen native contract.
    /// </summary>
    public static class InfoLayout
    {
        /// <summary>Version of the native contract the firmware implements (<see cref="NativeContract.Version"/>).</summary>
        public const int NativeVersion = 0;

        /// <summary>Feature version compiled into the kernel.</summary>
        public const int FeatureVersion = 1;

        /// <summary>Bit set of <see cref="InfoFlags"/>.</summary>
        public const int Flags = 2;

        /// <summary>Tensor-arena bytes the loaded model uses (0 without a model).</summary>
        public const int ArenaBytesUsed = 3;

        /// <summary>Input quantisation scale in effect, as IEEE-754 float bits.</summary>
        public const int InputScaleBits = 4;

        /// <summary>Input quantisation zero point in effect.</summary>
        public const int InputZeroPoint = 5;

        /// <summary>Feature rows currently in the window (0..49).</summary>
        public const int RowsAvailable = 6;

        /// <summary>Number of model outputs (labels); 0 without a model.</summary>
        public const int LabelCount = 7;

        /// <summary>Feature rows produced since the last configure/reset (saturates at int.MaxValue).</summary>
        public const int TotalRows = 8;

        /// <summary>Output quantisation scale as IEEE-754 float bits (0 without a model).</summary>
        public const int OutputScaleBits = 9;

        /// <summary>Output quantisation zero point (0 without a model).</summary>
        public const int OutputZeroPoint = 10;

        /// <summary>Number of entries the array must hold.</summary>
        public const int Length = 11;
    }

    /// <summary>Bits of <see cref="InfoLayout.Flags"/>.</summary>
    public static class InfoFlags
    {
        /// <summary>A configuration is in effect.</summary>
        public const int Configured = 1;

        /// <summary>A model is loaded and its tensors are allocated.</summary>
        public const int ModelLoaded = 2;

        /// <summary>The firmware contains TensorFlow Lite Micro.</summary>
        public const int BuiltWithTflm = 4;

        /// <summary>The firmware contains the MFCC kernel (rows can be produced).</summary>
        public const int HasMfcc = 8;
    }

    /// <summary>Fixed sizes of the native contract.</summary>
    public static class NativeContract
    {
        /// <summary>Contract version reported at <see cref="InfoLayout.NativeVersion"/>; equals the major of AssemblyNativeVersion.</summary>
        public const int Version = 2;

        /// <summary>Longest error message the native side writes (bytes of UTF-8/ASCII, no terminator).</summary>
        public const int MaxMessageBytes = 128;
    }
}

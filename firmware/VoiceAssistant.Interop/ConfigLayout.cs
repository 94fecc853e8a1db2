namespace VoiceAssistant.Interop
{
    /// <summary>
    /// Layout of the <c>int[]</c> passed to <c>NativeConfigure</c>. Indices are part of the frozen native contract.
    /// </summary>
    public static class ConfigLayout
    {
        /// <summary>Bytes per slot of the raw PCM stream (2, 3 or 4).</summary>
        public const int SlotBytes = 0;

        /// <summary>Slots per frame (1 mono, 2 interleaved stereo).</summary>
        public const int ChannelsPerFrame = 1;

        /// <summary>Slot of each frame that carries the microphone (0 or 1).</summary>
        public const int Channel = 2;

        /// <summary>Arithmetic right shift from the sign-extended slot value to the int16 sample (0..31).</summary>
        public const int SampleShift = 3;

        /// <summary>Feature version the managed side expects; must equal the kernel's.</summary>
        public const int FeatureVersion = 4;

        /// <summary>Rows in the feature window (49); must equal the kernel's.</summary>
        public const int WindowFrames = 5;

        /// <summary>Coefficients per row (40); must equal the kernel's.</summary>
        public const int CoefficientCount = 6;

        /// <summary>
        /// Input quantisation scale as IEEE-754 float bits, used to quantise features until a model is loaded
        /// (a loaded model's own input parameters take precedence).
        /// </summary>
        public const int InputScaleBits = 7;

        /// <summary>Input quantisation zero point (-128..127), with the same precedence as <see cref="InputScaleBits"/>.</summary>
        public const int InputZeroPoint = 8;

        /// <summary>Number of entries the array must hold.</summary>
        public const int Length = 9;
    }
}

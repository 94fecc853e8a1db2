namespace VoiceAssistant.Interop
{
    /// <summary>
    /// Reinterprets float32 as its IEEE-754 bits and back, as the int[] config/info arrays carry floats.
    /// </summary>
    /// <remarks>Uses a pointer cast: nanoFramework's mscorlib lacks BitConverter.SingleToInt32Bits.</remarks>
    internal static class FloatBits
    {
        internal static unsafe int ToBits(float value)
        {
            return *(int*)&value;
        }

        internal static unsafe float FromBits(int bits)
        {
            return *(float*)&bits;
        }
    }
}

using System;

namespace VoiceAssistant.Audio
{
    /// <summary>Conversions between int16 samples and floats in [-1, 1) (scale 1/32768, as the firmware uses).</summary>
    public static class PcmConversion
    {
        /// <summary>Scale from int16 to float.</summary>
        public const float ShortToFloatScale = 1f / 32768f;

        /// <summary>Converts floats to int16 with rounding and saturation.</summary>
        /// <param name="samples">Samples nominally in [-1, 1).</param>
        public static short[] ToShorts(ReadOnlySpan<float> samples)
        {
            var result = new short[samples.Length];
            ToShorts(samples, result);
            return result;
        }

        /// <summary>Converts floats to int16 with rounding and saturation into an existing buffer.</summary>
        /// <param name="samples">Samples nominally in [-1, 1).</param>
        /// <param name="destination">Receives the converted samples; at least as long as <paramref name="samples"/>.</param>
        public static void ToShorts(ReadOnlySpan<float> samples, Span<short> destination)
        {
            if (destination.Length < samples.Length)
            {
                throw new ArgumentException("destination is shorter than the source", nameof(destination));
            }

            for (int i = 0; i < samples.Length; i++)
            {
                float scaled = MathF.Round(samples[i] * 32768f);
                destination[i] = scaled >= 32767f ? short.MaxValue : scaled <= -32768f ? short.MinValue : (short)scaled;
            }
        }

        /// <summary>Converts int16 samples to floats.</summary>
        /// <param name="samples">The samples.</param>
        public static float[] ToFloats(ReadOnlySpan<short> samples)
        {
            var result = new float[samples.Length];
            for (int i = 0; i < samples.Length; i++)
            {
                result[i] = samples[i] * ShortToFloatScale;
            }

            return result;
        }
    }
}

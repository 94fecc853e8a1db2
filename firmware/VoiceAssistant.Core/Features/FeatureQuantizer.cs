using System;

namespace VoiceAssistant.Core.Features
{
    /// <summary>
    /// Converts float features to the model's int8 input domain with the model's input scale and zero point.
    /// </summary>
    /// <remarks>
    /// Exact operation sequence (copied op for op by the native kernel): v = feature / scale; clamp v to
    /// [−1000, 1000] (NaN → −1000); t = (int)v (truncation); frac = v − t; if frac ≥ 0.5 then t + 1, else if frac ≤ −0.5 then
    /// t − 1 (round half away from zero); t += zeroPoint; saturate to [−128, 127]. Features from the MFCC are always
    /// finite (the log input is floored); NaN is still defined so that every runtime gives the same byte.
    /// </remarks>
    public sealed class FeatureQuantizer
    {
        private readonly float scale;
        private readonly int zeroPoint;

        /// <summary>Creates a quantiser for a model input tensor.</summary>
        /// <param name="scale">The input tensor's quantisation scale (positive).</param>
        /// <param name="zeroPoint">The input tensor's zero point (−128..127).</param>
        public FeatureQuantizer(float scale, int zeroPoint)
        {
            if (!(scale > 0f))
            {
                throw new ArgumentOutOfRangeException("scale");
            }

            if (zeroPoint < -128 || zeroPoint > 127)
            {
                throw new ArgumentOutOfRangeException("zeroPoint");
            }

            this.scale = scale;
            this.zeroPoint = zeroPoint;
        }

        /// <summary>The quantisation scale.</summary>
        public float Scale { get { return scale; } }

        /// <summary>The zero point.</summary>
        public int ZeroPoint { get { return zeroPoint; } }

        /// <summary>Quantises one feature.</summary>
        /// <param name="feature">Float feature.</param>
        /// <returns>The int8 value.</returns>
        public sbyte Quantize(float feature)
        {
            float v = feature / scale;
            if (v > 1000f)
            {
                v = 1000f;
            }

            // Written as !(v >= -1000) so NaN also lands on -1000: (int)NaN differs between runtimes.
            if (!(v >= -1000f))
            {
                v = -1000f;
            }

            int t = (int)v;
            float frac = v - t;
            if (frac >= 0.5f)
            {
                t++;
            }
            else if (frac <= -0.5f)
            {
                t--;
            }

            t += zeroPoint;
            if (t > 127)
            {
                t = 127;
            }

            if (t < -128)
            {
                t = -128;
            }

            return (sbyte)t;
        }

        /// <summary>Quantises <paramref name="count"/> features.</summary>
        /// <param name="source">Float features.</param>
        /// <param name="sourceOffset">First feature to read.</param>
        /// <param name="destination">Receives the int8 values.</param>
        /// <param name="destinationOffset">First index to write.</param>
        /// <param name="count">Number of features.</param>
        public void Quantize(float[] source, int sourceOffset, sbyte[] destination, int destinationOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = Quantize(source[sourceOffset + i]);
            }
        }
    }
}

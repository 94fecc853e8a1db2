using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Features
{
    /// <summary>
    /// The model's sliding int8 input: the newest <see cref="AssistantSettings.WindowFrames"/> feature rows of
    /// <see cref="AssistantSettings.CoefficientCount"/> values, kept as a ring so adding a row copies 40 bytes.
    /// </summary>
    /// <remarks>
    /// A new or reset window holds zeros in every slot (as TFLM's micro_speech example, which clears its int8
    /// feature buffer). That is not the quantised value of any particular float feature; the recogniser's
    /// minimum result count covers the first second after start.
    /// </remarks>
    public sealed class FeatureWindow
    {
        private readonly sbyte[] rows = new sbyte[AssistantSettings.WindowFeatures];
        private int next;
        private int filled;

        /// <summary>Number of real rows held (0..49); the rest are the initial zeros.</summary>
        public int FilledRows { get { return filled; } }

        /// <summary>True once the window holds 49 real rows.</summary>
        public bool IsFull { get { return filled == AssistantSettings.WindowFrames; } }

        /// <summary>Clears every slot to zero and forgets the rows.</summary>
        public void Reset()
        {
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = 0;
            }

            next = 0;
            filled = 0;
        }

        /// <summary>Appends a row of already quantised features, dropping the oldest row when full.</summary>
        /// <param name="row">Source of 40 values.</param>
        /// <param name="offset">Index of the row's first value.</param>
        public void Push(sbyte[] row, int offset)
        {
            if (row == null)
            {
                throw new ArgumentNullException("row");
            }

            Array.Copy(row, offset, rows, next * AssistantSettings.CoefficientCount, AssistantSettings.CoefficientCount);
            Advance();
        }

        /// <summary>Quantises a row of float features straight into the window.</summary>
        /// <param name="features">Source of 40 floats.</param>
        /// <param name="offset">Index of the row's first value.</param>
        /// <param name="quantizer">The model's input quantiser.</param>
        public void Push(float[] features, int offset, FeatureQuantizer quantizer)
        {
            if (features == null || quantizer == null)
            {
                throw new ArgumentNullException();
            }

            quantizer.Quantize(features, offset, rows, next * AssistantSettings.CoefficientCount, AssistantSettings.CoefficientCount);
            Advance();
        }

        /// <summary>Copies the window oldest row first: index = frame·40 + coefficient.</summary>
        /// <param name="destination">Receives <see cref="AssistantSettings.WindowFeatures"/> values.</param>
        public void CopyTo(sbyte[] destination)
        {
            CopyTo(destination, 0);
        }

        /// <summary>Copies the window oldest row first, starting at <paramref name="destinationOffset"/>.</summary>
        /// <param name="destination">Receives <see cref="AssistantSettings.WindowFeatures"/> values.</param>
        /// <param name="destinationOffset">Index of the first value written.</param>
        public void CopyTo(sbyte[] destination, int destinationOffset)
        {
            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }

            // The slot at 'next' is the oldest row (or an initial zero row).
            int tail = next * AssistantSettings.CoefficientCount;
            int tailLength = AssistantSettings.WindowFeatures - tail;
            Array.Copy(rows, tail, destination, destinationOffset, tailLength);
            Array.Copy(rows, 0, destination, destinationOffset + tailLength, tail);
        }

        private void Advance()
        {
            next++;
            if (next == AssistantSettings.WindowFrames)
            {
                next = 0;
            }

            if (filled < AssistantSettings.WindowFrames)
            {
                filled++;
            }
        }
    }
}

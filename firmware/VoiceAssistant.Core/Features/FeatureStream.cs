using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Features
{
    /// <summary>
    /// Streaming framing of int16 audio into feature rows: accepts samples in chunks of any size, emits a row
    /// for the first 480 samples and then one for every further 320, quantises each row into a
    /// <see cref="FeatureWindow"/> and optionally hands out the float rows too.
    /// </summary>
    /// <remarks>
    /// Rows are bit-identical to <see cref="Mfcc.ComputeClip(short[], float[])"/> on the concatenated samples,
    /// whatever the chunking. All buffers are allocated by the constructor; pushing allocates nothing.
    /// </remarks>
    public sealed class FeatureStream
    {
        private const int Overlap = AssistantSettings.WindowSamples - AssistantSettings.HopSamples;

        private readonly Mfcc mfcc = new Mfcc();
        private readonly short[] pending = new short[AssistantSettings.WindowSamples];
        private readonly float[] row = new float[AssistantSettings.CoefficientCount];
        private readonly FeatureQuantizer quantizer;
        private readonly FeatureWindow window;
        private int buffered;
        private long rowsProduced;

        /// <summary>Creates a stream that quantises its rows into <paramref name="window"/>.</summary>
        /// <param name="quantizer">The model's input quantiser, or null together with <paramref name="window"/> for float rows only.</param>
        /// <param name="window">The window that receives the int8 rows, or null for float rows only.</param>
        public FeatureStream(FeatureQuantizer quantizer, FeatureWindow window)
        {
            if ((quantizer == null) != (window == null))
            {
                throw new ArgumentException("quantizer and window go together");
            }

            this.quantizer = quantizer;
            this.window = window;
        }

        /// <summary>The window receiving quantised rows (null for a float-only stream).</summary>
        public FeatureWindow Window { get { return window; } }

        /// <summary>Rows produced since construction or the last <see cref="Reset"/>.</summary>
        public long RowsProduced { get { return rowsProduced; } }

        /// <summary>Samples held back for the next row (0..479).</summary>
        public int BufferedSamples { get { return buffered; } }

        /// <summary>Number of rows a push of <paramref name="count"/> more samples would produce.</summary>
        /// <param name="count">Samples about to be pushed.</param>
        /// <returns>Rows that push will emit.</returns>
        public int RowsAfter(int count)
        {
            int total = buffered + count;
            if (total < AssistantSettings.WindowSamples)
            {
                return 0;
            }

            return 1 + (total - AssistantSettings.WindowSamples) / AssistantSettings.HopSamples;
        }

        /// <summary>Forgets buffered samples (the window is left alone; reset it separately).</summary>
        public void Reset()
        {
            buffered = 0;
            rowsProduced = 0;
        }

        /// <summary>Pushes samples; every completed row is quantised into the window.</summary>
        /// <param name="samples">Source samples.</param>
        /// <param name="offset">First sample.</param>
        /// <param name="count">Number of samples (any size, including 0).</param>
        /// <returns>Number of new rows.</returns>
        public int Push(short[] samples, int offset, int count)
        {
            return Push(samples, offset, count, null, 0);
        }

        /// <summary>Pushes samples; completed rows go to the window (if any) and, as floats, to <paramref name="rows"/>.</summary>
        /// <param name="samples">Source samples.</param>
        /// <param name="offset">First sample.</param>
        /// <param name="count">Number of samples (any size, including 0).</param>
        /// <param name="rows">Receives the new float rows, 40 per row, or null. Must hold <see cref="RowsAfter"/>(count) rows.</param>
        /// <param name="rowsOffset">Index in <paramref name="rows"/> of the first value written.</param>
        /// <returns>Number of new rows.</returns>
        public int Push(short[] samples, int offset, int count, float[] rows, int rowsOffset)
        {
            if (samples == null)
            {
                throw new ArgumentNullException("samples");
            }

            if (offset < 0 || count < 0 || offset + count > samples.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            if (rows != null && (rowsOffset < 0 || rowsOffset + RowsAfter(count) * AssistantSettings.CoefficientCount > rows.Length))
            {
                throw new ArgumentException("rows too short");
            }

            int produced = 0;
            int end = offset + count;
            while (offset < end)
            {
                int take = AssistantSettings.WindowSamples - buffered;
                if (take > end - offset)
                {
                    take = end - offset;
                }

                Array.Copy(samples, offset, pending, buffered, take);
                buffered += take;
                offset += take;
                if (buffered < AssistantSettings.WindowSamples)
                {
                    break;
                }

                mfcc.ComputeFrame(pending, 0, row, 0);
                if (window != null)
                {
                    window.Push(row, 0, quantizer);
                }

                if (rows != null)
                {
                    Array.Copy(row, 0, rows, rowsOffset + produced * AssistantSettings.CoefficientCount, AssistantSettings.CoefficientCount);
                }

                // Keep the last 160 samples: they start the next window.
                for (int i = 0; i < Overlap; i++)
                {
                    pending[i] = pending[AssistantSettings.HopSamples + i];
                }

                buffered = Overlap;
                produced++;
                rowsProduced++;
            }

            return produced;
        }
    }
}

using System;

namespace VoiceAssistant.Audio
{
    /// <summary>
    /// <see cref="Resampler"/>'s conversion block by block: push input as it arrives, pull the output samples whose
    /// kernel reach is covered, <see cref="Complete"/> at the end. The output equals <see cref="Resampler.Resample"/>
    /// of the whole input bit for bit (same positions, same summation order); memory is the kernel's reach plus
    /// one pushed block.
    /// </summary>
    public sealed class StreamResampler
    {
        private readonly int fromRate;
        private readonly int toRate;
        private readonly double scale;
        private readonly double reach;
        private float[] history = new float[1024];
        private long historyStart;
        private int historyCount;
        private long next;
        private bool ended;

        /// <summary>Creates a converter.</summary>
        /// <param name="fromRate">Input rate in Hz.</param>
        /// <param name="toRate">Output rate in Hz.</param>
        public StreamResampler(int fromRate, int toRate)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
            this.fromRate = fromRate;
            this.toRate = toRate;

            // Kernel argument per input sample: 1 when upsampling, toRate/fromRate when downsampling.
            scale = Math.Min(1.0, (double)toRate / fromRate) * Resampler.Rolloff;
            reach = Resampler.ZeroCrossings / scale;
        }

        /// <summary>Output samples in all; known once <see cref="Complete"/> was called, else <see cref="long.MaxValue"/>.</summary>
        public long OutputLength { get; private set; } = long.MaxValue;

        /// <summary>True once the input ended and every output sample was pulled.</summary>
        public bool Completed => ended && next >= OutputLength;

        private long InputLength => historyStart + historyCount;

        /// <summary>Appends input samples.</summary>
        /// <param name="input">Samples at the input rate.</param>
        /// <exception cref="InvalidOperationException">After <see cref="Complete"/>.</exception>
        public void Push(ReadOnlySpan<float> input)
        {
            if (ended)
            {
                throw new InvalidOperationException("the input has ended");
            }

            DropConsumed();
            if (history.Length - historyCount < input.Length)
            {
                Array.Resize(ref history, Math.Max(history.Length * 2, historyCount + input.Length));
            }

            input.CopyTo(history.AsSpan(historyCount));
            historyCount += input.Length;
        }

        /// <summary>Marks the end of the input (samples beyond it count as zero).</summary>
        public void Complete()
        {
            ended = true;
            OutputLength = fromRate == toRate ? InputLength : (InputLength * toRate + fromRate - 1) / fromRate;
        }

        /// <summary>Takes the output samples that can be computed so far.</summary>
        /// <param name="output">Where they go; up to its length are produced.</param>
        /// <returns>Samples produced (0 when more input, or nothing more, is needed).</returns>
        public int Pull(Span<float> output)
        {
            int produced = 0;
            while (produced < output.Length && next < OutputLength)
            {
                if (fromRate == toRate)
                {
                    if (next >= InputLength)
                    {
                        break;
                    }

                    output[produced++] = history[next - historyStart];
                    next++;
                    continue;
                }

                double t = Position(next);
                long wanted = (long)Math.Floor(t + reach);
                if (!ended && wanted > InputLength - 1)
                {
                    break;
                }

                long first = Math.Max(0, (long)Math.Ceiling(t - reach));
                long last = Math.Min(InputLength - 1, wanted);
                double sum = 0;
                for (long k = first; k <= last; k++)
                {
                    sum += history[k - historyStart] * Resampler.KernelAt(Math.Abs(t - k) * scale);
                }

                output[produced++] = (float)(sum * scale);
                next++;
            }

            return produced;
        }

        // Exact rational input position of output sample n (integer arithmetic, no drift).
        private double Position(long n)
        {
            long numerator = n * fromRate;
            long whole = numerator / toRate;
            return whole + (double)(numerator % toRate) / toRate;
        }

        private void DropConsumed()
        {
            long keepFrom = fromRate == toRate ? next : Math.Max(0, (long)Math.Ceiling(Position(next) - reach));
            int drop = (int)(Math.Min(keepFrom, InputLength) - historyStart);
            if (drop > 0)
            {
                Array.Copy(history, drop, history, 0, historyCount - drop);
                historyStart += drop;
                historyCount -= drop;
            }
        }
    }
}

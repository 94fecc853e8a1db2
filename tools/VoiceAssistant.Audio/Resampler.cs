using System;

namespace VoiceAssistant.Audio
{
    /// <summary>
    /// Band-limited sample-rate conversion by a Kaiser-windowed sinc kernel, for any pair of integer rates.
    /// </summary>
    /// <remarks>
    /// Output sample n sits at the exact rational input position n·from/to (integer arithmetic, no drift). The
    /// kernel is the sinc of the lower of the two Nyquist frequencies (times <see cref="Rolloff"/>, so the
    /// transition band lies below the new Nyquist and little aliases), windowed by a Kaiser window spanning
    /// <see cref="ZeroCrossings"/> zero crossings each side. It is tabulated finely and linearly interpolated,
    /// which makes arbitrary ratios (44.1 kHz, 22.05 kHz, odd rates) as cheap as rational ones.
    /// Samples outside the input are taken as zero.
    /// </remarks>
    public static class Resampler
    {
        /// <summary>Zero crossings of the kernel on each side of its centre.</summary>
        public const int ZeroCrossings = 32;

        /// <summary>Cut-off as a fraction of the lower Nyquist frequency.</summary>
        public const double Rolloff = 0.92;

        /// <summary>Kaiser window shape parameter (about 85 dB side-lobe rejection).</summary>
        public const double KaiserBeta = 8.6;

        private const int TableResolution = 512;

        private static readonly float[] Kernel = BuildKernel();

        /// <summary>Resamples mono audio.</summary>
        /// <param name="input">Samples at <paramref name="fromRate"/>.</param>
        /// <param name="fromRate">Input rate in Hz.</param>
        /// <param name="toRate">Output rate in Hz.</param>
        /// <returns>A new array at <paramref name="toRate"/> (a copy when the rates are equal).</returns>
        public static float[] Resample(float[] input, int fromRate, int toRate)
        {
            ArgumentNullException.ThrowIfNull(input);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
            var converter = new StreamResampler(fromRate, toRate);
            converter.Push(input);
            converter.Complete();
            var output = new float[converter.OutputLength];
            converter.Pull(output);
            return output;
        }

        /// <summary>The windowed-sinc kernel at distance <paramref name="x"/> (in zero crossings), interpolated from the table.</summary>
        /// <param name="x">Distance, not negative.</param>
        internal static double KernelAt(double x)
        {
            double position = x * TableResolution;
            int index = (int)position;
            if (index >= Kernel.Length - 1)
            {
                return 0;
            }

            double fraction = position - index;
            return Kernel[index] + (Kernel[index + 1] - Kernel[index]) * fraction;
        }

        private static float[] BuildKernel()
        {
            int size = ZeroCrossings * TableResolution + 2;
            var table = new float[size];
            double norm = BesselI0(KaiserBeta);
            for (int i = 0; i < size; i++)
            {
                double x = (double)i / TableResolution;
                if (x >= ZeroCrossings)
                {
                    table[i] = 0;
                    continue;
                }

                double sinc = i == 0 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
                double r = x / ZeroCrossings;
                table[i] = (float)(sinc * BesselI0(KaiserBeta * Math.Sqrt(1 - r * r)) / norm);
            }

            return table;
        }

        private static double BesselI0(double x)
        {
            // Power series; converges quickly for the arguments used here (x ≤ 9).
            double sum = 1, term = 1, half = x / 2;
            for (int k = 1; k < 50; k++)
            {
                term *= half / k;
                double t2 = term * term;
                sum += t2;
                if (t2 < sum * 1e-17)
                {
                    break;
                }
            }

            return sum;
        }
    }
}

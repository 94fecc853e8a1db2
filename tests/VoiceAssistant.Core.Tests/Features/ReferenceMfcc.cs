using System;

namespace VoiceAssistant.Core.Tests.Features
{
    /// <summary>
    /// Double-precision MFCC written from the formulas, sharing nothing with the core or its generator:
    /// periodic Hann, direct DFT, magnitude, TF filterbank expressed as explicit triangles in the mel domain,
    /// ln(max(x, 1e-12)), DCT-II with √(2/N) for every coefficient.
    /// </summary>
    internal static class ReferenceMfcc
    {
        public const int Window = 480;
        public const int FftSize = 512;
        public const int Bins = 257;
        public const int Bands = 40;

        public static double Mel(double hz) => 1127.0 * Math.Log(1.0 + hz / 700.0);

        public static double MelLow => Mel(20.0);

        public static double MelHigh => Mel(4000.0);

        /// <summary>Centre of band j in mel; j = −1 gives the lower edge, j = 40 the extra top centre.</summary>
        public static double Center(int j) => MelLow + (MelHigh - MelLow) / (Bands + 1) * (j + 1);

        public static double HzPerBin => 0.5 * 16000.0 / (Bins - 1);

        // TF: bins below 1.5 + low/hz (truncated) and above high/hz (truncated) are ignored.
        public static int StartBin => (int)(1.5 + 20.0 / HzPerBin);

        public static int EndBin => (int)(4000.0 / HzPerBin);

        /// <summary>Triangle of band j at mel value m: rises from centre j−1 to j, falls to centre j+1.</summary>
        public static double Triangle(int j, double m)
        {
            double left = Center(j - 1);
            double peak = Center(j);
            double right = Center(j + 1);
            if (m > left && m <= peak)
            {
                return (m - left) / (peak - left);
            }

            if (m > peak && m < right)
            {
                return (right - m) / (right - peak);
            }

            return 0.0;
        }

        /// <summary>Filterbank matrix [band][bin] with TF's start/end limits.</summary>
        public static double[][] Filterbank()
        {
            var fb = new double[Bands][];
            for (int j = 0; j < Bands; j++)
            {
                fb[j] = new double[Bins];
                for (int i = StartBin; i <= EndBin; i++)
                {
                    fb[j][i] = Triangle(j, Mel(i * HzPerBin));
                }
            }

            return fb;
        }

        public static double Hann(int n) => 0.5 - 0.5 * Math.Cos(2.0 * Math.PI * n / Window);

        /// <summary>Direct DFT of a real sequence (zero-padded to 512): bins 0..256 as (re, im).</summary>
        public static void Dft(double[] x, double[] re, double[] im)
        {
            for (int k = 0; k < Bins; k++)
            {
                double sr = 0, si = 0;
                for (int n = 0; n < x.Length; n++)
                {
                    double a = 2.0 * Math.PI * ((long)k * n % FftSize) / FftSize;
                    sr += x[n] * Math.Cos(a);
                    si -= x[n] * Math.Sin(a);
                }

                re[k] = sr;
                im[k] = si;
            }
        }

        public static double[] WindowedFrame(short[] samples, int offset)
        {
            var x = new double[FftSize];
            for (int n = 0; n < Window; n++)
            {
                x[n] = samples[offset + n] / 32768.0 * Hann(n);
            }

            return x;
        }

        /// <summary>Mel energies (before the log) of one frame.</summary>
        public static double[] MelEnergies(short[] samples, int offset, double[][] fb)
        {
            double[] x = WindowedFrame(samples, offset);
            var re = new double[Bins];
            var im = new double[Bins];
            Dft(x, re, im);
            var mel = new double[Bands];
            for (int j = 0; j < Bands; j++)
            {
                double sum = 0;
                for (int i = 0; i < Bins; i++)
                {
                    sum += fb[j][i] * Math.Sqrt(re[i] * re[i] + im[i] * im[i]);
                }

                mel[j] = sum;
            }

            return mel;
        }

        public static double[] Dct(double[] logMel)
        {
            var c = new double[Bands];
            for (int i = 0; i < Bands; i++)
            {
                double sum = 0;
                for (int j = 0; j < Bands; j++)
                {
                    sum += logMel[j] * Math.Cos(Math.PI * i * (j + 0.5) / Bands);
                }

                c[i] = Math.Sqrt(2.0 / Bands) * sum;
            }

            return c;
        }

        public static double[] Frame(short[] samples, int offset, double[][] fb)
        {
            double[] mel = MelEnergies(samples, offset, fb);
            var log = new double[Bands];
            for (int j = 0; j < Bands; j++)
            {
                log[j] = Math.Log(Math.Max(mel[j], 1e-12));
            }

            return Dct(log);
        }
    }

    /// <summary>Test signals and the tiny WAV reader.</summary>
    internal static class Signals
    {
        public static short[] Noise(int count, int seed, double amplitude)
        {
            var rng = new Random(seed);
            var s = new short[count];
            for (int i = 0; i < count; i++)
            {
                s[i] = (short)Math.Round((rng.NextDouble() * 2 - 1) * amplitude * 32767);
            }

            return s;
        }

        public static short[] Tone(int count, double hz, double amplitude)
        {
            var s = new short[count];
            for (int i = 0; i < count; i++)
            {
                s[i] = (short)Math.Round(amplitude * 32767 * Math.Sin(2 * Math.PI * hz * i / 16000.0));
            }

            return s;
        }

        /// <summary>Reads a canonical 44-byte-header, 16-bit mono PCM WAV.</summary>
        public static short[] ReadWav(string path)
        {
            byte[] b = System.IO.File.ReadAllBytes(path);
            if (b.Length < 44 || b[0] != 'R' || b[8] != 'W' || BitConverter.ToInt16(b, 22) != 1 || BitConverter.ToInt16(b, 34) != 16)
            {
                throw new InvalidOperationException(path + " is not a 16-bit mono WAV");
            }

            int dataBytes = Math.Min(BitConverter.ToInt32(b, 40), b.Length - 44);
            var s = new short[dataBytes / 2];
            for (int i = 0; i < s.Length; i++)
            {
                s[i] = BitConverter.ToInt16(b, 44 + 2 * i);
            }

            return s;
        }
    }
}

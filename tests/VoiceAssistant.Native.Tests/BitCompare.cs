using System;
using Xunit;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>
    /// Bit-exact comparison of managed (expected) and native (actual) results. Floats are compared by their IEEE-754
    /// bits (<see cref="BitConverter.SingleToInt32Bits"/>), so −0 ≠ +0 and every NaN payload counts.
    /// </summary>
    internal static class BitCompare
    {
        /// <summary>Null when equal, else a description of the first mismatch and the mismatch count.</summary>
        public static string Floats(float[] expected, float[] actual, int count, string what)
        {
            int first = -1;
            int mismatches = 0;
            for (int i = 0; i < count; i++)
            {
                if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                {
                    mismatches++;
                    if (first < 0)
                    {
                        first = i;
                    }
                }
            }

            if (first < 0)
            {
                return null;
            }

            return $"{what}: {mismatches} of {count} floats differ; first at [{first}]: managed {expected[first]:R} (0x{BitConverter.SingleToInt32Bits(expected[first]):X8}) "
                + $"native {actual[first]:R} (0x{BitConverter.SingleToInt32Bits(actual[first]):X8})";
        }

        /// <summary>Null when equal, else the first mismatch of two integer sequences.</summary>
        public static string Integers(long[] expected, long[] actual, int count, string what)
        {
            for (int i = 0; i < count; i++)
            {
                if (expected[i] != actual[i])
                {
                    return $"{what}: first difference at [{i}]: managed {expected[i]} native {actual[i]}";
                }
            }

            return null;
        }

        public static string Shorts(short[] expected, short[] actual, int count, string what)
        {
            return Integers(Widen(expected, count), Widen(actual, count), count, what);
        }

        public static string SBytes(sbyte[] expected, sbyte[] actual, int count, string what)
        {
            return Integers(Widen(expected, count), Widen(actual, count), count, what);
        }

        /// <summary>Fails the test with the description when it is not null.</summary>
        public static void Require(string mismatch)
        {
            if (mismatch != null)
            {
                Assert.Fail(mismatch);
            }
        }

        private static long[] Widen(short[] v, int count)
        {
            var w = new long[count];
            for (int i = 0; i < count; i++)
            {
                w[i] = v[i];
            }

            return w;
        }

        private static long[] Widen(sbyte[] v, int count)
        {
            var w = new long[count];
            for (int i = 0; i < count; i++)
            {
                w[i] = v[i];
            }

            return w;
        }
    }
}

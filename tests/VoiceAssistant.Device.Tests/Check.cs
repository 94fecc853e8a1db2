using System;
using nanoFramework.TestFramework;
using VoiceAssistant.Core.Actions;

namespace VoiceAssistant.Device.Tests
{
    /// <summary>Comparisons the 1.x TestFramework lacks (no float tolerance), plus recording fakes.</summary>
    internal static class Check
    {
        /// <summary>Largest |a[i] − b[i]| − tolerance(b[i]) violation; fails with the first index out of tolerance.</summary>
        public static float Close(float[] expected, int expectedOffset, float[] actual, int actualOffset, int count, float absolute, float relative, string what)
        {
            float worst = 0f;
            for (int i = 0; i < count; i++)
            {
                float e = expected[expectedOffset + i];
                float a = actual[actualOffset + i];
                float d = a > e ? a - e : e - a;
                float allowed = absolute + relative * (e < 0 ? -e : e);
                Assert.IsTrue(d <= allowed, what + "[" + i.ToString() + "]: expected " + e.ToString() + " got " + a.ToString());
                if (d > worst)
                {
                    worst = d;
                }
            }

            return worst;
        }

        /// <summary>Largest |a − b| over int8 arrays; fails when above <paramref name="maxStep"/>.</summary>
        public static int WithinSteps(sbyte[] expected, int expectedOffset, sbyte[] actual, int actualOffset, int count, int maxStep, string what)
        {
            int worst = 0;
            for (int i = 0; i < count; i++)
            {
                int d = actual[actualOffset + i] - expected[expectedOffset + i];
                if (d < 0)
                {
                    d = -d;
                }

                Assert.IsTrue(d <= maxStep, what + "[" + i.ToString() + "]: expected " + expected[expectedOffset + i].ToString() + " got " + actual[actualOffset + i].ToString());
                if (d > worst)
                {
                    worst = d;
                }
            }

            return worst;
        }

        /// <summary>Exact equality of int16 arrays.</summary>
        public static void Equal(short[] expected, short[] actual, int count, string what)
        {
            for (int i = 0; i < count; i++)
            {
                Assert.AreEqual((int)expected[i], (int)actual[i], what + "[" + i.ToString() + "]");
            }
        }
    }

    /// <summary>LED fake: remembers the last state.</summary>
    internal sealed class RecordingLed : ILed
    {
        public LedState State = LedState.Off;

        public void SetState(LedState state)
        {
            State = state;
        }
    }

    /// <summary>Reporter fake: remembers the last line and counts lines.</summary>
    internal sealed class RecordingReporter : IReporter
    {
        public string Last;
        public int Count;

        public void WriteLine(string line)
        {
            Last = line;
            Count++;
        }
    }
}

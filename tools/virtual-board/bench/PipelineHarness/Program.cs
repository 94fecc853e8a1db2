using System;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Settings;

namespace PipelineHarness
{
    // Feeds HopCount.Hops score vectors (20 ms apart) to CommandPipeline.Process with the default settings. The stream
    // repeats every 150 hops (3 s): background scores, then a 55-hop "yes" burst that is detected once per cycle.
    public static class Program
    {
        public static void Main()
        {
            string[] labels = new string[] { "_silence_", "_unknown_", "yes", "no" };
            CommandPipeline pipeline = new CommandPipeline(labels, new AssistantSettings(), new NullLed(), new NullReporter());
            sbyte[][] stream = new sbyte[150][];
            uint seed = 20;
            for (int h = 0; h < stream.Length; h++)
            {
                bool word = h >= 40 && h < 95;
                sbyte[] s = new sbyte[labels.Length];
                for (int i = 0; i < s.Length; i++)
                {
                    seed = Next(seed);
                    s[i] = (sbyte)(-128 + (int)((seed >> 16) % 38));
                }

                seed = Next(seed);
                s[word ? 2 : 0] = (sbyte)(90 + (int)((seed >> 16) % 38));
                stream[h] = s;
            }

            int detections = 0;
            for (int h = 0; h < HopCount.Hops; h++)
            {
                if (pipeline.Process(stream[h % stream.Length], h * 20))
                {
                    detections++;
                }
            }

            Console.WriteLine("HARNESS hops " + HopCount.Hops.ToString() + " detections " + detections.ToString());
        }

        private static uint Next(uint seed)
        {
            return seed * 1664525u + 1013904223u;
        }

        private sealed class NullLed : ILed
        {
            public void SetState(LedState state)
            {
            }
        }

        private sealed class NullReporter : IReporter
        {
            public void WriteLine(string line)
            {
            }
        }
    }
}

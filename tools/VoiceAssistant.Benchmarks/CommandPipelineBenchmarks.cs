using System;
using BenchmarkDotNet.Attributes;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Benchmarks
{
    /// <summary>
    /// Per-hop managed cost of <see cref="CommandPipeline.Process"/> (recogniser, state machine, reporting) on .NET,
    /// the proxy for the device's per-hop work: one score vector every 20 ms with the default settings (1 s average
    /// window, so the queue runs full), mostly background with a "yes" burst every 3 s that triggers detections.
    /// </summary>
    [MemoryDiagnoser]
    public class CommandPipelineBenchmarks
    {
        private const int Hops = 1000;
        private const int HopMs = 20;
        private static readonly string[] Labels = { "_silence_", "_unknown_", "yes", "no" };
        private readonly sbyte[][] _scores = new sbyte[Hops][];
        private CommandPipeline _pipeline;

        /// <summary>Builds the pipeline and a fixed score stream.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _pipeline = new CommandPipeline(Labels, new AssistantSettings(), new NullLed(), new NullReporter());
            var rng = new Random(20);
            for (int h = 0; h < Hops; h++)
            {
                bool word = h % 150 >= 40 && h % 150 < 60;
                var s = new sbyte[Labels.Length];
                for (int i = 0; i < s.Length; i++)
                {
                    s[i] = (sbyte)rng.Next(-128, -90);
                }

                s[word ? 2 : 0] = (sbyte)rng.Next(90, 128);
                _scores[h] = s;
            }
        }

        /// <summary>1000 hops (20 s of audio) from a reset pipeline; reported per hop.</summary>
        /// <returns>Detections, so the work is not dead code.</returns>
        [Benchmark(OperationsPerInvoke = Hops)]
        public int ProcessPerHop()
        {
            _pipeline.Reset();
            int detections = 0;
            for (int h = 0; h < Hops; h++)
            {
                detections += _pipeline.Process(_scores[h], h * HopMs) ? 1 : 0;
            }

            return detections;
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

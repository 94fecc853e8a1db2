using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using VoiceAssistant.Tflite.Kernels;
using VoiceAssistant.Tflite.Tests.Kernels;

namespace VoiceAssistant.Tflite.Benchmarks
{
    /// <summary>
    /// The micro_speech tinyConv invoke (reshape, depthwise 25x20x8 of 10x8 taps, FC 4000 -> 4, softmax) with the
    /// fast and the reference kernels, on the first golden case. TFLM's x86 reference Invoke takes about 1.06 ms
    /// (median, model_facts.json invoke_timing).
    /// </summary>
    [MemoryDiagnoser]
    public class MicroSpeechKernelBenchmarks
    {
        private MicroSpeechModel model;
        private sbyte[] input;
        private sbyte[] reshaped;
        private sbyte[] depthwise;
        private sbyte[] logits;
        private sbyte[] output;
        private int[] scratch;

        /// <summary>Loads model_facts.json and the first case of cases.json from ../shared/golden/micro_speech.</summary>
        [GlobalSetup]
        public void Setup()
        {
            string golden = Path.Combine(SharedRoot(), "golden", "micro_speech");
            model = MicroSpeechModel.Load(Path.Combine(golden, "model_facts.json"));
            input = MicroSpeechModel.LoadCases(Path.Combine(golden, "cases.json")).First().Input;
            reshaped = new sbyte[1960];
            depthwise = new sbyte[4000];
            logits = new sbyte[4];
            output = new sbyte[4];
            scratch = new int[model.ScratchLength];
        }

        /// <summary>Whole invoke with the fast kernels.</summary>
        /// <returns>The first output value (keeps the work observable).</returns>
        [Benchmark(Baseline = true)]
        public sbyte ChainFast()
        {
            model.RunFast(input, reshaped, depthwise, logits, output, scratch);
            return output[0];
        }

        /// <summary>Whole invoke with the straight reference ports.</summary>
        /// <returns>The first output value.</returns>
        [Benchmark]
        public sbyte ChainReference()
        {
            model.RunReference(input, depthwise, logits, output);
            return output[0];
        }

        /// <summary>Depthwise only, fast.</summary>
        /// <returns>The first output value.</returns>
        [Benchmark]
        public sbyte DepthwiseFast()
        {
            DepthwiseConv2D.EvalFast(model.Depthwise, input, model.DepthwiseFilter, model.DepthwiseBias, depthwise, scratch);
            return depthwise[0];
        }

        /// <summary>Fully connected only, fast.</summary>
        /// <returns>The first output value.</returns>
        [Benchmark]
        public sbyte FullyConnectedFast()
        {
            FullyConnected.EvalFast(model.FullyConnected, depthwise, model.FullyConnectedFilter, model.FullyConnectedBias, logits);
            return logits[0];
        }

        /// <summary>Softmax only.</summary>
        /// <returns>The first output value.</returns>
        [Benchmark]
        public sbyte SoftmaxOnly()
        {
            Softmax.Eval(model.Softmax, logits, output, model.SoftmaxOuter, model.SoftmaxDepth);
            return output[0];
        }

        /// <summary>Absolute path of ../shared beside the repository root.</summary>
        /// <returns>The path.</returns>
        internal static string SharedRoot()
        {
            for (string dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "VoiceAssistant.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir, "..", "shared"));
                }
            }

            throw new InvalidOperationException("repository root (VoiceAssistant.slnx) not found above " + AppContext.BaseDirectory);
        }
    }
}

using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using VoiceAssistant.Tflite.Tests.Kernels;

namespace VoiceAssistant.Tflite.Benchmarks
{
    /// <summary>
    /// One full <see cref="TfliteInterpreter.Invoke"/> of micro_speech_quantized.tflite (input copy, reshape,
    /// depthwise, FC, softmax, output copy) on the first golden case. TFLM's x86 reference Invoke takes about
    /// 1.06 ms (median, model_facts.json invoke_timing, measured on another machine).
    /// </summary>
    [MemoryDiagnoser]
    public class InterpreterBenchmarks
    {
        private TfliteInterpreter fast;
        private TfliteInterpreter reference;
        private sbyte[] input;
        private sbyte[] output;

        /// <summary>Loads the model and the first case from ../shared.</summary>
        [GlobalSetup]
        public void Setup()
        {
            string shared = MicroSpeechKernelBenchmarks.SharedRoot();
            TfliteModel model = TfliteModel.Load(Path.Combine(shared, "models", "tflm_micro_speech", "micro_speech_quantized.tflite"));
            fast = new TfliteInterpreter(model);
            reference = new TfliteInterpreter(model, new InterpreterOptions { UseReferenceKernels = true });
            input = MicroSpeechModel.LoadCases(Path.Combine(shared, "golden", "micro_speech", "cases.json")).First().Input;
            output = new sbyte[fast.Output.ElementCount];
        }

        /// <summary>Whole invoke, fast kernels.</summary>
        /// <returns>The first output value.</returns>
        [Benchmark(Baseline = true)]
        public sbyte InvokeFast()
        {
            fast.Invoke(input, output);
            return output[0];
        }

        /// <summary>Whole invoke, reference kernels.</summary>
        /// <returns>The first output value.</returns>
        [Benchmark]
        public sbyte InvokeReference()
        {
            reference.Invoke(input, output);
            return output[0];
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using VoiceAssistant.TestSupport;
using VoiceAssistant.Tflite.Tests.Format;
using VoiceAssistant.Tflite.Tests.Kernels;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Interpreter
{
    /// <summary>
    /// The whole micro_speech .tflite run by <see cref="TfliteInterpreter"/> against the real TFLM's dumps
    /// (shared/golden/micro_speech/cases.json): output and both dumped intermediates, bit-exact, on both kernel paths.
    /// </summary>
    public class MicroSpeechInterpreterTests
    {
        private const int CaseCount = 74;
        private const int DepthwiseTensor = 2;
        private const int ReshapeTensor = 4;
        private const int LogitsTensor = 6;

        private static readonly Lazy<IReadOnlyList<MicroSpeechCase>> CasesCache = new Lazy<IReadOnlyList<MicroSpeechCase>>(() => MicroSpeechModel.LoadCases(SharedData.Require("golden/micro_speech/cases.json")));

        public static TheoryData<int, bool> CasesAndPaths()
        {
            var data = new TheoryData<int, bool>();
            for (int i = 0; i < CaseCount; i++)
            {
                data.Add(i, false);
                data.Add(i, true);
            }

            return data;
        }

        private static IReadOnlyList<MicroSpeechCase> Cases
        {
            get
            {
                SharedData.Require("golden/micro_speech/cases.json");
                Assert.Equal(CaseCount, CasesCache.Value.Count);
                return CasesCache.Value;
            }
        }

        private static TfliteModel LoadModel() => TfliteModel.Load(SharedData.Require(TestModels.MicroSpeech));

        [Theory]
        [MemberData(nameof(CasesAndPaths))]
        public void OutputAndIntermediatesAreBitExact(int index, bool reference)
        {
            MicroSpeechCase c = Cases[index];
            var interpreter = new TfliteInterpreter(LoadModel(), new InterpreterOptions { UseReferenceKernels = reference, PreserveAllTensors = true });
            var output = new sbyte[4];
            interpreter.Invoke(c.Input, output);
            Assert.Equal(c.Output, output);
            Assert.Equal(c.Input, interpreter.TensorData(ReshapeTensor).ToArray());
            Assert.Equal(c.Depthwise, interpreter.TensorData(DepthwiseTensor).ToArray());
            Assert.Equal(c.Logits, interpreter.TensorData(LogitsTensor).ToArray());
            Assert.Equal(c.Output, interpreter.TensorData(9).ToArray());
            Assert.Equal(c.Argmax, TfliteInterpreter.ArgMax(output));
        }

        [Fact]
        public void SharedArenaInterpreterMatchesEveryCaseOnBothPaths()
        {
            TfliteModel model = LoadModel();
            var fast = new TfliteInterpreter(model);
            var reference = new TfliteInterpreter(model, new InterpreterOptions { UseReferenceKernels = true });
            Assert.False(fast.UsesReferenceKernels);
            Assert.True(reference.UsesReferenceKernels);
            var output = new sbyte[4];
            foreach (MicroSpeechCase c in Cases)
            {
                fast.Invoke(c.Input, output);
                Assert.Equal(c.Output, output);
                Assert.Equal(c.Output, fast.TensorData(9).ToArray());
                reference.Invoke(c.Input, output);
                Assert.Equal(c.Output, output);
            }
        }

        [Fact]
        public void InputOutputInfoAndArenaComeFromTheModel()
        {
            var interpreter = new TfliteInterpreter(LoadModel());
            Assert.Equal(3, interpreter.Input.Index);
            Assert.Equal(new[] { 1, 1960 }, interpreter.Input.Shape);
            Assert.Equal(1960, interpreter.Input.ElementCount);
            Assert.Equal(-128, interpreter.Input.ZeroPoint);
            Assert.Equal(9, interpreter.Output.Index);
            Assert.Equal("labels_softmax", interpreter.Output.Name);
            Assert.Equal(new[] { 1, 4 }, interpreter.Output.Shape);
            Assert.Equal(1f / 256, interpreter.Output.Scale);
            Assert.Equal(-128, interpreter.Output.ZeroPoint);
            Assert.Equal(0.5f, interpreter.Output.Dequantize(0));
            Assert.Equal(4, interpreter.OperatorCount);

            // Hand-derived plan: the depthwise output (4000 B, ops 1-2) at 0; the reshape output (ops 0-1) overlaps it in
            // time so goes at 4000; the input (op 0 only) fits at 0 again, as do the 4-byte logits and output: 5960.
            Assert.Equal(5960, interpreter.ArenaBytes);
            Assert.Equal(ModelInspector.PlanMemory(LoadModel()).ArenaBytes, interpreter.ArenaBytes);

            // Preserving all tensors needs each at its own 16-byte aligned place: 4000 + 1968 + 1968 + 16 + 4.
            var preserved = new TfliteInterpreter(LoadModel(), new InterpreterOptions { PreserveAllTensors = true });
            Assert.Equal(4000 + 1968 + 1968 + 16 + 4, preserved.ArenaBytes);
        }

        [Fact]
        public void IntermediatesAreRefusedWithoutPreservation()
        {
            var interpreter = new TfliteInterpreter(LoadModel());
            var output = new sbyte[4];
            interpreter.Invoke(Cases[0].Input, output);
            var e = Assert.Throws<InvalidOperationException>(() => interpreter.TensorData(DepthwiseTensor).ToArray());
            Assert.Contains("PreserveAllTensors", e.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => interpreter.TensorData(99).ToArray());
        }

        [Fact]
        public void RoundTrippedModelGivesIdenticalOutputs()
        {
            TfliteModel original = LoadModel();
            TfliteModel rewritten = TfliteModel.Parse(TfliteWriter.Write(TfliteReader.Read(System.IO.File.ReadAllBytes(SharedData.Require(TestModels.MicroSpeech)))));
            var a = new TfliteInterpreter(original);
            var b = new TfliteInterpreter(rewritten);
            var outA = new sbyte[4];
            var outB = new sbyte[4];
            foreach (MicroSpeechCase c in Cases)
            {
                a.Invoke(c.Input, outA);
                b.Invoke(c.Input, outB);
                Assert.Equal(outA, outB);
                Assert.Equal(c.Output, outB);
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void InvokeAllocatesNothing(bool reference)
        {
            var interpreter = new TfliteInterpreter(LoadModel(), new InterpreterOptions { UseReferenceKernels = reference });
            sbyte[] input = Cases[0].Input;
            var output = new sbyte[4];
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                for (int i = 0; i < 20; i++)
                {
                    interpreter.Invoke(input, output);
                }
            }));
        }

        [Fact]
        public void WrongBufferSizesAreArgumentErrors()
        {
            var interpreter = new TfliteInterpreter(LoadModel());
            Assert.Throws<ArgumentException>(() => interpreter.Invoke(new sbyte[1959], new sbyte[4]));
            Assert.Throws<ArgumentException>(() => interpreter.Invoke(new sbyte[1961], new sbyte[4]));
            Assert.Throws<ArgumentException>(() => interpreter.Invoke(new sbyte[1960], new sbyte[3]));
        }

        [Fact]
        public void ArgMaxTiesGoToTheLowestIndex()
        {
            Assert.Equal(0, TfliteInterpreter.ArgMax(new sbyte[] { 5, 5, 5, 5 }));
            Assert.Equal(1, TfliteInterpreter.ArgMax(new sbyte[] { -128, 7, 3, 7 }));
            Assert.Equal(3, TfliteInterpreter.ArgMax(new sbyte[] { -128, -128, -128, -127 }));
            Assert.Throws<ArgumentException>(() => TfliteInterpreter.ArgMax(ReadOnlySpan<sbyte>.Empty));

            // The golden file has cases with tied outputs; its argmax follows the same rule.
            var tied = Cases.Where(c => c.Output.Count(v => v == c.Output.Max()) > 1).ToList();
            Assert.NotEmpty(tied);
            foreach (MicroSpeechCase c in tied)
            {
                Assert.Equal(c.Argmax, TfliteInterpreter.ArgMax(c.Output));
                Assert.Equal(Array.IndexOf(c.Output, c.Output.Max()), c.Argmax);
            }
        }
    }
}

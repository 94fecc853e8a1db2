using System;
using System.Collections.Generic;
using System.Linq;
using VoiceAssistant.Tflite.Kernels;
using VoiceAssistant.Tflite.Tests.Format;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Interpreter
{
    /// <summary>
    /// A small model built with the object model (CONV_2D per-channel → AVERAGE_POOL → MAX_POOL → RESHAPE →
    /// per-channel FULLY_CONNECTED), written and read back, run by the interpreter and compared with the same
    /// kernels called one by one with hand-written parameters.
    /// </summary>
    public class HandBuiltModelTests
    {
        private static readonly QuantizationParameters InputQ = TestModels.Q(0.1f, 5);
        private static readonly QuantizationParameters ConvQ = TestModels.Q(0.05f, -10);
        private static readonly QuantizationParameters FcQ = TestModels.Q(0.2f, 3);

        private static readonly float[] ConvScales = { 0.002f, 0.003f, 0.0015f, 0.004f };
        private static readonly float[] FcScales = { 0.01f, 0.02f, 0.005f, 0.015f, 0.03f };

        private static sbyte[] ConvWeights => Signed(TestModels.Pattern(4 * 3 * 3 * 2, 7));

        private static int[] ConvBias => new[] { 100, -250, 40, 0 };

        private static sbyte[] FcWeights => Signed(TestModels.Pattern(5 * 36, 9));

        private static int[] FcBias => new[] { 500, -300, 0, 1200, -7 };

        /// <summary>The model, built in code.</summary>
        public static TfliteModel Build()
        {
            var m = new TfliteModel { Description = "hand-built interpreter test" };
            m.Buffers.Add(new ModelBuffer());
            var g = new SubGraph();
            m.Subgraphs.Add(g);
            int input = Add(m, "input", TensorType.Int8, new[] { 1, 6, 6, 2 }, null, InputQ);
            int convW = Add(m, "conv/w", TensorType.Int8, new[] { 4, 3, 3, 2 }, (byte[])(Array)ConvWeights, PerChannel(0, ConvScales));
            int convB = Add(m, "conv/b", TensorType.Int32, new[] { 4 }, Bytes(ConvBias), null);
            int conv = Add(m, "conv", TensorType.Int8, new[] { 1, 6, 6, 4 }, null, ConvQ);
            int avg = Add(m, "avg", TensorType.Int8, new[] { 1, 3, 3, 4 }, null, ConvQ);
            int max = Add(m, "max", TensorType.Int8, new[] { 1, 3, 3, 4 }, null, ConvQ);
            int flat = Add(m, "flat", TensorType.Int8, new[] { 1, 36 }, null, ConvQ);
            int fcW = Add(m, "fc/w", TensorType.Int8, new[] { 5, 36 }, (byte[])(Array)FcWeights, PerChannel(0, FcScales));
            int fcB = Add(m, "fc/b", TensorType.Int32, new[] { 5 }, Bytes(FcBias), null);
            int logits = Add(m, "logits", TensorType.Int8, new[] { 1, 5 }, null, FcQ);
            g.Inputs = new[] { input };
            g.Outputs = new[] { logits };
            Op(m, BuiltinOperator.Conv2D, new[] { input, convW, convB }, conv, new Conv2DOptions { Padding = Padding.Same, StrideW = 1, StrideH = 1, FusedActivationFunction = ActivationFunctionType.Relu });
            Op(m, BuiltinOperator.AveragePool2D, new[] { conv }, avg, new Pool2DOptions { Padding = Padding.Valid, StrideW = 2, StrideH = 2, FilterWidth = 2, FilterHeight = 2 });
            Op(m, BuiltinOperator.MaxPool2D, new[] { avg }, max, new Pool2DOptions { Padding = Padding.Same, StrideW = 1, StrideH = 1, FilterWidth = 2, FilterHeight = 2 });
            Op(m, BuiltinOperator.Reshape, new[] { max }, flat, new ReshapeOptions { NewShape = new[] { 1, -1 } });
            Op(m, BuiltinOperator.FullyConnected, new[] { flat, fcW, fcB }, logits, new FullyConnectedOptions());
            return m;
        }

        /// <summary>The same chain with direct kernel calls and parameters written out by hand.</summary>
        private static sbyte[] RunKernels(sbyte[] input)
        {
            ConvParams conv = Conv2D.Prepare(
                new ConvOptions { Padding = PaddingKind.Same, StrideWidth = 1, StrideHeight = 1, Activation = FusedActivation.Relu },
                new Shape4(1, 6, 6, 2),
                new Shape4(4, 3, 3, 2),
                new TensorQuantization(0.1f, 5),
                ConvScales,
                new TensorQuantization(0.05f, -10));
            var convOut = new sbyte[144];
            Conv2D.Eval(conv, input, ConvWeights, ConvBias, convOut);

            PoolParams avg = Pooling.Prepare(PaddingKind.Valid, 2, 2, 2, 2, FusedActivation.None, new Shape4(1, 6, 6, 4), new TensorQuantization(0.05f, -10), new TensorQuantization(0.05f, -10));
            var avgOut = new sbyte[36];
            Assert.True(Pooling.AveragePool(avg, convOut, avgOut));

            PoolParams max = Pooling.Prepare(PaddingKind.Same, 1, 1, 2, 2, FusedActivation.None, new Shape4(1, 3, 3, 4), new TensorQuantization(0.05f, -10), new TensorQuantization(0.05f, -10));
            var maxOut = new sbyte[36];
            Pooling.MaxPool(max, avgOut, maxOut);

            FullyConnectedParams fc = FullyConnected.Prepare(FusedActivation.None, 1, 36, 5, new TensorQuantization(0.05f, -10), FcScales, 0, new TensorQuantization(0.2f, 3));
            Assert.True(fc.IsPerChannel);
            var logits = new sbyte[5];
            FullyConnected.EvalReference(fc, maxOut, FcWeights, FcBias, logits);
            return logits;
        }

        [Fact]
        public void WrittenAndReadModelMatchesTheKernelsCalledDirectly()
        {
            TfliteModel model = TfliteModel.Parse(TfliteWriter.Write(Build()));
            var fast = new TfliteInterpreter(model);
            var reference = new TfliteInterpreter(model, new InterpreterOptions { UseReferenceKernels = true });
            Assert.Equal(new[] { 1, 6, 6, 2 }, fast.Input.Shape);
            Assert.Equal(0.1f, fast.Input.Scale);
            Assert.Equal(5, fast.Input.ZeroPoint);
            Assert.Equal(new[] { 1, 5 }, fast.Output.Shape);
            var rng = new Random(4242);
            var distinct = new HashSet<string>();
            for (int trial = 0; trial < 50; trial++)
            {
                var input = new sbyte[72];
                for (int i = 0; i < input.Length; i++)
                {
                    input[i] = (sbyte)rng.Next(-128, 128);
                }

                sbyte[] expected = RunKernels(input);
                var a = new sbyte[5];
                var b = new sbyte[5];
                fast.Invoke(input, a);
                reference.Invoke(input, b);
                Assert.Equal(expected, a);
                Assert.Equal(expected, b);
                distinct.Add(string.Join(",", a));
            }

            // The outputs must depend on the input, or the comparison proves little.
            Assert.True(distinct.Count > 10, $"only {distinct.Count} distinct outputs");
        }

        [Fact]
        public void PlannedArenaReusesMemory()
        {
            TfliteModel model = Build();
            var shared = new TfliteInterpreter(model);
            var preserved = new TfliteInterpreter(model, new InterpreterOptions { PreserveAllTensors = true });

            // By hand: conv (144 B, ops 0-1) at 0; input (72 B, op 0) beside it at 144; avg (ops 1-2) at 144 again;
            // max (ops 2-3) back at 0, flat (ops 3-4) at 48, logits at 0: the arena ends with the input at 216.
            Assert.Equal(144 + 72, shared.ArenaBytes);
            Assert.True(preserved.ArenaBytes > shared.ArenaBytes);
        }

        [Fact]
        public void SoftmaxWiderThanItsAccumulatorIsAModelExceptionNamingTheOperator()
        {
            // 5000 equal logits: the Q12.19 sum of exps exceeds its range, which TFLM's kernel cannot represent.
            var m = new TfliteModel();
            m.Buffers.Add(new ModelBuffer());
            m.Subgraphs.Add(new SubGraph());
            int input = Add(m, "in", TensorType.Int8, new[] { 1, 5000 }, null, TestModels.Q(0.1f, 0));
            int output = Add(m, "out", TensorType.Int8, new[] { 1, 5000 }, null, TestModels.Q(1f / 256, -128));
            m.MainSubgraph.Inputs = new[] { input };
            m.MainSubgraph.Outputs = new[] { output };
            Op(m, BuiltinOperator.Softmax, new[] { input }, output, new SoftmaxOptions { Beta = 1f });
            var interpreter = new TfliteInterpreter(m);
            var e = Assert.Throws<ModelException>(() => interpreter.Invoke(new sbyte[5000], new sbyte[5000]));
            Assert.Contains("operator 0 (SOFTMAX)", e.Message);
        }

        [Fact]
        public void ModelsTheInterpreterCannotRunAreRejectedClearly()
        {
            TfliteModel twoOutputs = Build();
            twoOutputs.MainSubgraph.Outputs = new[] { 9, 3 };
            var e = Assert.Throws<ModelException>(() => new TfliteInterpreter(twoOutputs));
            Assert.Contains("exactly one input and one output", e.Message);

            TfliteModel badPoolQuant = Build();
            badPoolQuant.MainSubgraph.Tensors[4].Quantization = TestModels.Q(0.07f, -10);
            e = Assert.Throws<ModelException>(() => new TfliteInterpreter(badPoolQuant));
            Assert.Contains("operator 1 (AVERAGE_POOL_2D)", e.Message);

            Assert.Throws<ModelException>(() => new TfliteInterpreter(new TfliteModel()));
        }

        private static sbyte[] Signed(byte[] b) => b.Select(x => (sbyte)x).ToArray();

        private static byte[] Bytes(int[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

        private static QuantizationParameters PerChannel(int dimension, float[] scales) => new QuantizationParameters { QuantizedDimension = dimension, Scale = scales, ZeroPoint = new long[scales.Length] };

        private static int Add(TfliteModel m, string name, TensorType type, int[] shape, byte[] data, QuantizationParameters q)
        {
            int buffer = 0;
            if (data != null)
            {
                m.Buffers.Add(new ModelBuffer(data));
                buffer = m.Buffers.Count - 1;
            }

            m.MainSubgraph.Tensors.Add(new Tensor { Name = name, Type = type, Shape = shape, Buffer = buffer, Quantization = q });
            return m.MainSubgraph.Tensors.Count - 1;
        }

        private static void Op(TfliteModel m, BuiltinOperator code, int[] inputs, int output, BuiltinOptions options)
        {
            int opcode = m.OperatorCodes.FindIndex(c => c.BuiltinCode == code);
            if (opcode < 0)
            {
                m.OperatorCodes.Add(new OperatorCode(code, 1));
                opcode = m.OperatorCodes.Count - 1;
            }

            m.MainSubgraph.Operators.Add(new Operator { OpcodeIndex = opcode, Inputs = inputs, Outputs = new[] { output }, Options = options });
        }
    }
}

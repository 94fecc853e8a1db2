using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using VoiceAssistant.Tflite.Kernels;
using FcKernel = VoiceAssistant.Tflite.Kernels.FullyConnected;
using SoftmaxKernel = VoiceAssistant.Tflite.Kernels.Softmax;

namespace VoiceAssistant.Tflite.Tests.Kernels
{
    /// <summary>
    /// The micro_speech tinyConv model as described by shared/golden/micro_speech/model_facts.json (the real
    /// TFLM's view of the .tflite), prepared with our kernels' Prepare functions. Shared (linked) by the tests
    /// and the benchmark so both run the same chain.
    /// </summary>
    public sealed class MicroSpeechModel
    {
        private MicroSpeechModel()
        {
        }

        /// <summary>The parsed model_facts.json root (for comparing against kernel_prepare_params).</summary>
        public JsonElement Facts { get; private set; }

        /// <summary>Tensor index of the model input (Reshape_1, [1,1960]).</summary>
        public int InputTensor { get; private set; }

        /// <summary>Depthwise operator inputs/outputs.</summary>
        public int[] DepthwiseInputs { get; private set; }

        /// <summary>Depthwise output tensor index.</summary>
        public int DepthwiseOutput { get; private set; }

        /// <summary>FC output tensor index.</summary>
        public int FullyConnectedOutput { get; private set; }

        /// <summary>Prepared depthwise parameters.</summary>
        public ConvParams Depthwise { get; private set; }

        /// <summary>Depthwise filter [1,10,8,8].</summary>
        public sbyte[] DepthwiseFilter { get; private set; }

        /// <summary>Depthwise bias [8].</summary>
        public int[] DepthwiseBias { get; private set; }

        /// <summary>Prepared FC parameters.</summary>
        public FullyConnectedParams FullyConnected { get; private set; }

        /// <summary>FC weights [4,4000].</summary>
        public sbyte[] FullyConnectedFilter { get; private set; }

        /// <summary>FC bias [4].</summary>
        public int[] FullyConnectedBias { get; private set; }

        /// <summary>Prepared softmax parameters.</summary>
        public SoftmaxParams Softmax { get; private set; }

        /// <summary>Softmax rows.</summary>
        public int SoftmaxOuter { get; private set; }

        /// <summary>Softmax row length.</summary>
        public int SoftmaxDepth { get; private set; }

        /// <summary>Loads model_facts.json and runs every Prepare.</summary>
        /// <param name="modelFactsPath">Path of model_facts.json.</param>
        /// <returns>The prepared model.</returns>
        public static MicroSpeechModel Load(string modelFactsPath)
        {
            JsonElement root = JsonDocument.Parse(File.ReadAllBytes(modelFactsPath)).RootElement;
            var m = new MicroSpeechModel { Facts = root };
            JsonElement tensors = root.GetProperty("tensors");
            JsonElement Tensor(int index) => tensors.EnumerateArray().Single(t => t.GetProperty("index").GetInt32() == index);
            JsonElement Op(string code) => root.GetProperty("operators").EnumerateArray().Single(o => o.GetProperty("builtin_code").GetString() == code);

            m.InputTensor = root.GetProperty("inputs")[0].GetInt32();

            JsonElement dw = Op("DEPTHWISE_CONV_2D");
            int[] dwIn = Ints(dw.GetProperty("inputs"));
            m.DepthwiseInputs = dwIn;
            m.DepthwiseOutput = dw.GetProperty("outputs")[0].GetInt32();
            JsonElement dwOpt = dw.GetProperty("builtin_options");
            var options = new ConvOptions
            {
                Padding = Enum.Parse<PaddingKind>(dwOpt.GetProperty("padding").GetString(), true),
                StrideWidth = dwOpt.GetProperty("stride_w").GetInt32(),
                StrideHeight = dwOpt.GetProperty("stride_h").GetInt32(),
                DilationWidth = dwOpt.GetProperty("dilation_w_factor").GetInt32(),
                DilationHeight = dwOpt.GetProperty("dilation_h_factor").GetInt32(),
                DepthMultiplier = dwOpt.GetProperty("depth_multiplier").GetInt32(),
                Activation = ParseActivation(dwOpt.GetProperty("fused_activation_function").GetString()),
            };
            JsonElement dwInput = Tensor(dwIn[0]), dwFilter = Tensor(dwIn[1]), dwBias = Tensor(dwIn[2]), dwOutput = Tensor(m.DepthwiseOutput);
            m.Depthwise = DepthwiseConv2D.Prepare(options, Shape4.From(Ints(dwInput.GetProperty("shape"))), Shape4.From(Ints(dwFilter.GetProperty("shape"))), Quant(dwInput), Scales(dwFilter), Quant(dwOutput));
            m.DepthwiseFilter = SBytes(dwFilter.GetProperty("data"));
            m.DepthwiseBias = Ints(dwBias.GetProperty("data"));

            JsonElement fc = Op("FULLY_CONNECTED");
            int[] fcIn = Ints(fc.GetProperty("inputs"));
            m.FullyConnectedOutput = fc.GetProperty("outputs")[0].GetInt32();
            JsonElement fcInput = Tensor(fcIn[0]), fcFilter = Tensor(fcIn[1]), fcBias = Tensor(fcIn[2]), fcOutput = Tensor(m.FullyConnectedOutput);
            int[] filterShape = Ints(fcFilter.GetProperty("shape"));
            int[] outShape = Ints(fcOutput.GetProperty("shape"));
            m.FullyConnected = FcKernel.Prepare(
                ParseActivation(fc.GetProperty("builtin_options").GetProperty("fused_activation_function").GetString()),
                outShape.Take(outShape.Length - 1).Aggregate(1, (a, b) => a * b),
                filterShape[^1],
                outShape[^1],
                Quant(fcInput),
                Scales(fcFilter),
                fcFilter.GetProperty("quantization").GetProperty("zero_point")[0].GetInt32(),
                Quant(fcOutput));
            m.FullyConnectedFilter = SBytes(fcFilter.GetProperty("data"));
            m.FullyConnectedBias = Ints(fcBias.GetProperty("data"));

            JsonElement sm = Op("SOFTMAX");
            JsonElement smInput = Tensor(sm.GetProperty("inputs")[0].GetInt32()), smOutput = Tensor(sm.GetProperty("outputs")[0].GetInt32());
            m.Softmax = SoftmaxKernel.Prepare(sm.GetProperty("builtin_options").GetProperty("beta").GetSingle(), Quant(smInput).Scale, Quant(smOutput));
            int[] smShape = Ints(smInput.GetProperty("shape"));
            m.SoftmaxDepth = smShape[^1];
            m.SoftmaxOuter = smShape.Aggregate(1, (a, b) => a * b) / m.SoftmaxDepth;
            return m;
        }

        /// <summary>Scratch length the fast chain needs.</summary>
        public int ScratchLength => DepthwiseConv2D.FastScratchLength(Depthwise);

        /// <summary>Runs reshape, depthwise, FC, softmax with the fast kernels into caller buffers.</summary>
        /// <param name="input">1960 int8 features.</param>
        /// <param name="reshaped">1960-element buffer (the reshape output).</param>
        /// <param name="depthwiseOut">4000-element buffer.</param>
        /// <param name="logits">4-element buffer.</param>
        /// <param name="output">4-element buffer.</param>
        /// <param name="scratch">At least <see cref="ScratchLength"/> ints.</param>
        public void RunFast(ReadOnlySpan<sbyte> input, Span<sbyte> reshaped, Span<sbyte> depthwiseOut, Span<sbyte> logits, Span<sbyte> output, Span<int> scratch)
        {
            Reshape.Eval(input, reshaped);
            DepthwiseConv2D.EvalFast(Depthwise, reshaped, DepthwiseFilter, DepthwiseBias, depthwiseOut, scratch);
            FcKernel.EvalFast(FullyConnected, depthwiseOut, FullyConnectedFilter, FullyConnectedBias, logits);
            SoftmaxKernel.Eval(Softmax, logits, output, SoftmaxOuter, SoftmaxDepth);
        }

        /// <summary>Runs the chain with the reference kernels.</summary>
        /// <param name="input">1960 int8 features.</param>
        /// <param name="depthwiseOut">4000-element buffer.</param>
        /// <param name="logits">4-element buffer.</param>
        /// <param name="output">4-element buffer.</param>
        public void RunReference(ReadOnlySpan<sbyte> input, Span<sbyte> depthwiseOut, Span<sbyte> logits, Span<sbyte> output)
        {
            DepthwiseConv2D.EvalReference(Depthwise, input, DepthwiseFilter, DepthwiseBias, depthwiseOut);
            FcKernel.EvalReference(FullyConnected, depthwiseOut, FullyConnectedFilter, FullyConnectedBias, logits);
            SoftmaxKernel.Eval(Softmax, logits, output, SoftmaxOuter, SoftmaxDepth);
        }

        /// <summary>Reads the golden cases file.</summary>
        /// <param name="casesPath">Path of cases.json.</param>
        /// <returns>The cases in file order.</returns>
        public static IReadOnlyList<MicroSpeechCase> LoadCases(string casesPath)
        {
            JsonElement root = JsonDocument.Parse(File.ReadAllBytes(casesPath)).RootElement;
            var list = new List<MicroSpeechCase>();
            foreach (JsonElement c in root.GetProperty("cases").EnumerateArray())
            {
                JsonElement inter = c.GetProperty("intermediates");
                list.Add(new MicroSpeechCase(
                    c.GetProperty("name").GetString(),
                    SBytes(c.GetProperty("input")),
                    SBytes(inter.GetProperty("2")),
                    SBytes(inter.GetProperty("6")),
                    SBytes(c.GetProperty("output")))
                {
                    Argmax = c.GetProperty("argmax").GetInt32(),
                    Kind = c.GetProperty("kind").GetString(),
                });
            }

            return list;
        }

        /// <summary>Reads a JSON int array.</summary>
        /// <param name="e">The array.</param>
        /// <returns>The values.</returns>
        public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

        private static sbyte[] SBytes(JsonElement e) => e.EnumerateArray().Select(x => checked((sbyte)x.GetInt32())).ToArray();

        private static float[] Scales(JsonElement tensor) => tensor.GetProperty("quantization").GetProperty("scale").EnumerateArray().Select(x => x.GetSingle()).ToArray();

        private static TensorQuantization Quant(JsonElement tensor)
        {
            JsonElement q = tensor.GetProperty("quantization");
            return new TensorQuantization(q.GetProperty("scale")[0].GetSingle(), q.GetProperty("zero_point")[0].GetInt32());
        }

        private static FusedActivation ParseActivation(string name) => name switch
        {
            "NONE" => FusedActivation.None,
            "RELU" => FusedActivation.Relu,
            "RELU_N1_TO_1" => FusedActivation.ReluN1To1,
            "RELU6" => FusedActivation.Relu6,
            _ => throw new ModelException("activation " + name),
        };
    }

    /// <summary>One golden case: input, the two dumped intermediates and the output.</summary>
    public sealed class MicroSpeechCase
    {
        /// <summary>Creates the case.</summary>
        /// <param name="name">Case name.</param>
        /// <param name="input">1960 inputs.</param>
        /// <param name="depthwise">Tensor 2, 4000 values.</param>
        /// <param name="logits">Tensor 6, 4 values.</param>
        /// <param name="output">Tensor 9, 4 values.</param>
        public MicroSpeechCase(string name, sbyte[] input, sbyte[] depthwise, sbyte[] logits, sbyte[] output)
        {
            Name = name;
            Input = input;
            Depthwise = depthwise;
            Logits = logits;
            Output = output;
        }

        /// <summary>Case name.</summary>
        public string Name { get; }

        /// <summary>1960 inputs.</summary>
        public sbyte[] Input { get; }

        /// <summary>Depthwise+ReLU output.</summary>
        public sbyte[] Depthwise { get; }

        /// <summary>FC output.</summary>
        public sbyte[] Logits { get; }

        /// <summary>Softmax output.</summary>
        public sbyte[] Output { get; }

        /// <summary>TFLM's argmax of the output (ties to the lowest index).</summary>
        public int Argmax { get; init; }

        /// <summary>wav_features, random or edge.</summary>
        public string Kind { get; init; }
    }
}

using System;
using System.Buffers.Binary;
using VoiceAssistant.Tflite;
using VoiceAssistant.Tflite.Kernels;

namespace VoiceAssistant.Export.Tests
{
    /// <summary>
    /// Test-only runner: reads an exported model back and chains the bit-exact Kernels' Prepare/Eval
    /// (Reshape → DepthwiseConv2D → FullyConnected → Softmax) from what the file says, not from the exporter's objects.
    /// </summary>
    internal sealed class KernelChain
    {
        private readonly ConvParams conv;
        private readonly FullyConnectedParams fc;
        private readonly SoftmaxParams softmax;
        private readonly sbyte[] convFilter;
        private readonly int[] convBias;
        private readonly sbyte[] fcWeights;
        private readonly int[] fcBias;
        private readonly sbyte[] convOut;
        private readonly sbyte[] logits;

        public KernelChain(byte[] modelBytes)
        {
            TfliteModel model = TfliteModel.Parse(modelBytes);
            SubGraph g = model.MainSubgraph;
            Assert(model.OperatorCodes[g.Operators[0].OpcodeIndex].BuiltinCode == BuiltinOperator.Reshape);
            Assert(model.OperatorCodes[g.Operators[1].OpcodeIndex].BuiltinCode == BuiltinOperator.DepthwiseConv2D);
            Assert(model.OperatorCodes[g.Operators[2].OpcodeIndex].BuiltinCode == BuiltinOperator.FullyConnected);
            Assert(model.OperatorCodes[g.Operators[3].OpcodeIndex].BuiltinCode == BuiltinOperator.Softmax);

            Tensor input = g.Tensors[g.Inputs[0]];
            Operator dw = g.Operators[1];
            Tensor dwIn = g.Tensors[dw.Inputs[0]], dwFilter = g.Tensors[dw.Inputs[1]], dwBias = g.Tensors[dw.Inputs[2]], dwOut = g.Tensors[dw.Outputs[0]];
            var o = (DepthwiseConv2DOptions)dw.Options;
            conv = DepthwiseConv2D.Prepare(
                new ConvOptions { Padding = (PaddingKind)(int)o.Padding, StrideHeight = o.StrideH, StrideWidth = o.StrideW, DepthMultiplier = o.DepthMultiplier, Activation = (FusedActivation)(int)o.FusedActivationFunction },
                Shape4.From(dwIn.Shape), Shape4.From(dwFilter.Shape), Q(dwIn), dwFilter.Quantization.Scale, Q(dwOut));
            convFilter = SBytes(model, dwFilter);
            convBias = Ints(model, dwBias);

            Operator fco = g.Operators[2];
            Tensor fcW = g.Tensors[fco.Inputs[1]], fcB = g.Tensors[fco.Inputs[2]], fcOut = g.Tensors[fco.Outputs[0]];
            fc = FullyConnected.Prepare(FusedActivation.None, 1, fcW.Shape[1], fcW.Shape[0], Q(dwOut), fcW.Quantization.Scale, 0, Q(fcOut));
            fcWeights = SBytes(model, fcW);
            fcBias = Ints(model, fcB);

            Tensor smOut = g.Tensors[g.Outputs[0]];
            softmax = Softmax.Prepare(((SoftmaxOptions)g.Operators[3].Options).Beta, fcOut.Quantization.Scale[0], Q(smOut));
            InputQuantization = Q(input);
            OutputQuantization = Q(smOut);
            Labels = fcW.Shape[0];
            convOut = new sbyte[(int)dwOut.ElementCount];
            logits = new sbyte[Labels];
        }

        public TensorQuantization InputQuantization { get; }

        public TensorQuantization OutputQuantization { get; }

        public int Labels { get; }

        public sbyte[] Run(sbyte[] input)
        {
            var reshaped = new sbyte[input.Length];
            Reshape.Eval(input, reshaped);
            DepthwiseConv2D.EvalReference(conv, reshaped, convFilter, convBias, convOut);
            FullyConnected.EvalReference(fc, convOut, fcWeights, fcBias, logits);
            var output = new sbyte[Labels];
            Softmax.Eval(softmax, logits, output, 1, Labels);
            return output;
        }

        private static void Assert(bool condition)
        {
            if (!condition)
            {
                throw new InvalidOperationException("unexpected graph");
            }
        }

        private static TensorQuantization Q(Tensor t) => new TensorQuantization(t.Quantization.Scale[0], (int)t.Quantization.ZeroPoint[0]);

        private static sbyte[] SBytes(TfliteModel m, Tensor t)
        {
            byte[] d = m.Buffers[t.Buffer].Data;
            var s = new sbyte[d.Length];
            Buffer.BlockCopy(d, 0, s, 0, d.Length);
            return s;
        }

        private static int[] Ints(TfliteModel m, Tensor t)
        {
            byte[] d = m.Buffers[t.Buffer].Data;
            var r = new int[d.Length / 4];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = BinaryPrimitives.ReadInt32LittleEndian(d.AsSpan(i * 4));
            }

            return r;
        }
    }
}

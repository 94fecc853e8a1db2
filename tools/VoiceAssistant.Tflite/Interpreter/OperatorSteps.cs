using System;
using System.Runtime.InteropServices;
using VoiceAssistant.Tflite.Kernels;

namespace VoiceAssistant.Tflite
{
    /// <summary>One prepared operator: Prepare ran in the constructor, <see cref="Eval"/> only computes.</summary>
    internal abstract class OpStep
    {
        protected OpStep(int index, BuiltinOperator code, int input, int output)
        {
            Index = index;
            Code = code;
            Input = input;
            Output = output;
        }

        public int Index { get; }

        public BuiltinOperator Code { get; }

        /// <summary>Tensor index of the data input (input 0).</summary>
        public int Input { get; }

        /// <summary>Tensor index of the output.</summary>
        public int Output { get; }

        /// <summary>Int32 scratch the fast kernel needs.</summary>
        public virtual int ScratchInts => 0;

        /// <summary>Rough cost (multiply-accumulates or element visits) of one Eval, for budgeting.</summary>
        public abstract long Work { get; }

        /// <summary>"operator 1 (DEPTHWISE_CONV_2D)" for messages.</summary>
        public string Describe() => Describe(Index, Code);

        public static string Describe(int index, BuiltinOperator code) => $"operator {index} ({TfliteEnums.Name(code)})";

        public abstract void Eval(TensorStore store, bool reference);
    }

    internal sealed class ReshapeStep : OpStep
    {
        private readonly int count;

        public ReshapeStep(int index, int input, int output, int count)
            : base(index, BuiltinOperator.Reshape, input, output)
        {
            this.count = count;
        }

        public override long Work => count;

        public override void Eval(TensorStore store, bool reference) => Reshape.Eval(store.Read(Input), store.Write(Output));
    }

    internal sealed class ConvStep : OpStep
    {
        private readonly ConvParams p;
        private readonly sbyte[] filter;
        private readonly int[] bias;

        public ConvStep(int index, BuiltinOperator code, int input, int output, ConvParams p, sbyte[] filter, int[] bias)
            : base(index, code, input, output)
        {
            this.p = p;
            this.filter = filter;
            this.bias = bias;
        }

        private bool Depthwise => Code == BuiltinOperator.DepthwiseConv2D;

        public override int ScratchInts => Depthwise ? DepthwiseConv2D.FastScratchLength(p) : 0;

        public override long Work => (long)p.Output.FlatSize * p.Filter.Height * p.Filter.Width * (Depthwise ? 1 : p.Filter.Depth);

        public override void Eval(TensorStore store, bool reference)
        {
            if (!Depthwise)
            {
                Conv2D.Eval(p, store.Read(Input), filter, bias, store.Write(Output));
            }
            else if (reference)
            {
                DepthwiseConv2D.EvalReference(p, store.Read(Input), filter, bias, store.Write(Output));
            }
            else
            {
                DepthwiseConv2D.EvalFast(p, store.Read(Input), filter, bias, store.Write(Output), store.Scratch);
            }
        }
    }

    internal sealed class FullyConnectedStep : OpStep
    {
        private readonly FullyConnectedParams p;
        private readonly sbyte[] filter;
        private readonly int[] bias;

        public FullyConnectedStep(int index, int input, int output, FullyConnectedParams p, sbyte[] filter, int[] bias)
            : base(index, BuiltinOperator.FullyConnected, input, output)
        {
            this.p = p;
            this.filter = filter;
            this.bias = bias;
        }

        public override long Work => (long)p.Batches * p.AccumDepth * p.OutputDepth;

        public override void Eval(TensorStore store, bool reference)
        {
            if (reference)
            {
                FullyConnected.EvalReference(p, store.Read(Input), filter, bias, store.Write(Output));
            }
            else
            {
                FullyConnected.EvalFast(p, store.Read(Input), filter, bias, store.Write(Output));
            }
        }
    }

    internal sealed class SoftmaxStep : OpStep
    {
        private readonly SoftmaxParams p;
        private readonly int outer;
        private readonly int depth;

        public SoftmaxStep(int index, int input, int output, SoftmaxParams p, int outer, int depth)
            : base(index, BuiltinOperator.Softmax, input, output)
        {
            this.p = p;
            this.outer = outer;
            this.depth = depth;
        }

        public override long Work => (long)outer * depth;

        public override void Eval(TensorStore store, bool reference)
        {
            if (outer > 0 && depth > 0)
            {
                Softmax.Eval(p, store.Read(Input), store.Write(Output), outer, depth);
            }
        }
    }

    internal sealed class PoolStep : OpStep
    {
        private readonly PoolParams p;

        public PoolStep(int index, BuiltinOperator code, int input, int output, PoolParams p)
            : base(index, code, input, output)
        {
            this.p = p;
        }

        public override long Work => (long)p.Output.FlatSize * p.FilterHeight * p.FilterWidth;

        public override void Eval(TensorStore store, bool reference)
        {
            if (Code == BuiltinOperator.MaxPool2D)
            {
                Pooling.MaxPool(p, store.Read(Input), store.Write(Output));
            }
            else if (!Pooling.AveragePool(p, store.Read(Input), store.Write(Output)))
            {
                throw new ModelException(Describe() + ": a pooling window covers no input element (TFLM fails the invoke)");
            }
        }
    }

    /// <summary>Builds the prepared step of each supported operator from the object model.</summary>
    internal static class StepFactory
    {
        public static OpStep Create(TfliteModel model, int index, Func<int, sbyte[]> constantInt8)
        {
            SubGraph g = model.MainSubgraph;
            Operator op = g.Operators[index];
            BuiltinOperator code = model.OperatorCodes[op.OpcodeIndex].BuiltinCode;
            int input = op.Inputs[0];
            int output = op.Outputs[0];
            Tensor inT = g.Tensors[input];
            Tensor outT = g.Tensors[output];
            switch (code)
            {
                case BuiltinOperator.Reshape:
                    return new ReshapeStep(index, input, output, (int)outT.ElementCount);
                case BuiltinOperator.Conv2D:
                case BuiltinOperator.DepthwiseConv2D:
                    return Convolution(model, index, code, op, constantInt8);
                case BuiltinOperator.FullyConnected:
                {
                    var o = (FullyConnectedOptions)op.Options;
                    Tensor filter = g.Tensors[op.Inputs[1]];
                    int units = filter.Shape[0];
                    int depth = filter.Shape[1];
                    FullyConnectedParams p = FullyConnected.Prepare(Activation(o.FusedActivationFunction), (int)(outT.ElementCount / units), depth, units, Quant(inT), filter.Quantization.Scale, (int)filter.Quantization.ZeroPoint[0], Quant(outT));
                    return new FullyConnectedStep(index, input, output, p, constantInt8(op.Inputs[1]), Bias(model, op));
                }

                case BuiltinOperator.Softmax:
                {
                    var o = (SoftmaxOptions)op.Options;
                    SoftmaxParams p = Softmax.Prepare(o.Beta, Quant(inT).Scale, Quant(outT));
                    int depth = inT.Shape[inT.Shape.Length - 1];
                    int outer = depth == 0 ? 0 : (int)(inT.ElementCount / depth);
                    return new SoftmaxStep(index, input, output, p, outer, depth);
                }

                case BuiltinOperator.AveragePool2D:
                case BuiltinOperator.MaxPool2D:
                {
                    var o = (Pool2DOptions)op.Options;
                    PoolParams p = Pooling.Prepare(PaddingOf(o.Padding), o.StrideH, o.StrideW, o.FilterHeight, o.FilterWidth, Activation(o.FusedActivationFunction), Shape4.From(inT.Shape), Quant(inT), Quant(outT));
                    RequireShape(p.Output, outT);
                    return new PoolStep(index, code, input, output, p);
                }

                default:
                    throw new ModelException("operator is not supported by the interpreter");
            }
        }

        private static OpStep Convolution(TfliteModel model, int index, BuiltinOperator code, Operator op, Func<int, sbyte[]> constantInt8)
        {
            SubGraph g = model.MainSubgraph;
            Tensor inT = g.Tensors[op.Inputs[0]];
            Tensor filter = g.Tensors[op.Inputs[1]];
            Tensor outT = g.Tensors[op.Outputs[0]];
            ConvOptions options;
            if (code == BuiltinOperator.DepthwiseConv2D)
            {
                var o = (DepthwiseConv2DOptions)op.Options;
                options = new ConvOptions { Padding = PaddingOf(o.Padding), StrideWidth = o.StrideW, StrideHeight = o.StrideH, DilationWidth = o.DilationWFactor, DilationHeight = o.DilationHFactor, DepthMultiplier = o.DepthMultiplier, Activation = Activation(o.FusedActivationFunction) };
            }
            else
            {
                var o = (Conv2DOptions)op.Options;
                options = new ConvOptions { Padding = PaddingOf(o.Padding), StrideWidth = o.StrideW, StrideHeight = o.StrideH, DilationWidth = o.DilationWFactor, DilationHeight = o.DilationHFactor, Activation = Activation(o.FusedActivationFunction) };
            }

            Shape4 inShape = Shape4.From(inT.Shape);
            Shape4 filterShape = Shape4.From(filter.Shape);
            ConvParams p = code == BuiltinOperator.DepthwiseConv2D
                ? DepthwiseConv2D.Prepare(options, inShape, filterShape, Quant(inT), filter.Quantization.Scale, Quant(outT))
                : Conv2D.Prepare(options, inShape, filterShape, Quant(inT), filter.Quantization.Scale, Quant(outT));
            RequireShape(p.Output, outT);
            return new ConvStep(index, code, op.Inputs[0], op.Outputs[0], p, constantInt8(op.Inputs[1]), Bias(model, op));
        }

        /// <summary>The constant int32 bias (input 2) as ints, or an empty array when the operator has none.</summary>
        private static int[] Bias(TfliteModel model, Operator op)
        {
            if (op.Inputs.Length < 3 || op.Inputs[2] < 0)
            {
                return new int[0];
            }

            byte[] data = model.Buffers[model.MainSubgraph.Tensors[op.Inputs[2]].Buffer].Data;
            return MemoryMarshal.Cast<byte, int>(data).ToArray();
        }

        private static void RequireShape(Shape4 prepared, Tensor t)
        {
            if (t.Shape.Length != 4 || t.Shape[0] != prepared.Batches || t.Shape[1] != prepared.Height || t.Shape[2] != prepared.Width || t.Shape[3] != prepared.Depth)
            {
                throw new ModelException($"output shape [{string.Join(",", t.Shape)}] differs from the computed {prepared}");
            }
        }

        private static TensorQuantization Quant(Tensor t) => new TensorQuantization(t.Quantization.Scale[0], (int)t.Quantization.ZeroPoint[0]);

        private static FusedActivation Activation(ActivationFunctionType a) => (FusedActivation)(int)a;

        private static PaddingKind PaddingOf(Padding p) => p == Padding.Valid ? PaddingKind.Valid : PaddingKind.Same;
    }
}

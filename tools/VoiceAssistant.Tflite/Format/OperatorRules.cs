using System;

namespace VoiceAssistant.Tflite
{
    /// <summary>An operator being validated: builds messages that name it and fetches its tensors.</summary>
    internal sealed class OpContext
    {
        public OpContext(TfliteModel model, int index, BuiltinOperator code)
        {
            Model = model;
            Graph = model.Subgraphs[0];
            Index = index;
            Code = code;
        }

        public TfliteModel Model { get; }

        public SubGraph Graph { get; }

        public int Index { get; }

        public BuiltinOperator Code { get; }

        public ModelException Error(string message)
        {
            return new ModelException($"operator {Index} ({TfliteEnums.Name(Code)}): {message}");
        }

        public void Counts(Operator op, int minInputs, int maxInputs)
        {
            int n = op.Inputs?.Length ?? 0;
            if (n < minInputs || n > maxInputs)
            {
                string expected = minInputs == maxInputs ? minInputs.ToString() : $"{minInputs}-{maxInputs}";
                throw Error($"has {n} inputs, expected {expected}");
            }

            if ((op.Outputs?.Length ?? 0) != 1)
            {
                throw Error($"has {op.Outputs?.Length ?? 0} outputs, expected 1");
            }
        }

        /// <summary>The tensor of input <paramref name="i"/>, or null when it is absent/-1 and optional.</summary>
        public Tensor Input(Operator op, int i, string role, bool optional = false)
        {
            int index = i < op.Inputs.Length ? op.Inputs[i] : -1;
            if (index < 0)
            {
                if (optional)
                {
                    return null;
                }

                throw Error($"required input {i} ({role}) is missing");
            }

            return Graph.Tensors[index];
        }

        public Tensor Output(Operator op) => Graph.Tensors[op.Outputs[0]];

        public string Describe(Tensor t) => ModelValidator.TensorName(Graph, Graph.Tensors.IndexOf(t));

        public void Type(Tensor t, TensorType type, string role)
        {
            if (t.Type != type)
            {
                throw Error($"{role} {Describe(t)} is {TfliteEnums.Name(t.Type)}, expected {TfliteEnums.Name(type)}");
            }
        }

        public void Rank(Tensor t, int rank, string role)
        {
            if (t.Shape.Length != rank)
            {
                throw Error($"{role} {Describe(t)} has shape [{ModelValidator.Join(t.Shape)}], expected rank {rank}");
            }
        }

        public void Constant(Tensor t, string role)
        {
            if (!ModelValidator.IsConstant(Model, t))
            {
                throw Error($"{role} {Describe(t)} must be a constant tensor with data");
            }
        }

        public T Options<T>(Operator op, bool optional = false)
            where T : BuiltinOptions
        {
            if (op.Options == null)
            {
                if (optional)
                {
                    return null;
                }

                throw Error($"has no builtin options (expected {typeof(T).Name})");
            }

            if (op.Options is T typed)
            {
                return typed;
            }

            throw Error($"has builtin options of union type {(int)op.Options.OptionsType}, expected {typeof(T).Name}");
        }

        public void Activation(ActivationFunctionType a)
        {
            if (a != ActivationFunctionType.None && a != ActivationFunctionType.Relu && a != ActivationFunctionType.ReluN1To1 && a != ActivationFunctionType.Relu6)
            {
                throw Error($"fused activation {(int)a} is not supported (NONE, RELU, RELU_N1_TO_1, RELU6)");
            }
        }

        /// <summary>Checks one spatial output size against TFLite's SAME/VALID formula.</summary>
        public void Spatial(string axis, Padding padding, int input, int filter, int stride, int dilation, int output)
        {
            if (padding != Padding.Same && padding != Padding.Valid)
            {
                throw Error($"padding {(int)padding} is not SAME or VALID");
            }

            if (stride < 1 || dilation < 1 || filter < 1)
            {
                throw Error($"{axis}: stride {stride}, dilation {dilation} and filter size {filter} must all be at least 1");
            }

            long effectiveFilter = ((long)(filter - 1) * dilation) + 1;
            long expected = padding == Padding.Same ? ((long)input + stride - 1) / stride : ((long)input - effectiveFilter + stride) / stride;
            if (expected < 1 || expected != output)
            {
                throw Error($"{axis}: output size {output} does not match input {input}, filter {filter}, stride {stride}, dilation {dilation} with {padding} padding (expected {expected})");
            }
        }
    }

    /// <summary>Per-operator shape, type and option rules of <see cref="ModelValidator"/>.</summary>
    internal static class OperatorRules
    {
        public static void Reshape(OpContext c, Operator op)
        {
            c.Counts(op, 1, 2);
            ReshapeOptions options = c.Options<ReshapeOptions>(op, optional: true);
            Tensor input = c.Input(op, 0, "input");
            Tensor shape = c.Input(op, 1, "shape", optional: true);
            Tensor output = c.Output(op);
            c.Type(input, TensorType.Int8, "input");
            c.Type(output, TensorType.Int8, "output");
            if (input.ElementCount != output.ElementCount)
            {
                throw c.Error($"input {c.Describe(input)} [{ModelValidator.Join(input.Shape)}] and output {c.Describe(output)} [{ModelValidator.Join(output.Shape)}] have different element counts");
            }

            if (shape != null)
            {
                c.Type(shape, TensorType.Int32, "shape");
                if (shape.Shape.Length != 1)
                {
                    throw c.Error($"shape {c.Describe(shape)} [{ModelValidator.Join(shape.Shape)}] must be a vector");
                }

                if (ModelValidator.IsConstant(c.Model, shape))
                {
                    byte[] data = c.Model.Buffers[shape.Buffer].Data;
                    var values = new int[data.Length / 4];
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = BitConverter.ToInt32(data, 4 * i);
                    }

                    TargetShape(c, values, input, output, "shape tensor " + c.Describe(shape));
                }
            }
            else if (options?.NewShape != null)
            {
                TargetShape(c, options.NewShape, input, output, "new_shape");
            }
        }

        /// <summary>A requested shape (at most one -1, inferred from the input) must equal the output's shape.</summary>
        private static void TargetShape(OpContext c, int[] requested, Tensor input, Tensor output, string source)
        {
            int inferred = -1;
            long known = 1;
            for (int i = 0; i < requested.Length; i++)
            {
                if (requested[i] == -1 && inferred < 0)
                {
                    inferred = i;
                }
                else if (requested[i] < 0)
                {
                    throw c.Error($"{source} [{ModelValidator.Join(requested)}] has an invalid dimension {requested[i]}");
                }
                else
                {
                    known = Math.Min(known * requested[i], (long)int.MaxValue + 1);
                }
            }

            var resolved = (int[])requested.Clone();
            if (inferred >= 0)
            {
                resolved[inferred] = known == 0 ? 0 : (int)Math.Min(input.ElementCount / known, int.MaxValue);
            }

            if (ModelValidator.Join(resolved) != ModelValidator.Join(output.Shape))
            {
                throw c.Error($"{source} [{ModelValidator.Join(requested)}] does not give output shape [{ModelValidator.Join(output.Shape)}]");
            }
        }

        public static void Convolution(OpContext c, Operator op)
        {
            bool depthwise = c.Code == BuiltinOperator.DepthwiseConv2D;
            c.Counts(op, 2, 3);
            Tensor input = c.Input(op, 0, "input");
            Tensor filter = c.Input(op, 1, "filter");
            Tensor bias = c.Input(op, 2, "bias", optional: true);
            Tensor output = c.Output(op);
            c.Type(input, TensorType.Int8, "input");
            c.Type(filter, TensorType.Int8, "filter");
            c.Type(output, TensorType.Int8, "output");
            c.Rank(input, 4, "input");
            c.Rank(filter, 4, "filter");
            c.Rank(output, 4, "output");
            c.Constant(filter, "filter");

            Padding padding;
            int strideW, strideH, dilationW, dilationH;
            int outChannels = depthwise ? filter.Shape[3] : filter.Shape[0];
            if (depthwise)
            {
                DepthwiseConv2DOptions o = c.Options<DepthwiseConv2DOptions>(op);
                padding = o.Padding;
                strideW = o.StrideW;
                strideH = o.StrideH;
                dilationW = o.DilationWFactor;
                dilationH = o.DilationHFactor;
                c.Activation(o.FusedActivationFunction);
                if (filter.Shape[0] != 1)
                {
                    throw c.Error($"filter {c.Describe(filter)} [{ModelValidator.Join(filter.Shape)}] must have first dimension 1");
                }

                if (o.DepthMultiplier < 1 || (long)input.Shape[3] * o.DepthMultiplier != outChannels)
                {
                    throw c.Error($"depth_multiplier {o.DepthMultiplier} × input channels {input.Shape[3]} != filter channels {outChannels}");
                }
            }
            else
            {
                Conv2DOptions o = c.Options<Conv2DOptions>(op);
                padding = o.Padding;
                strideW = o.StrideW;
                strideH = o.StrideH;
                dilationW = o.DilationWFactor;
                dilationH = o.DilationHFactor;
                c.Activation(o.FusedActivationFunction);
                if (filter.Shape[3] != input.Shape[3])
                {
                    throw c.Error($"filter {c.Describe(filter)} has {filter.Shape[3]} input channels but input {c.Describe(input)} has {input.Shape[3]}");
                }
            }

            PerChannel(c, filter, depthwise ? 3 : 0, "filter");
            Bias(c, bias, outChannels);
            if (output.Shape[0] != input.Shape[0] || output.Shape[3] != outChannels)
            {
                throw c.Error($"output {c.Describe(output)} [{ModelValidator.Join(output.Shape)}] must have batch {input.Shape[0]} and {outChannels} channels");
            }

            c.Spatial("height", padding, input.Shape[1], filter.Shape[1], strideH, dilationH, output.Shape[1]);
            c.Spatial("width", padding, input.Shape[2], filter.Shape[2], strideW, dilationW, output.Shape[2]);
        }

        public static void FullyConnected(OpContext c, Operator op)
        {
            c.Counts(op, 2, 3);
            FullyConnectedOptions o = c.Options<FullyConnectedOptions>(op);
            c.Activation(o.FusedActivationFunction);
            if (o.WeightsFormat != FullyConnectedWeightsFormat.Default)
            {
                throw c.Error($"weights_format {(int)o.WeightsFormat} is not supported (only DEFAULT)");
            }

            Tensor input = c.Input(op, 0, "input");
            Tensor filter = c.Input(op, 1, "weights");
            Tensor bias = c.Input(op, 2, "bias", optional: true);
            Tensor output = c.Output(op);
            c.Type(input, TensorType.Int8, "input");
            c.Type(filter, TensorType.Int8, "weights");
            c.Type(output, TensorType.Int8, "output");
            c.Rank(filter, 2, "weights");
            c.Constant(filter, "weights");
            int units = filter.Shape[0];
            int depth = filter.Shape[1];
            long inputElements = input.ElementCount;
            if (depth < 1 || inputElements < 1 || inputElements % depth != 0)
            {
                throw c.Error($"input {c.Describe(input)} [{ModelValidator.Join(input.Shape)}] is not a whole number of rows of depth {depth}");
            }

            long batches = inputElements / depth;
            if (output.Shape.Length == 0 || output.Shape[output.Shape.Length - 1] != units || output.ElementCount != batches * units)
            {
                throw c.Error($"output {c.Describe(output)} [{ModelValidator.Join(output.Shape)}] must hold {batches} rows of {units} units");
            }

            PerChannel(c, filter, 0, "weights");
            Bias(c, bias, units);
        }

        public static void Softmax(OpContext c, Operator op)
        {
            c.Counts(op, 1, 1);
            SoftmaxOptions o = c.Options<SoftmaxOptions>(op);
            if (!(o.Beta > 0f) || float.IsInfinity(o.Beta))
            {
                throw c.Error($"beta {o.Beta} must be a positive finite number");
            }

            Tensor input = c.Input(op, 0, "input");
            Tensor output = c.Output(op);
            c.Type(input, TensorType.Int8, "input");
            c.Type(output, TensorType.Int8, "output");
            if (input.Shape.Length == 0 || ModelValidator.Join(input.Shape) != ModelValidator.Join(output.Shape))
            {
                throw c.Error($"input [{ModelValidator.Join(input.Shape)}] and output [{ModelValidator.Join(output.Shape)}] shapes differ or are scalars");
            }

            // TFLM's int8 softmax requires this output quantisation (scale 1/256, zero point -128).
            QuantizationParameters q = output.Quantization;
            if (q.ZeroPoint[0] != -128 || Math.Abs(q.Scale[0] - (1f / 256)) > 0.001f / 256)
            {
                throw c.Error($"output {c.Describe(output)} must be quantised with scale 1/256 and zero point -128 (has {q.Scale[0]}, {q.ZeroPoint[0]})");
            }
        }

        public static void Pool(OpContext c, Operator op)
        {
            c.Counts(op, 1, 1);
            Pool2DOptions o = c.Options<Pool2DOptions>(op);
            c.Activation(o.FusedActivationFunction);
            Tensor input = c.Input(op, 0, "input");
            Tensor output = c.Output(op);
            c.Type(input, TensorType.Int8, "input");
            c.Type(output, TensorType.Int8, "output");
            c.Rank(input, 4, "input");
            c.Rank(output, 4, "output");
            if (output.Shape[0] != input.Shape[0] || output.Shape[3] != input.Shape[3])
            {
                throw c.Error($"output {c.Describe(output)} [{ModelValidator.Join(output.Shape)}] must keep the input's batch and channels [{ModelValidator.Join(input.Shape)}]");
            }

            c.Spatial("height", o.Padding, input.Shape[1], o.FilterHeight, o.StrideH, 1, output.Shape[1]);
            c.Spatial("width", o.Padding, input.Shape[2], o.FilterWidth, o.StrideW, 1, output.Shape[2]);
        }

        private static void PerChannel(OpContext c, Tensor weights, int channelDimension, string role)
        {
            QuantizationParameters q = weights.Quantization;
            if (q.Scale.Length > 1 && q.QuantizedDimension != channelDimension)
            {
                throw c.Error($"{role} {c.Describe(weights)} is quantised per channel along dimension {q.QuantizedDimension}, expected {channelDimension}");
            }
        }

        private static void Bias(OpContext c, Tensor bias, int channels)
        {
            if (bias == null)
            {
                return;
            }

            c.Type(bias, TensorType.Int32, "bias");
            c.Constant(bias, "bias");
            if (bias.Shape.Length != 1 || bias.Shape[0] != channels)
            {
                throw c.Error($"bias {c.Describe(bias)} [{ModelValidator.Join(bias.Shape)}] must have shape [{channels}]");
            }
        }
    }
}

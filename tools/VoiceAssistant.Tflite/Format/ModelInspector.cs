using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VoiceAssistant.Tflite
{
    /// <summary>Figures about a model: counts, parameters and a planned activation arena.</summary>
    public sealed class ModelSummary
    {
        /// <summary>Number of tensors in the main subgraph.</summary>
        public int TensorCount { get; set; }

        /// <summary>Number of operators in the main subgraph.</summary>
        public int OperatorCount { get; set; }

        /// <summary>
        /// Trainable parameters: total elements of the constant weight (input 1) and bias (input 2) tensors of
        /// CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED. Reshape shape tensors are not parameters.
        /// </summary>
        public long ParameterCount { get; set; }

        /// <summary>Bytes of all constant tensor data.</summary>
        public long ConstantBytes { get; set; }

        /// <summary>Bytes of all non-constant tensors if each had its own memory.</summary>
        public long ActivationBytes { get; set; }

        /// <summary>The greedy activation-memory plan.</summary>
        public MemoryPlan Plan { get; set; }
    }

    /// <summary>Text rendering of a model, like a text-only Netron: operators, tensors, quantisation, sizes.</summary>
    public static class ModelInspector
    {
        /// <summary>Computes the summary figures of a validated model.</summary>
        /// <param name="model">The model (its first subgraph is summarised).</param>
        public static ModelSummary Summarize(TfliteModel model)
        {
            SubGraph g = model.MainSubgraph;
            var summary = new ModelSummary { TensorCount = g.Tensors.Count, OperatorCount = g.Operators.Count };
            var parameterTensors = new HashSet<int>();
            foreach (Operator op in g.Operators)
            {
                BuiltinOperator code = model.OperatorCodes[op.OpcodeIndex].BuiltinCode;
                if (code == BuiltinOperator.Conv2D || code == BuiltinOperator.DepthwiseConv2D || code == BuiltinOperator.FullyConnected)
                {
                    for (int i = 1; i < op.Inputs.Length && i <= 2; i++)
                    {
                        if (op.Inputs[i] >= 0 && ModelValidator.IsConstant(model, g.Tensors[op.Inputs[i]]))
                        {
                            parameterTensors.Add(op.Inputs[i]);
                        }
                    }
                }
            }

            foreach (int t in parameterTensors)
            {
                summary.ParameterCount += g.Tensors[t].ElementCount;
            }

            foreach (Tensor t in g.Tensors)
            {
                long bytes = t.ElementCount * TfliteEnums.ElementSize(t.Type);
                if (ModelValidator.IsConstant(model, t))
                {
                    summary.ConstantBytes += bytes;
                }
                else
                {
                    summary.ActivationBytes += bytes;
                }
            }

            summary.Plan = PlanMemory(model);
            return summary;
        }

        /// <summary>The model's activation-memory plan (see <see cref="MemoryPlanner.Plan"/>).</summary>
        /// <param name="model">A validated model.</param>
        public static MemoryPlan PlanMemory(TfliteModel model) => MemoryPlanner.Plan(model);

        /// <summary>Renders the whole model as text: header, operators, tensors, figures.</summary>
        /// <param name="model">A validated model.</param>
        /// <param name="fileBytes">Size of the file it came from, or a negative number when unknown.</param>
        public static string Render(TfliteModel model, long fileBytes = -1)
        {
            SubGraph g = model.MainSubgraph;
            ModelSummary s = Summarize(model);
            var sb = new StringBuilder();
            sb.Append(Inv($"Model: TFLite schema v{model.Version}"));
            if (fileBytes >= 0)
            {
                sb.Append(Inv($", {fileBytes:N0} bytes"));
            }

            if (!string.IsNullOrEmpty(model.Description))
            {
                sb.Append(", \"").Append(model.Description).Append('"');
            }

            sb.AppendLine();
            sb.AppendLine(Inv($"Subgraph{(g.Name == null ? string.Empty : " '" + g.Name + "'")}: {g.Tensors.Count} tensors, {g.Operators.Count} operators, {model.Buffers.Count} buffers"));
            sb.AppendLine("Inputs:  " + string.Join(", ", g.Inputs.Select(i => TensorRef(model, i))));
            sb.AppendLine("Outputs: " + string.Join(", ", g.Outputs.Select(i => TensorRef(model, i))));
            sb.AppendLine();
            sb.AppendLine("Operators:");
            for (int i = 0; i < g.Operators.Count; i++)
            {
                Operator op = g.Operators[i];
                OperatorCode code = model.OperatorCodes[op.OpcodeIndex];
                sb.AppendLine(Inv($"  [{i}] {TfliteEnums.Name(code.BuiltinCode)} (v{code.Version}){OptionsText(op.Options)}"));
                for (int k = 0; k < op.Inputs.Length; k++)
                {
                    sb.AppendLine("        in  " + (op.Inputs[k] < 0 ? "(none)" : TensorRef(model, op.Inputs[k])));
                }

                foreach (int o in op.Outputs)
                {
                    sb.AppendLine("        out " + TensorRef(model, o));
                }
            }

            sb.AppendLine();
            sb.AppendLine("Tensors:");
            for (int i = 0; i < g.Tensors.Count; i++)
            {
                Tensor t = g.Tensors[i];
                string where = ModelValidator.IsConstant(model, t) ? Inv($"const buffer {t.Buffer}") : s.Plan.Offsets[i] >= 0 ? Inv($"arena @{s.Plan.Offsets[i]}") : "unused";
                sb.AppendLine(Inv($"  [{i}] {t.Name ?? "(unnamed)"}  {TfliteEnums.Name(t.Type).ToLowerInvariant()}[{ModelValidator.Join(t.Shape)}]  {t.ElementCount * TfliteEnums.ElementSize(t.Type):N0} B  {where}{QuantText(t.Quantization)}"));
            }

            sb.AppendLine();
            sb.AppendLine(Inv($"Parameters: {s.ParameterCount:N0} (weight and bias elements of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED)"));
            sb.AppendLine(Inv($"Constant data: {s.ConstantBytes:N0} bytes"));
            sb.AppendLine(Inv($"Activations: {s.ActivationBytes:N0} bytes unshared; planned arena {s.Plan.ArenaBytes:N0} bytes (greedy by size, {MemoryPlan.Alignment}-byte aligned; excludes interpreter overhead)"));
            return sb.ToString();
        }

        private static string TensorRef(TfliteModel model, int index)
        {
            SubGraph g = model.MainSubgraph;
            Tensor t = g.Tensors[index];
            string constant = ModelValidator.IsConstant(model, t) ? " const" : string.Empty;
            return Inv($"{index} {t.Name ?? "(unnamed)"} {TfliteEnums.Name(t.Type).ToLowerInvariant()}[{ModelValidator.Join(t.Shape)}]{constant}");
        }

        private static string QuantText(QuantizationParameters q)
        {
            if (q == null || q.Scale.Length == 0)
            {
                return string.Empty;
            }

            if (q.Scale.Length == 1)
            {
                return Inv($"  q: scale {q.Scale[0]:G9} zp {q.ZeroPoint[0]}");
            }

            return Inv($"  q: per-channel dim {q.QuantizedDimension}, {q.Scale.Length} scales [{q.Scale.Min():G6} .. {q.Scale.Max():G6}], zp [{string.Join(",", q.ZeroPoint.Distinct())}]");
        }

        private static string OptionsText(BuiltinOptions options)
        {
            switch (options)
            {
                case null:
                    return string.Empty;
                case ReshapeOptions r:
                    return r.NewShape == null ? string.Empty : $"  new_shape=[{ModelValidator.Join(r.NewShape)}]";
                case DepthwiseConv2DOptions d:
                    return Inv($"  padding={d.Padding} stride={d.StrideH}x{d.StrideW} depth_multiplier={d.DepthMultiplier} dilation={d.DilationHFactor}x{d.DilationWFactor} activation={d.FusedActivationFunction}");
                case Conv2DOptions c:
                    return Inv($"  padding={c.Padding} stride={c.StrideH}x{c.StrideW} dilation={c.DilationHFactor}x{c.DilationWFactor} activation={c.FusedActivationFunction}");
                case FullyConnectedOptions f:
                    return Inv($"  activation={f.FusedActivationFunction} weights_format={f.WeightsFormat} keep_num_dims={f.KeepNumDims}");
                case SoftmaxOptions sm:
                    return Inv($"  beta={sm.Beta:G9}");
                case Pool2DOptions p:
                    return Inv($"  padding={p.Padding} stride={p.StrideH}x{p.StrideW} filter={p.FilterHeight}x{p.FilterWidth} activation={p.FusedActivationFunction}");
                default:
                    return Inv($"  options type {(int)options.OptionsType}");
            }
        }

        private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    }
}

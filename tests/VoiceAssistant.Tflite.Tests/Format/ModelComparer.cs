using System.Collections.Generic;
using System.Linq;

namespace VoiceAssistant.Tflite.Tests.Format
{
    /// <summary>Structural equality of two models; lists every difference by path (empty = equal).</summary>
    internal static class ModelComparer
    {
        public static List<string> Differences(TfliteModel a, TfliteModel b)
        {
            var d = new List<string>();
            Eq(d, "version", a.Version, b.Version);
            Eq(d, "description", a.Description, b.Description);
            Eq(d, "operator_codes.count", a.OperatorCodes.Count, b.OperatorCodes.Count);
            for (int i = 0; i < System.Math.Min(a.OperatorCodes.Count, b.OperatorCodes.Count); i++)
            {
                // The writer normalises the two stored code fields; the effective code is what must survive.
                Eq(d, $"operator_codes[{i}].code", a.OperatorCodes[i].BuiltinCode, b.OperatorCodes[i].BuiltinCode);
                Eq(d, $"operator_codes[{i}].version", a.OperatorCodes[i].Version, b.OperatorCodes[i].Version);
                Eq(d, $"operator_codes[{i}].custom", a.OperatorCodes[i].CustomCode, b.OperatorCodes[i].CustomCode);
            }

            Eq(d, "buffers.count", a.Buffers.Count, b.Buffers.Count);
            for (int i = 0; i < System.Math.Min(a.Buffers.Count, b.Buffers.Count); i++)
            {
                Seq(d, $"buffers[{i}].data", a.Buffers[i].Data, b.Buffers[i].Data);
            }

            Eq(d, "metadata.count", a.Metadata.Count, b.Metadata.Count);
            for (int i = 0; i < System.Math.Min(a.Metadata.Count, b.Metadata.Count); i++)
            {
                Eq(d, $"metadata[{i}].name", a.Metadata[i].Name, b.Metadata[i].Name);
                Eq(d, $"metadata[{i}].buffer", a.Metadata[i].Buffer, b.Metadata[i].Buffer);
            }

            Eq(d, "subgraphs.count", a.Subgraphs.Count, b.Subgraphs.Count);
            for (int s = 0; s < System.Math.Min(a.Subgraphs.Count, b.Subgraphs.Count); s++)
            {
                SubGraph ga = a.Subgraphs[s], gb = b.Subgraphs[s];
                string p = $"subgraphs[{s}]";
                Eq(d, p + ".name", ga.Name, gb.Name);
                Seq(d, p + ".inputs", ga.Inputs, gb.Inputs);
                Seq(d, p + ".outputs", ga.Outputs, gb.Outputs);
                Eq(d, p + ".tensors.count", ga.Tensors.Count, gb.Tensors.Count);
                for (int i = 0; i < System.Math.Min(ga.Tensors.Count, gb.Tensors.Count); i++)
                {
                    Tensors(d, $"{p}.tensors[{i}]", ga.Tensors[i], gb.Tensors[i]);
                }

                Eq(d, p + ".operators.count", ga.Operators.Count, gb.Operators.Count);
                for (int i = 0; i < System.Math.Min(ga.Operators.Count, gb.Operators.Count); i++)
                {
                    Operator oa = ga.Operators[i], ob = gb.Operators[i];
                    string q = $"{p}.operators[{i}]";
                    Eq(d, q + ".opcode_index", oa.OpcodeIndex, ob.OpcodeIndex);
                    Seq(d, q + ".inputs", oa.Inputs, ob.Inputs);
                    Seq(d, q + ".outputs", oa.Outputs, ob.Outputs);
                    Eq(d, q + ".options", OptionsText(oa.Options), OptionsText(ob.Options));
                }
            }

            return d;
        }

        /// <summary>Every public property of the options object, arrays expanded: equal text = equal options.</summary>
        public static string OptionsText(BuiltinOptions o)
        {
            if (o == null)
            {
                return "null";
            }

            return o.GetType().Name + "{" + string.Join(";", o.GetType().GetProperties().OrderBy(p => p.Name).Select(p =>
            {
                object v = p.GetValue(o);
                return p.Name + "=" + (v is int[] arr ? "[" + string.Join(",", arr) + "]" : v is float f ? f.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : v?.ToString() ?? "null");
            })) + "}";
        }

        private static void Tensors(List<string> d, string p, Tensor a, Tensor b)
        {
            Eq(d, p + ".name", a.Name, b.Name);
            Eq(d, p + ".type", a.Type, b.Type);
            Seq(d, p + ".shape", a.Shape, b.Shape);
            Eq(d, p + ".buffer", a.Buffer, b.Buffer);
            Eq(d, p + ".is_variable", a.IsVariable, b.IsVariable);
            Eq(d, p + ".quantization.present", a.Quantization != null, b.Quantization != null);
            if (a.Quantization != null && b.Quantization != null)
            {
                Seq(d, p + ".scale", a.Quantization.Scale, b.Quantization.Scale);
                Seq(d, p + ".zero_point", a.Quantization.ZeroPoint, b.Quantization.ZeroPoint);
                Seq(d, p + ".min", a.Quantization.Min, b.Quantization.Min);
                Seq(d, p + ".max", a.Quantization.Max, b.Quantization.Max);
                Eq(d, p + ".quantized_dimension", a.Quantization.QuantizedDimension, b.Quantization.QuantizedDimension);
            }
        }

        private static void Eq<T>(List<string> d, string path, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                d.Add($"{path}: {a} != {b}");
            }
        }

        private static void Seq<T>(List<string> d, string path, T[] a, T[] b)
        {
            if (!(a ?? new T[0]).SequenceEqual(b ?? new T[0]))
            {
                d.Add($"{path}: [{string.Join(",", (a ?? new T[0]).Take(8))}...] != [{string.Join(",", (b ?? new T[0]).Take(8))}...]");
            }
        }
    }
}

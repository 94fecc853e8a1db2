using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Format
{
    /// <summary>Everything read from micro_speech_quantized.tflite matches the facts the real TFLM dumped.</summary>
    public class GoldenModelFactsTests
    {
        private static JsonElement Facts()
        {
            string path = SharedData.Require("golden/micro_speech/model_facts.json");
            return JsonDocument.Parse(System.IO.File.ReadAllText(path)).RootElement;
        }

        private static TfliteModel Model() => TfliteModel.Load(SharedData.Require(TestModels.MicroSpeech));

        [Fact]
        public void HeaderMatches()
        {
            JsonElement facts = Facts();
            TfliteModel m = Model();
            Assert.Equal(facts.GetProperty("schema_version").GetUInt32(), m.Version);
            Assert.Equal(facts.GetProperty("description").GetString(), m.Description);
            Assert.Single(m.Subgraphs);
            Assert.Equal(Ints(facts.GetProperty("inputs")), m.MainSubgraph.Inputs);
            Assert.Equal(Ints(facts.GetProperty("outputs")), m.MainSubgraph.Outputs);
            Assert.Equal(facts.GetProperty("model_bytes").GetInt32(), TestModels.MicroSpeechBytes().Length);
        }

        [Fact]
        public void EveryTensorMatches()
        {
            JsonElement facts = Facts();
            TfliteModel m = Model();
            JsonElement[] tensors = facts.GetProperty("tensors").EnumerateArray().ToArray();
            Assert.Equal(tensors.Length, m.MainSubgraph.Tensors.Count);
            foreach (JsonElement jt in tensors)
            {
                int index = jt.GetProperty("index").GetInt32();
                Tensor t = m.MainSubgraph.Tensors[index];
                string at = $"tensor {index}";
                Assert.True(jt.GetProperty("name").GetString() == t.Name, at + " name");
                Assert.True(jt.GetProperty("type").GetString() == TfliteEnums.Name(t.Type), at + " type");
                Assert.Equal(Ints(jt.GetProperty("shape")), t.Shape);
                Assert.Equal(jt.GetProperty("buffer").GetInt32(), t.Buffer);
                Assert.Equal(jt.GetProperty("is_variable").GetBoolean(), t.IsVariable);
                Assert.True(jt.GetProperty("is_constant").GetBoolean() == ModelValidator.IsConstant(m, t), at + " constant");

                JsonElement jq = jt.GetProperty("quantization");
                if (jq.ValueKind == JsonValueKind.Null)
                {
                    Assert.True(t.Quantization == null || t.Quantization.Scale.Length == 0, at + " has no quantization");
                }
                else
                {
                    Assert.NotNull(t.Quantization);
                    Assert.Equal(Floats(jq.GetProperty("scale")), t.Quantization.Scale);
                    Assert.Equal(jq.GetProperty("zero_point").EnumerateArray().Select(e => e.GetInt64()).ToArray(), t.Quantization.ZeroPoint);
                    Assert.Equal(jq.GetProperty("quantized_dimension").GetInt32(), t.Quantization.QuantizedDimension);
                    Assert.Equal(jq.TryGetProperty("min", out JsonElement min) ? Floats(min) : new float[0], t.Quantization.Min);
                    Assert.Equal(jq.TryGetProperty("max", out JsonElement max) ? Floats(max) : new float[0], t.Quantization.Max);
                }

                if (jt.TryGetProperty("data", out JsonElement data))
                {
                    long[] expected = data.EnumerateArray().Select(e => e.GetInt64()).ToArray();
                    Assert.Equal(expected, Decode(t, m.Buffers[t.Buffer].Data));
                }
            }
        }

        [Fact]
        public void EveryOperatorMatches()
        {
            JsonElement facts = Facts();
            TfliteModel m = Model();
            JsonElement[] ops = facts.GetProperty("operators").EnumerateArray().ToArray();
            Assert.Equal(ops.Length, m.MainSubgraph.Operators.Count);
            foreach (JsonElement jo in ops)
            {
                int index = jo.GetProperty("index").GetInt32();
                Operator op = m.MainSubgraph.Operators[index];
                OperatorCode code = m.OperatorCodes[op.OpcodeIndex];
                Assert.Equal(jo.GetProperty("opcode_index").GetInt32(), op.OpcodeIndex);
                Assert.Equal(jo.GetProperty("builtin_code").GetString(), TfliteEnums.Name(code.BuiltinCode));
                Assert.Equal(jo.GetProperty("deprecated_builtin_code").GetInt32(), code.DeprecatedBuiltinCode);
                Assert.Equal(jo.GetProperty("builtin_code_field").GetInt32(), code.BuiltinCodeField);
                Assert.Equal(jo.GetProperty("version").GetInt32(), code.Version);
                Assert.Equal(Ints(jo.GetProperty("inputs")), op.Inputs);
                Assert.Equal(Ints(jo.GetProperty("outputs")), op.Outputs);
                Assert.Equal(jo.GetProperty("builtin_options_type").GetString(), op.Options.GetType().Name);

                Dictionary<string, string> ours = OptionValues(op.Options);
                foreach (JsonProperty p in jo.GetProperty("builtin_options").EnumerateObject())
                {
                    Assert.True(ours.ContainsKey(p.Name), $"operator {index}: option {p.Name} not read");
                    string expected = p.Value.ValueKind == JsonValueKind.Array
                        ? string.Join(",", p.Value.EnumerateArray().Select(e => e.GetInt32()))
                        : p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture)
                        : p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                    Assert.True(expected == ours[p.Name], $"operator {index} option {p.Name}: expected {expected}, read {ours[p.Name]}");
                }
            }
        }

        [Fact]
        public void OpcodesAreStoredOnlyInTheDeprecatedField()
        {
            // The note in model_facts.json: builtin_code absent (0), real code = max of the two.
            TfliteModel m = Model();
            Assert.Equal(new[] { 4, 9, 22, 25 }, m.OperatorCodes.Select(c => (int)c.DeprecatedBuiltinCode).OrderBy(c => c).ToArray());
            Assert.All(m.OperatorCodes, c => Assert.Equal(0, c.BuiltinCodeField));
        }

        internal static long[] Decode(Tensor t, byte[] data)
        {
            if (t.Type == TensorType.Int8)
            {
                return data.Select(b => (long)(sbyte)b).ToArray();
            }

            Assert.Equal(TensorType.Int32, t.Type);
            return Enumerable.Range(0, data.Length / 4).Select(i => (long)BitConverter.ToInt32(data, i * 4)).ToArray();
        }

        /// <summary>Our options as schema field name → value text, enum values in the schema's spelling.</summary>
        private static Dictionary<string, string> OptionValues(BuiltinOptions o)
        {
            var d = new Dictionary<string, string>();
            foreach (var p in o.GetType().GetProperties().Where(p => p.Name != nameof(BuiltinOptions.OptionsType)))
            {
                object v = p.GetValue(o);
                string text = v switch
                {
                    int[] a => string.Join(",", a),
                    float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
                    int i => ((double)i).ToString("R", CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    Enum e => Snake(e.ToString()),
                    _ => v?.ToString(),
                };
                d[Snake(p.Name).ToLowerInvariant()] = text;
            }

            return d;
        }

        private static string Snake(string pascal)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < pascal.Length; i++)
            {
                bool wordStart = i > 0 && char.IsUpper(pascal[i]) && (!char.IsUpper(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1])));
                if (wordStart)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToUpperInvariant(pascal[i]));
            }

            return sb.ToString();
        }

        private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

        private static float[] Floats(JsonElement e) => e.EnumerateArray().Select(x => float.Parse(x.GetRawText(), CultureInfo.InvariantCulture)).ToArray();
    }
}

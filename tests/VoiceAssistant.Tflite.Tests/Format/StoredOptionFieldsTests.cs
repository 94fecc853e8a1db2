using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Google.FlatBuffers;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Format
{
    /// <summary>
    /// The writer stores exactly the option fields the reference converter stored (the rest are schema
    /// defaults), per model_facts.json's builtin_options_fields_present_in_flatbuffer. The raw tables are
    /// walked with the flatbuffer runtime, not with TfliteReader.
    /// </summary>
    public class StoredOptionFieldsTests
    {
        // Field names in schema declaration order (field id = position).
        private static readonly Dictionary<string, string[]> FieldOrder = new Dictionary<string, string[]>
        {
            ["ReshapeOptions"] = new[] { "new_shape" },
            ["DepthwiseConv2DOptions"] = new[] { "padding", "stride_w", "stride_h", "depth_multiplier", "fused_activation_function", "dilation_w_factor", "dilation_h_factor" },
            ["FullyConnectedOptions"] = new[] { "fused_activation_function", "weights_format", "keep_num_dims", "asymmetric_quantize_inputs", "quantized_bias_type" },
            ["SoftmaxOptions"] = new[] { "beta" },
        };

        [Fact]
        public void RewrittenMicroSpeechStoresTheSameOptionFields()
        {
            string factsPath = SharedData.Require("golden/micro_speech/model_facts.json");
            JsonElement facts = JsonDocument.Parse(System.IO.File.ReadAllText(factsPath)).RootElement;
            byte[] bytes = TfliteWriter.Write(TfliteReader.Read(TestModels.MicroSpeechBytes()));
            List<(string Type, string[] Present)> written = StoredFields(bytes);
            JsonElement[] ops = facts.GetProperty("operators").EnumerateArray().ToArray();
            Assert.Equal(ops.Length, written.Count);
            for (int i = 0; i < ops.Length; i++)
            {
                string type = ops[i].GetProperty("builtin_options_type").GetString();
                Assert.Equal(type, written[i].Type);
                string[] expected = ops[i].GetProperty("builtin_options_fields_present_in_flatbuffer").EnumerateArray().Select(e => e.GetString()).OrderBy(x => x).ToArray();
                Assert.Equal(expected, written[i].Present.OrderBy(x => x).ToArray());
            }
        }

        private static List<(string, string[])> StoredFields(byte[] bytes)
        {
            var bb = new ByteBuffer(bytes);
            var root = new Table(bb.GetInt(0), bb);
            int subgraphs = root.__vector(root.__offset(4 + (2 * 2)));
            var graph = new Table(root.__indirect(subgraphs), bb);
            int operators = graph.__vector(graph.__offset(4 + (2 * 3)));
            int count = bb.GetInt(operators - 4);
            var result = new List<(string, string[])>();
            for (int i = 0; i < count; i++)
            {
                var op = new Table(graph.__indirect(operators + (4 * i)), bb);
                byte unionType = bb.Get(op.bb_pos + op.__offset(4 + (2 * 3)));
                string type = ((BuiltinOptionsType)unionType).ToString();
                var options = new Table(op.__indirect(op.bb_pos + op.__offset(4 + (2 * 4))), bb);
                string[] names = FieldOrder[type];
                result.Add((type, Enumerable.Range(0, names.Length).Where(id => options.__offset(4 + (2 * id)) != 0).Select(id => names[id]).ToArray()));
            }

            return result;
        }
    }
}

using System.Linq;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Format
{
    public class ModelInspectorTests
    {
        [Fact]
        public void MicroSpeechParameterCountIsWeightsPlusBiases()
        {
            // 1·10·8·8 depthwise weights + 8 biases + 4·4000 FC weights + 4 biases, by hand from the shapes.
            ModelSummary s = ModelInspector.Summarize(TfliteModel.Parse(TestModels.MicroSpeechBytes()));
            Assert.Equal((10 * 8 * 8) + 8 + (4 * 4000) + 4, s.ParameterCount);
            Assert.Equal(16652, s.ParameterCount);
            Assert.Equal(10, s.TensorCount);
            Assert.Equal(4, s.OperatorCount);

            // Constants: the above in bytes (int32 biases are 4 bytes) plus the 4-int32 reshape shape.
            Assert.Equal(640 + (8 * 4) + 16000 + (4 * 4) + (4 * 4), s.ConstantBytes);

            // Activations: 1960 (input) + 1960 (reshaped) + 4000 (relu) + 4 + 4.
            Assert.Equal(1960 + 1960 + 4000 + 4 + 4, s.ActivationBytes);
        }

        [Fact]
        public void MicroSpeechArenaPlanByHand()
        {
            // Lifetimes: t3 [0,0], t4 [0,1], t2 [1,2], t6 [2,3], t9 [3,3]. Largest first: t2 @0; t3 @0 (disjoint
            // from t2); t4 overlaps both → @4000; t6 overlaps t2 → @4000; t9 overlaps t6 only → @0. End = 5960.
            MemoryPlan plan = ModelInspector.PlanMemory(TfliteModel.Parse(TestModels.MicroSpeechBytes()));
            Assert.Equal(5960, plan.ArenaBytes);
            Assert.Equal(new[] { -1, -1, 0, 0, 4000, -1, 4000, -1, -1, 0 }, plan.Offsets);
        }

        [Fact]
        public void PlanNeverOverlapsLiveTensors()
        {
            TfliteModel m = TestModels.Tiny();
            MemoryPlan plan = ModelInspector.PlanMemory(m);
            SubGraph g = m.MainSubgraph;

            // Each operator's inputs and output are live together: their arena ranges must be disjoint.
            foreach (Operator op in g.Operators)
            {
                var live = op.Inputs.Concat(op.Outputs).Where(i => i >= 0 && plan.Offsets[i] >= 0).Distinct().ToArray();
                foreach (int a in live)
                {
                    foreach (int b in live.Where(b => b != a))
                    {
                        long aEnd = plan.Offsets[a] + g.Tensors[a].ElementCount, bEnd = plan.Offsets[b] + g.Tensors[b].ElementCount;
                        Assert.True(aEnd <= plan.Offsets[b] || bEnd <= plan.Offsets[a], $"tensors {a} and {b} overlap");
                    }
                }
            }

            Assert.All(plan.Offsets.Where(o => o >= 0), o => Assert.Equal(0, o % MemoryPlan.Alignment));
        }

        [Fact]
        public void RenderListsOperatorsTensorsAndFigures()
        {
            string text = ModelInspector.Render(TestModels.Tiny(), 1234);
            Assert.Contains("1,234 bytes", text);
            Assert.Contains("[0] CONV_2D (v3)  padding=Valid stride=1x1 dilation=1x1 activation=Relu6", text);
            Assert.Contains("MAX_POOL_2D", text);
            Assert.Contains("AVERAGE_POOL_2D", text);
            Assert.Contains("q: per-channel dim 3, 8 scales", text);
            Assert.Contains("Parameters: " + ((4 * 3 * 3 * 2) + 4 + (3 * 3 * 8) + 8 + (3 * 8) + 3).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), text);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using VoiceAssistant.TestSupport;
using VoiceAssistant.Tflite.Kernels;
using FcKernel = VoiceAssistant.Tflite.Kernels.FullyConnected;
using SoftmaxKernel = VoiceAssistant.Tflite.Kernels.Softmax;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Kernels
{
    /// <summary>Bit-exact comparisons with the real TFLM reference kernels' dumps in shared/golden/micro_speech.</summary>
    public class MicroSpeechGoldenTests
    {
        private const int CaseCount = 74;

        private static readonly Lazy<MicroSpeechModel> ModelCache = new Lazy<MicroSpeechModel>(() => MicroSpeechModel.Load(SharedData.Require("golden/micro_speech/model_facts.json")));
        private static readonly Lazy<IReadOnlyList<MicroSpeechCase>> CasesCache = new Lazy<IReadOnlyList<MicroSpeechCase>>(() => MicroSpeechModel.LoadCases(SharedData.Require("golden/micro_speech/cases.json")));

        public static TheoryData<int> CaseIndices()
        {
            var data = new TheoryData<int>();
            for (int i = 0; i < CaseCount; i++)
            {
                data.Add(i);
            }

            return data;
        }

        private static MicroSpeechModel Model
        {
            get
            {
                SharedData.Require("golden/micro_speech/model_facts.json");
                return ModelCache.Value;
            }
        }

        private static MicroSpeechCase Case(int index)
        {
            SharedData.Require("golden/micro_speech/cases.json");
            Assert.Equal(CaseCount, CasesCache.Value.Count);
            return CasesCache.Value[index];
        }

        [Fact]
        public void DepthwisePrepareMatchesTflmOpData()
        {
            MicroSpeechModel m = Model;
            JsonElement golden = KernelPrepareParams(m, "DEPTHWISE_CONV_2D");
            Assert.Equal(MicroSpeechModel.Ints(golden.GetProperty("per_channel_output_multiplier")), m.Depthwise.OutputMultiplier);
            Assert.Equal(MicroSpeechModel.Ints(golden.GetProperty("per_channel_output_shift")), m.Depthwise.OutputShift);
            JsonElement pad = golden.GetProperty("padding");
            Assert.Equal(pad.GetProperty("width").GetInt32(), m.Depthwise.Padding.Width);
            Assert.Equal(pad.GetProperty("height").GetInt32(), m.Depthwise.Padding.Height);
            Assert.Equal(pad.GetProperty("width_offset").GetInt32(), m.Depthwise.Padding.WidthOffset);
            Assert.Equal(pad.GetProperty("height_offset").GetInt32(), m.Depthwise.Padding.HeightOffset);
            Assert.Equal(-golden.GetProperty("input_zero_point").GetInt32(), m.Depthwise.InputOffset);
            Assert.Equal(golden.GetProperty("output_zero_point").GetInt32(), m.Depthwise.OutputOffset);
            Assert.Equal(golden.GetProperty("output_activation_min").GetInt32(), m.Depthwise.Activation.Min);
            Assert.Equal(golden.GetProperty("output_activation_max").GetInt32(), m.Depthwise.Activation.Max);
            Assert.Equal(new Shape4(1, 25, 20, 8), m.Depthwise.Output);

            // The brief's literal values, so a wrong facts file cannot make this vacuous.
            Assert.Equal(new[] { 1653229999, 1516545207, 2000799311, 1159928266, 1498403863, 1285645282, 2146175029, 1756589032 }, m.Depthwise.OutputMultiplier);
            Assert.Equal(new[] { -10, -12, -10, -10, -10, -10, -10, -10 }, m.Depthwise.OutputShift);
            Assert.Equal(new PaddingValues(3, 4, 0, 1), m.Depthwise.Padding);
        }

        [Fact]
        public void FullyConnectedPrepareMatchesTflmOpData()
        {
            MicroSpeechModel m = Model;
            JsonElement golden = KernelPrepareParams(m, "FULLY_CONNECTED");
            Assert.False(m.FullyConnected.IsPerChannel);
            Assert.Equal(golden.GetProperty("output_multiplier").GetInt32(), m.FullyConnected.OutputMultiplier);
            Assert.Equal(golden.GetProperty("output_shift").GetInt32(), m.FullyConnected.OutputShift);
            Assert.Equal(1932201031, m.FullyConnected.OutputMultiplier);
            Assert.Equal(-11, m.FullyConnected.OutputShift);
            Assert.Equal(golden.GetProperty("output_zero_point").GetInt32(), m.FullyConnected.OutputOffset);
            Assert.Equal(-golden.GetProperty("input_zero_point").GetInt32(), m.FullyConnected.InputOffset);
            Assert.Equal(golden.GetProperty("output_activation_min").GetInt32(), m.FullyConnected.Activation.Min);
            Assert.Equal(golden.GetProperty("output_activation_max").GetInt32(), m.FullyConnected.Activation.Max);
            Assert.Equal(4000, m.FullyConnected.AccumDepth);
            Assert.Equal(4, m.FullyConnected.OutputDepth);
            Assert.Equal(1, m.FullyConnected.Batches);
        }

        [Fact]
        public void SoftmaxPrepareMatchesTflmOpData()
        {
            MicroSpeechModel m = Model;
            JsonElement golden = KernelPrepareParams(m, "SOFTMAX");
            Assert.Equal(golden.GetProperty("input_multiplier").GetInt32(), m.Softmax.InputMultiplier);
            Assert.Equal(golden.GetProperty("input_left_shift").GetInt32(), m.Softmax.InputLeftShift);
            Assert.Equal(golden.GetProperty("diff_min").GetInt32(), m.Softmax.DiffMin);
            Assert.Equal(1575942400, m.Softmax.InputMultiplier);
            Assert.Equal(23, m.Softmax.InputLeftShift);
            Assert.Equal(-248, m.Softmax.DiffMin);
        }

        [Fact]
        public void ReshapeResolvesTheModelShape()
        {
            JsonElement op = Model.Facts.GetProperty("operators").EnumerateArray().Single(o => o.GetProperty("builtin_code").GetString() == "RESHAPE");
            int[] newShape = MicroSpeechModel.Ints(op.GetProperty("builtin_options").GetProperty("new_shape"));
            Assert.Equal(new[] { 1, 49, 40, 1 }, Reshape.ResolveShape(1960, newShape));
        }

        [Theory]
        [MemberData(nameof(CaseIndices))]
        public void DepthwiseReferenceIsBitExact(int index)
        {
            MicroSpeechCase c = Case(index);
            var output = new sbyte[4000];
            DepthwiseConv2D.EvalReference(Model.Depthwise, c.Input, Model.DepthwiseFilter, Model.DepthwiseBias, output);
            Assert.Equal(c.Depthwise, output);
        }

        [Theory]
        [MemberData(nameof(CaseIndices))]
        public void DepthwiseFastIsBitExact(int index)
        {
            MicroSpeechCase c = Case(index);
            var output = new sbyte[4000];
            DepthwiseConv2D.EvalFast(Model.Depthwise, c.Input, Model.DepthwiseFilter, Model.DepthwiseBias, output, new int[Model.ScratchLength]);
            Assert.Equal(c.Depthwise, output);
        }

        [Theory]
        [MemberData(nameof(CaseIndices))]
        public void FullyConnectedReferenceAndFastAreBitExact(int index)
        {
            MicroSpeechCase c = Case(index);
            var reference = new sbyte[4];
            var fast = new sbyte[4];
            FcKernel.EvalReference(Model.FullyConnected, c.Depthwise, Model.FullyConnectedFilter, Model.FullyConnectedBias, reference);
            FcKernel.EvalFast(Model.FullyConnected, c.Depthwise, Model.FullyConnectedFilter, Model.FullyConnectedBias, fast);
            Assert.Equal(c.Logits, reference);
            Assert.Equal(c.Logits, fast);
        }

        [Theory]
        [MemberData(nameof(CaseIndices))]
        public void SoftmaxIsBitExact(int index)
        {
            MicroSpeechCase c = Case(index);
            var output = new sbyte[4];
            SoftmaxKernel.Eval(Model.Softmax, c.Logits, output, Model.SoftmaxOuter, Model.SoftmaxDepth);
            Assert.Equal(c.Output, output);
        }

        [Theory]
        [MemberData(nameof(CaseIndices))]
        public void WholeChainIsBitExact(int index)
        {
            MicroSpeechCase c = Case(index);
            MicroSpeechModel m = Model;
            var reshaped = new sbyte[1960];
            var dw = new sbyte[4000];
            var logits = new sbyte[4];
            var output = new sbyte[4];
            m.RunFast(c.Input, reshaped, dw, logits, output, new int[m.ScratchLength]);
            Assert.Equal(c.Input, reshaped);
            Assert.Equal(c.Depthwise, dw);
            Assert.Equal(c.Logits, logits);
            Assert.Equal(c.Output, output);

            var refDw = new sbyte[4000];
            var refLogits = new sbyte[4];
            var refOutput = new sbyte[4];
            m.RunReference(c.Input, refDw, refLogits, refOutput);
            Assert.Equal(c.Output, refOutput);
        }

        [Fact]
        public void FastChainAllocatesNothing()
        {
            MicroSpeechModel m = Model;
            MicroSpeechCase c = Case(0);
            var reshaped = new sbyte[1960];
            var dw = new sbyte[4000];
            var logits = new sbyte[4];
            var output = new sbyte[4];
            var scratch = new int[m.ScratchLength];
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                for (int i = 0; i < 10; i++)
                {
                    m.RunFast(c.Input, reshaped, dw, logits, output, scratch);
                }
            }));
        }

        private static JsonElement KernelPrepareParams(MicroSpeechModel m, string code)
            => m.Facts.GetProperty("kernel_prepare_params").GetProperty("operators").EnumerateArray().Single(o => o.GetProperty("builtin_code").GetString() == code);
    }
}

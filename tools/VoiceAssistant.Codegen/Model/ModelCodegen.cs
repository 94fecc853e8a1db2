using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Export;
using VoiceAssistant.Tflite;

namespace VoiceAssistant.Codegen.Model
{
    /// <summary>
    /// The <c>model</c> target: a .tflite plus its manifest → the managed app's model source (bytes + <see cref="ModelInfo"/>)
    /// and the native header with the constants the TFLM host checks at compile time.
    /// </summary>
    /// <remarks>
    /// The model bytes go into the managed app only, not into the firmware image: the app checks and loads them
    /// through <c>NativeLoadModel</c> (which copies them into native memory), so a retrained model or new words need
    /// only a redeploy of the managed app, never a firmware rebuild. The header carries shapes and an arena hint.
    /// </remarks>
    public static class ModelCodegen
    {
        /// <summary>Repository-relative path of the generated C# model source.</summary>
        public const string CSharpPath = "firmware/VoiceAssistant/Generated/ShippedModel.g.cs";

        /// <summary>Repository-relative path of the generated C++ header.</summary>
        public const string CppPath = "native-interop/tflm/generated/shipped_model.h";

        /// <summary>Namespace of the generated C# class (the managed app's).</summary>
        public const string CSharpNamespace = "VoiceAssistant.App";

        /// <summary>Bytes added to the planned activation memory for TFLM's own bookkeeping in the arena hint.</summary>
        public const int ArenaBookkeepingBytes = 4096;

        /// <summary>Operators the TFLM host registers (native-interop/tflm); any other makes the model unusable there.</summary>
        public static readonly BuiltinOperator[] SupportedOperators =
        {
            BuiltinOperator.Reshape, BuiltinOperator.DepthwiseConv2D, BuiltinOperator.FullyConnected, BuiltinOperator.Softmax,
            BuiltinOperator.Conv2D, BuiltinOperator.AveragePool2D, BuiltinOperator.MaxPool2D,
        };

        /// <summary>Checks the model against the manifest and the settings and builds its <see cref="ModelInfo"/>.</summary>
        /// <param name="tflite">Model bytes.</param>
        /// <param name="manifest">Its manifest.</param>
        /// <exception cref="InvalidDataException">Model, manifest and settings disagree (message names the first problem).</exception>
        public static ModelInfo Describe(byte[] tflite, ModelManifest manifest)
        {
            ArgumentNullException.ThrowIfNull(tflite);
            ArgumentNullException.ThrowIfNull(manifest);
            TfliteModel model;
            try
            {
                model = TfliteModel.Parse(tflite);
            }
            catch (ModelException e)
            {
                throw new InvalidDataException("model: " + e.Message, e);
            }

            foreach (OperatorCode code in model.OperatorCodes)
            {
                if (Array.IndexOf(SupportedOperators, code.BuiltinCode) < 0)
                {
                    throw new InvalidDataException("model: operator " + code.BuiltinCode + " is not registered by the TFLM host");
                }
            }

            SubGraph graph = model.MainSubgraph;
            if (graph.Inputs.Length != 1 || graph.Outputs.Length != 1)
            {
                throw new InvalidDataException("model: needs exactly one input and one output tensor");
            }

            Tensor input = graph.Tensors[graph.Inputs[0]];
            Tensor output = graph.Tensors[graph.Outputs[0]];
            if (input.Type != TensorType.Int8 || output.Type != TensorType.Int8)
            {
                throw new InvalidDataException("model: input and output must be int8");
            }

            int windowFeatures = manifest.Features.Frames * manifest.Features.Coefficients;
            if (input.ElementCount != windowFeatures)
            {
                throw new InvalidDataException("model: input has " + input.ElementCount + " elements but the manifest's window is "
                    + manifest.Features.Frames + "×" + manifest.Features.Coefficients + " = " + windowFeatures);
            }

            if (output.ElementCount != manifest.Labels.Length)
            {
                throw new InvalidDataException("model: output has " + output.ElementCount + " scores but the manifest lists "
                    + manifest.Labels.Length + " labels");
            }

            float scale = input.Quantization.Scale[0];
            int zeroPoint = (int)input.Quantization.ZeroPoint[0];
            if (BitConverter.SingleToInt32Bits(manifest.Input.Scale) != BitConverter.SingleToInt32Bits(scale))
            {
                throw new InvalidDataException("manifest: input scale " + manifest.Input.Scale.ToString("R", CultureInfo.InvariantCulture)
                    + " differs from the model's " + scale.ToString("R", CultureInfo.InvariantCulture));
            }

            if (manifest.Input.ZeroPoint != zeroPoint)
            {
                throw new InvalidDataException("manifest: input zero point " + manifest.Input.ZeroPoint + " differs from the model's " + zeroPoint);
            }

            var info = new ModelInfo
            {
                Labels = (string[])manifest.Labels.Clone(),
                FeatureVersion = manifest.FeatureVersion,
                SampleRate = manifest.Features.SampleRate,
                WindowSamples = manifest.Features.WindowSamples,
                HopSamples = manifest.Features.HopSamples,
                CoefficientCount = manifest.Features.Coefficients,
                WindowFrames = manifest.Features.Frames,
                InputScale = scale,
                InputZeroPoint = zeroPoint,
                DetectionThreshold = manifest.Recognizer.DetectionThreshold,
                AverageWindowMs = manifest.Recognizer.AverageWindowMs,
                SuppressionMs = manifest.Recognizer.SuppressionMs,
                MinimumResultCount = manifest.Recognizer.MinimumResultCount,
                ArenaBytes = manifest.ArenaBytes ?? EstimateArenaBytes(model),
                ModelSha256 = Sha256Hex(tflite),
                ModelLength = tflite.Length,
            };

            // Same check the firmware runs before loading: fail here, at generation time, first.
            string problem = ModelCompatibility.Check(info, new AssistantSettings(), tflite);
            if (problem != null)
            {
                throw new InvalidDataException("model incompatible with AssistantSettings: " + problem);
            }

            return info;
        }

        /// <summary>Builds both generated files in memory (deterministic, '\n' line endings).</summary>
        /// <param name="tflite">Model bytes.</param>
        /// <param name="manifest">Its manifest.</param>
        public static IReadOnlyList<GeneratedFile> Generate(byte[] tflite, ModelManifest manifest)
        {
            ModelInfo info = Describe(tflite, manifest);
            TfliteModel model = TfliteModel.Parse(tflite);
            Tensor output = model.MainSubgraph.Tensors[model.MainSubgraph.Outputs[0]];
            string[] banner = Banner(info);

            string cs = CSharpEmitter.EmitClass(banner, CSharpNamespace, "ShippedModel",
                "The shipped keyword model: its .tflite bytes and what it expects (checked by ModelCompatibility before loading).",
                false, Array.Empty<GeneratedConstant>(),
                new[] { GeneratedTable.Bytes("Bytes", "The .tflite flatbuffer, copied into native memory by LoadModel", tflite) },
                w => EmitCreateInfo(w, info), new[] { "VoiceAssistant.Core.Model" });

            var constants = new[]
            {
                new GeneratedConstant("ModelLength", "Bytes of the shipped .tflite (the model itself is deployed with the managed app)", info.ModelLength),
                new GeneratedConstant("ArenaBytesHint", "Tensor-arena bytes the app requests (measured, or planned activations + bookkeeping)", info.ArenaBytes),
                new GeneratedConstant("InputElements", "Int8 elements of the model input (the kernel's window)", info.WindowFrames * info.CoefficientCount),
                new GeneratedConstant("OutputElements", "Int8 scores of the model output", (int)output.ElementCount),
                new GeneratedConstant("LabelCount", "Labels of the model", info.Labels.Length),
                new GeneratedConstant("FeatureVersion", "Feature version the model was trained with", info.FeatureVersion),
                new GeneratedConstant("InputScale", "Input quantisation scale", info.InputScale),
                new GeneratedConstant("InputZeroPoint", "Input quantisation zero point", info.InputZeroPoint),
                new GeneratedConstant("OutputScale", "Output quantisation scale", output.Quantization.Scale[0]),
                new GeneratedConstant("OutputZeroPoint", "Output quantisation zero point", (int)output.Quantization.ZeroPoint[0]),
                new GeneratedConstant("OperatorCount", "Operators in the graph", model.MainSubgraph.Operators.Count),
            };
            string cpp = CppEmitter.EmitHeader(banner, "voice_assistant::tflm::shipped_model", constants, Array.Empty<GeneratedTable>());
            return new[] { new GeneratedFile(CSharpPath, cs), new GeneratedFile(CppPath, cpp) };
        }

        /// <summary>Planned activation bytes (greedy 16-byte-aligned plan) plus <see cref="ArenaBookkeepingBytes"/>, rounded up to 1 KiB.</summary>
        /// <param name="model">Parsed model.</param>
        public static int EstimateArenaBytes(TfliteModel model)
        {
            long bytes = ModelInspector.PlanMemory(model).ArenaBytes + ArenaBookkeepingBytes;
            return checked((int)((bytes + 1023) / 1024 * 1024));
        }

        /// <summary>Lower-case hex SHA-256.</summary>
        /// <param name="bytes">Data.</param>
        public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

        /// <summary>C# string literal (quotes and backslashes escaped; labels have no control characters).</summary>
        /// <param name="value">Text.</param>
        public static string CSharpString(string value)
        {
            var sb = new StringBuilder("\"");
            foreach (char c in value)
            {
                if (c == '"' || c == '\\')
                {
                    sb.Append('\\');
                }

                sb.Append(c);
            }

            return sb.Append('"').ToString();
        }

        private static string[] Banner(ModelInfo info) => new[]
        {
            "<auto-generated>",
            "Generated by tools/VoiceAssistant.Codegen: dotnet run --project tools/VoiceAssistant.Codegen -- model --manifest <model>.manifest.json",
            "Do not edit; regenerate from the model. sha256 " + info.ModelSha256 + ", " + info.ModelLength + " bytes, labels "
                + string.Join(" ", info.Labels) + ", featureVersion " + info.FeatureVersion + ".",
            "</auto-generated>",
        };

        private static void EmitCreateInfo(SourceWriter w, ModelInfo info)
        {
            w.Line("/// <summary>A new description of the shipped model.</summary>");
            w.Line("internal static ModelInfo CreateInfo()").Open();
            w.Line("return new ModelInfo").Open();
            w.Line("Labels = new string[] { " + string.Join(", ", info.Labels.Select(CSharpString)) + " },");
            w.Line("FeatureVersion = " + Literals.Int(info.FeatureVersion) + ",");
            w.Line("SampleRate = " + Literals.Int(info.SampleRate) + ",");
            w.Line("WindowSamples = " + Literals.Int(info.WindowSamples) + ",");
            w.Line("HopSamples = " + Literals.Int(info.HopSamples) + ",");
            w.Line("CoefficientCount = " + Literals.Int(info.CoefficientCount) + ",");
            w.Line("WindowFrames = " + Literals.Int(info.WindowFrames) + ",");
            w.Line("InputScale = " + Literals.CSharpFloat(info.InputScale) + ",");
            w.Line("InputZeroPoint = " + Literals.Int(info.InputZeroPoint) + ",");
            w.Line("DetectionThreshold = " + Literals.Int(info.DetectionThreshold) + ",");
            w.Line("AverageWindowMs = " + Literals.Int(info.AverageWindowMs) + ",");
            w.Line("SuppressionMs = " + Literals.Int(info.SuppressionMs) + ",");
            w.Line("MinimumResultCount = " + Literals.Int(info.MinimumResultCount) + ",");
            w.Line("ArenaBytes = " + Literals.Int(info.ArenaBytes) + ",");
            w.Line("ModelSha256 = " + CSharpString(info.ModelSha256) + ",");
            w.Line("ModelLength = " + Literals.Int(info.ModelLength) + ",");
            w.Close("};");
            w.Close();
        }
    }
}

using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using VoiceAssistant.Tflite;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary>
    /// <c>va run &lt;model.tflite&gt; --input features.bin | --input-json features.json [--labels a,b,c] [--reference]</c>:
    /// runs the model once with the C# int8 interpreter and prints each output's int8 score, dequantised value
    /// and label (or index when no labels are given).
    /// </summary>
    public sealed class RunCommand : ICliCommand
    {
        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var model = new Argument<FileInfo>("model") { Description = "Path of the .tflite model" };
            var input = new Option<FileInfo>("--input") { Description = "Input tensor as a raw file: one byte per element (int8, two's complement), exactly as many bytes as the model input has elements (1960 for a 49x40 window)" };
            var inputJson = new Option<FileInfo>("--input-json") { Description = "Input tensor as one flat JSON array of int8 values (integers -128..127), exactly as many as the model input has elements (1960 for a 49x40 window)" };
            var labels = new Option<string>("--labels") { Description = "Comma-separated labels in output order (indices are printed otherwise)" };
            var reference = new Option<bool>("--reference") { Description = "Use the straight reference kernels instead of the fast ones (same results)" };
            var command = new Command("run", "Run an int8 .tflite model once on an input tensor and print the scores.");
            command.Arguments.Add(model);
            command.Options.Add(input);
            command.Options.Add(inputJson);
            command.Options.Add(labels);
            command.Options.Add(reference);
            command.SetAction(r => Run(r.GetValue(model), r.GetValue(input), r.GetValue(inputJson), r.GetValue(labels), r.GetValue(reference), console));
            return command;
        }

        private static int Run(FileInfo modelFile, FileInfo inputFile, FileInfo jsonFile, string labelText, bool reference, CliConsole console)
        {
            if ((inputFile == null) == (jsonFile == null))
            {
                console.Error.WriteLine("error: give exactly one of --input <file.bin> or --input-json <file.json>");
                return ExitCodes.UsageOrIo;
            }

            if (modelFile == null || !modelFile.Exists)
            {
                console.Error.WriteLine($"error: model file '{modelFile?.FullName}' not found");
                return ExitCodes.UsageOrIo;
            }

            FileInfo data = inputFile ?? jsonFile;
            if (!data.Exists)
            {
                console.Error.WriteLine($"error: input file '{data.FullName}' not found");
                return ExitCodes.UsageOrIo;
            }

            TfliteInterpreter interpreter;
            try
            {
                interpreter = new TfliteInterpreter(TfliteModel.Load(modelFile.FullName), new InterpreterOptions { UseReferenceKernels = reference });
            }
            catch (ModelException e)
            {
                console.Error.WriteLine($"error: invalid model '{modelFile.Name}': {e.Message}");
                return ExitCodes.InvalidInput;
            }

            string[] labels = labelText?.Split(',', StringSplitOptions.TrimEntries);
            if (labels != null && labels.Length != interpreter.Output.ElementCount)
            {
                console.Error.WriteLine($"error: {labels.Length} labels given but the model has {interpreter.Output.ElementCount} outputs");
                return ExitCodes.UsageOrIo;
            }

            sbyte[] values;
            try
            {
                values = inputFile != null ? ReadBinary(inputFile) : ReadJson(jsonFile);
            }
            catch (InvalidDataException e)
            {
                console.Error.WriteLine($"error: invalid input '{data.Name}': {e.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (IOException e)
            {
                console.Error.WriteLine($"error: cannot read input '{data.Name}': {e.Message}");
                return ExitCodes.UsageOrIo;
            }

            if (values.Length != interpreter.Input.ElementCount)
            {
                console.Error.WriteLine($"error: invalid input '{data.Name}': {values.Length} values, but the model input {interpreter.Input} needs {interpreter.Input.ElementCount}");
                return ExitCodes.InvalidInput;
            }

            var scores = new sbyte[interpreter.Output.ElementCount];
            try
            {
                interpreter.Invoke(values, scores);
            }
            catch (ModelException e)
            {
                console.Error.WriteLine($"error: the model failed to run: {e.Message}");
                return ExitCodes.InvalidInput;
            }

            Print(console.Out, modelFile.Name, interpreter, scores, labels);
            return ExitCodes.Ok;
        }

        private static void Print(TextWriter o, string modelName, TfliteInterpreter interpreter, sbyte[] scores, string[] labels)
        {
            CultureInfo inv = CultureInfo.InvariantCulture;
            o.WriteLine($"Model: {modelName} ({(interpreter.UsesReferenceKernels ? "reference" : "fast")} kernels, arena {interpreter.ArenaBytes.ToString("N0", inv)} bytes)");
            o.WriteLine($"Input:  {interpreter.Input}");
            o.WriteLine($"Output: {interpreter.Output}");
            o.WriteLine();
            o.WriteLine(string.Format(inv, "{0,5}  {1,-16} {2,6}  {3,12}", "index", "label", "int8", "dequantised"));
            for (int i = 0; i < scores.Length; i++)
            {
                o.WriteLine(string.Format(inv, "{0,5}  {1,-16} {2,6}  {3,12:F6}", i, labels?[i] ?? "-", scores[i], interpreter.Output.Dequantize(scores[i])));
            }

            int top = TfliteInterpreter.ArgMax(scores);
            o.WriteLine();
            o.WriteLine(string.Format(inv, "Top: {0}{1} (int8 {2}, dequantised {3:F6}; ties go to the lowest index)", top, labels == null ? string.Empty : " " + labels[top], scores[top], interpreter.Output.Dequantize(scores[top])));
        }

        private static sbyte[] ReadBinary(FileInfo file)
        {
            if (file.Length > ModelValidator.MaxFileBytes)
            {
                throw new InvalidDataException($"{file.Length} bytes is more than any model input");
            }

            byte[] bytes = File.ReadAllBytes(file.FullName);
            var values = new sbyte[bytes.Length];
            Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
            return values;
        }

        private static sbyte[] ReadJson(FileInfo file)
        {
            if (file.Length > ModelValidator.MaxFileBytes)
            {
                throw new InvalidDataException($"{file.Length} bytes is too large");
            }

            try
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(file.FullName));
                if (doc.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidDataException("expected a JSON array of integers");
                }

                var values = new sbyte[doc.RootElement.GetArrayLength()];
                int i = 0;
                foreach (JsonElement e in doc.RootElement.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int v) || v < sbyte.MinValue || v > sbyte.MaxValue)
                    {
                        throw new InvalidDataException($"element {i} is {e.GetRawText()}, not an integer in [-128, 127]");
                    }

                    values[i++] = (sbyte)v;
                }

                return values;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException("not valid JSON: " + e.Message, e);
            }
        }
    }
}

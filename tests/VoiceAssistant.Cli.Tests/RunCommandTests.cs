using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Cli.Tests
{
    public sealed class RunCommandTests : IDisposable
    {
        private const string ModelPath = "models/tflm_micro_speech/micro_speech_quantized.tflite";
        private readonly string dir = Path.Combine(Path.GetTempPath(), $"va-run-test-{Guid.NewGuid():N}");

        public RunCommandTests()
        {
            Directory.CreateDirectory(dir);
        }

        public void Dispose() => Directory.Delete(dir, true);

        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = Program.Run(args, new CliConsole(o, e));
            return (code, o.ToString(), e.ToString());
        }

        /// <summary>Input and TFLM's output of golden case 0 (the yes clip's features).</summary>
        private static (sbyte[] Input, sbyte[] Output, int Argmax) GoldenCase()
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(SharedData.Require("golden/micro_speech/cases.json")));
            JsonElement c = doc.RootElement.GetProperty("cases")[0];
            sbyte[] Values(string name) => c.GetProperty(name).EnumerateArray().Select(x => (sbyte)x.GetInt32()).ToArray();
            return (Values("input"), Values("output"), c.GetProperty("argmax").GetInt32());
        }

        private string WriteBin(sbyte[] values)
        {
            string path = Path.Combine(dir, "features.bin");
            File.WriteAllBytes(path, values.Select(v => (byte)v).ToArray());
            return path;
        }

        [Fact]
        public void PrintsTflmsScoresForTheGoldenCase()
        {
            string model = SharedData.Require(ModelPath);
            var golden = GoldenCase();
            var (code, output, error) = Run("run", model, "--input", WriteBin(golden.Input));
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            string[] rows = output.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l.TrimStart()[0])).ToArray();
            Assert.Equal(4, rows.Length);
            for (int i = 0; i < 4; i++)
            {
                string[] cells = rows[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(i.ToString(), cells[0]);
                Assert.Equal(golden.Output[i].ToString(), cells[2]);
                Assert.Equal(((golden.Output[i] + 128) / 256.0).ToString("F6", System.Globalization.CultureInfo.InvariantCulture), cells[3]);
            }

            Assert.Contains($"Top: {golden.Argmax} ", output);
        }

        [Fact]
        public void JsonInputAndLabelsGiveTheSameScores()
        {
            string model = SharedData.Require(ModelPath);
            var golden = GoldenCase();
            string json = Path.Combine(dir, "features.json");
            File.WriteAllText(json, "[" + string.Join(",", golden.Input) + "]");
            var bin = Run("run", model, "--input", WriteBin(golden.Input));
            var js = Run("run", model, "--input-json", json, "--labels", "silence,unknown,yes,no", "--reference");
            Assert.Equal(0, js.Code);
            Assert.Contains("Top: 2 yes", js.Out);
            Assert.Contains("reference kernels", js.Out);
            string Scores(string text) => string.Join(";", text.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l.TrimStart()[0])).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2]));
            Assert.Equal(Scores(bin.Out), Scores(js.Out));
            Assert.Equal(string.Join(";", golden.Output), Scores(js.Out));
        }

        [Fact]
        public void WrongInputSizeIsExitCode1()
        {
            string model = SharedData.Require(ModelPath);
            var (code, output, error) = Run("run", model, "--input", WriteBin(new sbyte[1959]));
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("1959 values", error);
            Assert.Contains("1960", error);
            Assert.DoesNotContain("   at ", error);
        }

        [Fact]
        public void BadJsonIsExitCode1()
        {
            string model = SharedData.Require(ModelPath);
            string json = Path.Combine(dir, "bad.json");
            File.WriteAllText(json, "[1, 2, 300]");
            var (code, _, error) = Run("run", model, "--input-json", json);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("element 2 is 300", error);
            File.WriteAllText(json, "{not json");
            (code, _, error) = Run("run", model, "--input-json", json);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("not valid JSON", error);
            Assert.DoesNotContain("   at ", error);
        }

        [Fact]
        public void InvalidModelIsExitCode1()
        {
            string model = Path.Combine(dir, "bad.tflite");
            File.WriteAllBytes(model, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 });
            var (code, _, error) = Run("run", model, "--input", WriteBin(new sbyte[4]));
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("invalid model", error);
            Assert.DoesNotContain("   at ", error);
        }

        [Fact]
        public void UsageAndMissingFilesAreExitCode2()
        {
            string model = SharedData.Require(ModelPath);
            string bin = WriteBin(new sbyte[1960]);
            Assert.Equal(ExitCodes.UsageOrIo, Run("run", model).Code);
            Assert.Equal(ExitCodes.UsageOrIo, Run("run", model, "--input", bin, "--input-json", bin).Code);
            Assert.Equal(ExitCodes.UsageOrIo, Run("run").Code);
            var missingModel = Run("run", Path.Combine(dir, "none.tflite"), "--input", bin);
            Assert.Equal(ExitCodes.UsageOrIo, missingModel.Code);
            Assert.Contains("not found", missingModel.Err);
            var missingInput = Run("run", model, "--input", Path.Combine(dir, "none.bin"));
            Assert.Equal(ExitCodes.UsageOrIo, missingInput.Code);
            Assert.Contains("input file", missingInput.Err);
            var labels = Run("run", model, "--input", bin, "--labels", "a,b");
            Assert.Equal(ExitCodes.UsageOrIo, labels.Code);
            Assert.Contains("2 labels", labels.Err);
        }
    }
}

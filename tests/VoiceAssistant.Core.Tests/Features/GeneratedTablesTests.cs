using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Codegen.Features;
using VoiceAssistant.Core.Features;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Features
{
    public class GeneratedTablesTests
    {
        [Fact]
        public void CommittedFilesEqualAFreshGeneration()
        {
            foreach (GeneratedFile file in FeatureCodegen.Generate())
            {
                string path = RepoPaths.Of(file.RelativePath);
                Assert.True(File.Exists(path), path + " missing: run dotnet run --project tools/VoiceAssistant.Codegen -- tables");
                Assert.True(GeneratedFileWriter.Encode(file).AsSpan().SequenceEqual(File.ReadAllBytes(path)),
                    file.RelativePath + " is stale: run dotnet run --project tools/VoiceAssistant.Codegen -- tables");
            }
        }

        [Fact]
        public void CppTablesParseToTheSameFloatsAsTheCSharpTables()
        {
            string header = File.ReadAllText(RepoPaths.Of(FeatureCodegen.CppTablesPath));
            var expected = new Dictionary<string, float[]>
            {
                ["kFftTwiddleRe"] = FeatureTables.FftTwiddleRe,
                ["kFftTwiddleIm"] = FeatureTables.FftTwiddleIm,
                ["kSplitTwiddleRe"] = FeatureTables.SplitTwiddleRe,
                ["kSplitTwiddleIm"] = FeatureTables.SplitTwiddleIm,
                ["kHannWindow"] = FeatureTables.HannWindow,
                ["kMelWeights"] = FeatureTables.MelWeights,
                ["kDctMatrix"] = FeatureTables.DctMatrix,
            };
            foreach (KeyValuePair<string, float[]> e in expected)
            {
                Match m = Regex.Match(header, @"static const float " + e.Key + @"\[(\d+)\] = \{([^}]*)\};");
                Assert.True(m.Success, e.Key);
                string[] literals = m.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.Equal(e.Value.Length, literals.Length);
                for (int i = 0; i < literals.Length; i++)
                {
                    float parsed = float.Parse(literals[i].TrimEnd('f'), CultureInfo.InvariantCulture);
                    Assert.Equal(BitConverter.SingleToInt32Bits(e.Value[i]), BitConverter.SingleToInt32Bits(parsed));
                }
            }
        }

        [Fact]
        public void TablesMatchTheirFormulas()
        {
            for (int n = 0; n < 480; n++)
            {
                Close(0.5 - 0.5 * Math.Cos(2 * Math.PI * n / 480), FeatureTables.HannWindow[n]);
            }

            for (int j = 0; j < 128; j++)
            {
                Close(Math.Cos(2 * Math.PI * j / 256), FeatureTables.FftTwiddleRe[j]);
                Close(-Math.Sin(2 * Math.PI * j / 256), FeatureTables.FftTwiddleIm[j]);
            }

            for (int k = 0; k <= 256; k++)
            {
                Close(Math.Cos(2 * Math.PI * k / 512), FeatureTables.SplitTwiddleRe[k]);
                Close(-Math.Sin(2 * Math.PI * k / 512), FeatureTables.SplitTwiddleIm[k]);
            }

            for (int i = 0; i < 40; i++)
            {
                for (int j = 0; j < 40; j++)
                {
                    Close(Math.Sqrt(0.05) * Math.Cos(Math.PI * i * (j + 0.5) / 40), FeatureTables.DctMatrix[i * 40 + j]);
                }
            }

            for (int n = 0; n < 256; n++)
            {
                int rev = FeatureTables.BitReverse[n];
                Assert.Equal(n, FeatureTables.BitReverse[rev]);
                char[] bits = Convert.ToString(rev, 2).PadLeft(8, '0').ToCharArray();
                Array.Reverse(bits);
                Assert.Equal(Convert.ToString(n, 2).PadLeft(8, '0'), new string(bits));
            }
        }

        // Each entry is the double value rounded once to float: within half an ulp of a value in [-1, 1].
        private static void Close(double expected, float actual)
        {
            Assert.True(Math.Abs(expected - actual) <= 3.0e-8, $"{actual:R} vs {expected:R}");
        }

        [Fact]
        public void ConstantsHeaderCarriesEverySettingsConstant()
        {
            string header = File.ReadAllText(RepoPaths.Of(FeatureCodegen.CppConstantsPath));
            Assert.Contains("constexpr int32_t kFeatureVersion = 1;", header);
            Assert.Contains("constexpr int32_t kWindowFeatures = 1960;", header);
            Assert.Contains("constexpr float kSampleScale = 3.05175781E-05f;", header);
            Assert.Contains("constexpr float kUpperFrequencyHz = 4000.0f;", header);
            int fields = typeof(VoiceAssistant.Core.Settings.AssistantSettings).GetFields().Length;
            Assert.Equal(fields, Regex.Matches(header, "constexpr ").Count);
        }
    }
}

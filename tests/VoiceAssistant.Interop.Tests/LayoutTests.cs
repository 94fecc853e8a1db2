using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Interop.Tests
{
    /// <summary>
    /// The C# constants of the contract (config/info layouts, flags, status codes, sizes) equal the C++ ones:
    /// values read from the nanoFramework assembly's metadata, C++ values parsed from the native headers.
    /// </summary>
    public class LayoutTests
    {
        private static Dictionary<string, int> CppConstants(string relativePath)
        {
            string text = File.ReadAllText(RepoPaths.Of(relativePath));
            var result = new Dictionary<string, int>();
            foreach (Match m in Regex.Matches(text, @"\b(k\w+)\s*=\s*(-?\d+)"))
            {
                result[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            return result;
        }

        private static void AssertSame(string csType, string cppFile, string cppPrefix, params string[] managedOnly)
        {
            Dictionary<string, int> cs = InteropAssemblyModel.IntConstants(InteropAssemblyModel.AssemblyPath(), "VoiceAssistant.Interop." + csType);
            Dictionary<string, int> cpp = CppConstants(cppFile);
            Assert.NotEmpty(cs);
            foreach (KeyValuePair<string, int> c in cs)
            {
                if (System.Array.IndexOf(managedOnly, c.Key) >= 0)
                {
                    continue;
                }

                string cppName = cppPrefix + c.Key;
                Assert.True(cpp.ContainsKey(cppName), $"{csType}.{c.Key} has no C++ twin {cppName} in {cppFile}");
                Assert.True(cpp[cppName] == c.Value, $"{csType}.{c.Key} = {c.Value} but {cppName} = {cpp[cppName]}");
            }
        }

        [Fact]
        public void ConfigLayoutMatches()
        {
            AssertSame("ConfigLayout", "native-interop/engine/va_engine.h", "kCfg", "Length");
            Assert.Equal(CppConstants("native-interop/engine/va_engine.h")["kConfigLength"],
                InteropAssemblyModel.IntConstants(InteropAssemblyModel.AssemblyPath(), "VoiceAssistant.Interop.ConfigLayout")["Length"]);
        }

        [Fact]
        public void InfoLayoutMatches()
        {
            AssertSame("InfoLayout", "native-interop/engine/va_engine.h", "kInfo");
        }

        [Fact]
        public void InfoFlagsMatch()
        {
            AssertSame("InfoFlags", "native-interop/engine/va_engine.h", "kFlag");
        }

        [Fact]
        public void StatusCodesMatch()
        {
            AssertSame("InteropStatus", "native-interop/features/va_status.h", "k", "MissingFirmware");
        }

        [Fact]
        public void ContractSizesMatch()
        {
            Dictionary<string, int> cs = InteropAssemblyModel.IntConstants(InteropAssemblyModel.AssemblyPath(), "VoiceAssistant.Interop.NativeContract");
            string header = File.ReadAllText(RepoPaths.Of("native-interop/engine/va_engine.h"));
            Assert.Matches($@"kNativeContractVersion\s*=\s*{cs["Version"]};", header);
            Assert.Matches($@"kMaxMessageBytes\s*=\s*{cs["MaxMessageBytes"]};", header);
        }
    }
}

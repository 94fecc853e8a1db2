using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Interop.Tests
{
    /// <summary>
    /// Guards the frozen managed/native contract: the native class and its method order, and the committed
    /// MetadataProcessor stubs (checksum, method_lookup layout, native version) against the built assembly.
    /// A failure here means: regenerate the stubs, rebuild the firmware, bump AssemblyNativeVersion
    /// (native-interop/README.md).
    /// </summary>
    public class NativeContractTests
    {
        private const string NativeClass = "VoiceAssistant.Interop.Abi";

        // The frozen contract, in order.
        private static readonly string[] ContractMethods =
        {
            "NativeConfigure___STATIC__I4__SZARRAY_I4",
            "NativePushAudio___STATIC__I4__SZARRAY_U1__I4__I4",
            "NativeLoadModel___STATIC__I4__SZARRAY_U1__I4",
            "NativeInvoke___STATIC__I4__SZARRAY_I1",
            "NativeReset___STATIC__I4",
            "NativeGetInfo___STATIC__I4__SZARRAY_I4",
            "NativeGetLastError___STATIC__I4__SZARRAY_U1",
            "NativeGetFeatures___STATIC__I4__SZARRAY_I1",
            "NativeGetLevels___STATIC__I4__SZARRAY_I4",
        };

        private static readonly Lazy<InteropAssemblyModel> Model =
            new Lazy<InteropAssemblyModel>(() => InteropAssemblyModel.Load(InteropAssemblyModel.AssemblyPath()));

        [Fact]
        public void OnlyTheNativeClassHasNativeMethodsAndTheyFollowTheContract()
        {
            InteropAssemblyModel model = Model.Value;
            ModelType abi = Assert.Single(model.Types, t => t.FullName == NativeClass);
            Assert.Equal(ContractMethods, abi.Methods.Take(ContractMethods.Length).Select(m => m.SafeName));
            Assert.All(abi.Methods.Take(ContractMethods.Length), m => Assert.True(m.IsNative && m.IsInternalCall && m.IsStatic, m.Name));
            Assert.All(abi.Methods.Skip(ContractMethods.Length), m => Assert.False(m.IsNative, m.Name));
            Assert.All(model.Types.Where(t => t.FullName != NativeClass).SelectMany(t => t.Methods), m => Assert.False(m.IsNative, m.Name));
        }

        [Fact]
        public void NoApplicationTypeSortsBeforeTheNativeClass()
        {
            // Methods before the first native one do not enter the checksum but do shift handler indices, so
            // only compiler-emitted types (not ours) may precede the native class.
            InteropAssemblyModel model = Model.Value;
            int abiIndex = model.Types.ToList().FindIndex(t => t.FullName == NativeClass);
            Assert.All(model.Types.Take(abiIndex), t => Assert.False(t.FullName.StartsWith("VoiceAssistant.", StringComparison.Ordinal), t.FullName));
        }

        [Fact]
        public void CommittedStubsMatchTheBuiltAssembly()
        {
            InteropAssemblyModel model = Model.Value;
            string text = File.ReadAllText(RepoPaths.Of("native-interop/nanoframework/stubs/VoiceAssistant_Interop.cpp"));

            Match data = Regex.Match(text, "g_CLR_AssemblyNative_VoiceAssistant_Interop\\s*=\\s*\\{\\s*\"([^\"]+)\",\\s*0x([0-9A-Fa-f]{8}),\\s*method_lookup,\\s*\\{\\s*(\\d+),\\s*(\\d+),\\s*(\\d+),\\s*(\\d+)\\s*\\}");
            Assert.True(data.Success, "native assembly data not found in the stub");
            Assert.Equal(model.AssemblyName, data.Groups[1].Value);
            uint recorded = uint.Parse(data.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            uint computed = NativeChecksum.Compute(model);
            Assert.True(recorded == computed,
                $"stub checksum 0x{recorded:X8} but the assembly gives 0x{computed:X8}: regenerate the stubs (native-interop/README.md)");
            Assert.Equal(model.NativeVersion, string.Join(".", data.Groups[3].Value, data.Groups[4].Value, data.Groups[5].Value, data.Groups[6].Value));

            string table = Regex.Match(text, "method_lookup\\[\\]\\s*=\\s*\\{(.*?)\\};", RegexOptions.Singleline).Groups[1].Value;
            string[] entries = table.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();
            var expected = new List<string>();
            foreach (ModelType t in model.Types.Where(NativeChecksum.Stubbed))
            {
                foreach (ModelMethod m in t.Methods)
                {
                    expected.Add(m.IsNative ? $"Library_{model.AssemblyName.Replace('.', '_')}_{t.SafeClassName}::{m.SafeName}" : "NULL");
                }
            }

            Assert.Equal(expected, entries);
        }

        [Fact]
        public void ChecksumAlgorithmReproducesAKnownValue()
        {
            // Independent check of the CRC used: CRC-32/MPEG-2 style update (no init/final XOR) of "123456789"
            // is 0x0376E6E7 for init 0xFFFFFFFF; with init 0 (as chained here) it is 0x89A1897F.
            Assert.Equal(0x89A1897Fu, NativeChecksum.Crc(System.Text.Encoding.ASCII.GetBytes("123456789"), 0));
            Assert.Equal(0x0376E6E7u, NativeChecksum.Crc(System.Text.Encoding.ASCII.GetBytes("123456789"), 0xFFFFFFFFu));
        }
    }
}

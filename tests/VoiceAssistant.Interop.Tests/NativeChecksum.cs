using System.Collections.Generic;
using System.Text;

namespace VoiceAssistant.Interop.Tests
{
    /// <summary>
    /// The native-methods checksum as documented (docs.nanoframework.net NativeMethodsChecksumAlgorithm) and as
    /// the MetadataProcessor computes it: a CRC-32 (polynomial 0x04C11DB7, MSB first, no reflection, no final
    /// XOR) chained over, per method in order, either assembly name + safe class name + safe method name (native
    /// method) or "NULL" (any other method); the running value counts as 0 until the first native method.
    /// </summary>
    internal static class NativeChecksum
    {
        /// <summary>Types the MetadataProcessor always leaves out (SetDefaultTypesToExclude).</summary>
        public static readonly string[] ExcludedTypes =
        {
            "ThisAssembly",
            "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
            "System.Runtime.CompilerServices.AccessedThroughPropertyAttribute",
        };

        public static bool Stubbed(ModelType t) => t.IncludedInStubs && System.Array.IndexOf(ExcludedTypes, t.FullName) < 0;

        public static uint Compute(InteropAssemblyModel model)
        {
            uint crc = 0;
            int natives = 0;
            byte[] nullBytes = Encoding.ASCII.GetBytes("NULL");
            foreach (ModelType t in model.Types)
            {
                if (!Stubbed(t))
                {
                    continue;
                }

                foreach (ModelMethod m in t.Methods)
                {
                    if (m.IsNative)
                    {
                        // As in the MetadataProcessor, the count is bumped after all three parts, so for the first
                        // native method each part restarts from 0 (only its method name survives).
                        crc = Crc(Encoding.ASCII.GetBytes(model.AssemblyName), natives > 0 ? crc : 0);
                        crc = Crc(Encoding.ASCII.GetBytes(t.SafeClassName), natives > 0 ? crc : 0);
                        crc = Crc(Encoding.ASCII.GetBytes(m.SafeName), natives > 0 ? crc : 0);
                        natives++;
                    }
                    else
                    {
                        crc = Crc(nullBytes, natives > 0 ? crc : 0);
                    }
                }
            }

            return natives > 0 ? crc : 0;
        }

        /// <summary>Bitwise CRC-32/MSB-first update, continuing from <paramref name="crc"/>.</summary>
        public static uint Crc(IEnumerable<byte> data, uint crc)
        {
            foreach (byte b in data)
            {
                crc ^= (uint)b << 24;
                for (int i = 0; i < 8; i++)
                {
                    crc = (crc & 0x80000000u) != 0 ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
                }
            }

            return crc;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.VirtualBoard.Tests
{
    /// <summary>
    /// The device tests (tests/VoiceAssistant.Device.Tests, nanoFramework.TestFramework) on the virtual board: one
    /// xunit case per [TestMethod] or [Setup] method found in the very NFUnitTest assembly the board ran, each passing
    /// only with its own "Test passed" line. A missing, failed, skipped or unparsable result fails.
    /// </summary>
    public class DeviceTests
    {
        private static readonly Lazy<RunResult> Run = new Lazy<RunResult>(() => Board.Run(null, "tests"));

        /// <summary>Class.Method of every test method of the device test assembly (a placeholder when it is not built).</summary>
        public static TheoryData<string> DeviceTestNames
        {
            get
            {
                string dll = Path.Combine(Board.BuildDir, "dll", "NFUnitTest.dll");
                var names = new TheoryData<string>();
                if (!File.Exists(dll))
                {
                    names.Add("(device tests not built)");
                    return names;
                }

                foreach (string name in TestMethods(dll))
                {
                    names.Add(name);
                }

                return names;
            }
        }

        [Theory]
        [MemberData(nameof(DeviceTestNames))]
        public void PassesOnTheVirtualBoard(string test)
        {
            Board.Require();
            RunResult run = Run.Value;
            string[] results = run.Lines.Where(l => l.StartsWith("Test ", StringComparison.Ordinal)).ToArray();
            Assert.Contains(run.Lines, l => l == "Done.");
            string prefix = "," + test + ".";
            string[] mine = results.Where(l => l.Contains(prefix, StringComparison.Ordinal)).ToArray();
            Assert.True(mine.Length > 0, $"no result line for {test}:\n{run.Output}\n{run.Error}");
            Assert.All(mine, l => Assert.StartsWith("Test passed,", l));
        }

        [Fact]
        public void EveryResultLineBelongsToAKnownTest()
        {
            Board.Require();
            RunResult run = Run.Value;
            string[] known = TestMethods(Path.Combine(Board.BuildDir, "dll", "NFUnitTest.dll")).ToArray();
            Assert.True(known.Length >= 10, "too few device tests found: " + known.Length);
            foreach (string line in run.Lines.Where(l => l.StartsWith("Test ", StringComparison.Ordinal)))
            {
                string[] parts = line.Split(',');
                Assert.True(parts.Length >= 2 && parts[0] is "Test passed" or "Test failed" or "Test skipped", "unparsable result line: " + line);
                Assert.Contains(known, k => parts[1].StartsWith(k + ".", StringComparison.Ordinal));
            }

            Assert.Equal(0, run.ExitCode);
        }

        private static IEnumerable<string> TestMethods(string dll)
        {
            using var pe = new PEReader(File.OpenRead(dll));
            MetadataReader md = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle th in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(th);
                string typeName = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
                foreach (MethodDefinitionHandle mh in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(mh);
                    if (method.GetCustomAttributes().Any(a => AttributeName(md, md.GetCustomAttribute(a)) is "TestMethodAttribute" or "SetupAttribute"))
                    {
                        yield return typeName + "." + md.GetString(method.Name);
                    }
                }
            }
        }

        private static string AttributeName(MetadataReader md, CustomAttribute attribute)
        {
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                return null;
            }

            EntityHandle parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            return parent.Kind == HandleKind.TypeReference ? md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name) : null;
        }
    }
}

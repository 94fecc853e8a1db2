using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.RuntimeRules
{
    /// <summary>
    /// The nanoFramework build of the core must contain nothing that compiles but fails on the device.
    /// The checker itself is proven on small compiled snippets, each with one forbidden construct.
    /// </summary>
    public class DeviceRuntimeRulesTests
    {
        [Fact]
        public void NanoFrameworkBuildOfTheCoreFollowsTheDeviceRules()
        {
            string path = BuildOutputs.NanoCoreAssembly;
            Assert.True(File.Exists(path), "nanoFramework build of the core not found at " + path + " (build VoiceAssistant.slnx first)");
            Assert.Empty(DeviceRuntimeRules.Check(path));
        }

        [Fact]
        public void NanoFrameworkBuildOfTheInteropFollowsTheDeviceRules()
        {
            string path = BuildOutputs.NanoInteropAssembly;
            Assert.True(File.Exists(path), "nanoFramework build of the interop not found at " + path + " (build VoiceAssistant.slnx first)");
            Assert.Empty(DeviceRuntimeRules.Check(path));
        }

        [Fact]
        public void CompileCheckOfTheDeviceTestsFollowsTheDeviceRules()
        {
            string path = BuildOutputs.NanoDeviceTestsAssembly;
            Assert.True(File.Exists(path), "device-test compile check not found at " + path + " (build VoiceAssistant.slnx first)");
            Assert.Empty(DeviceRuntimeRules.Check(path));
        }

        [Fact]
        public void CompileCheckOfTheAppFollowsTheDeviceRules()
        {
            // The app compiles only with its generated model source, which ships with the default model.
            Assert.True(File.Exists(BuildOutputs.AppShippedModelSource), "firmware/VoiceAssistant/Generated/ShippedModel.g.cs is missing: run Codegen `model` for the shipped model");

            string path = BuildOutputs.NanoAppAssembly;
            Assert.True(File.Exists(path), "app compile check not found at " + path + " (build tests/CompileChecks/VoiceAssistant.App.Nano)");
            Assert.Empty(DeviceRuntimeRules.Check(path));
        }

        [Fact]
        public void NanoFrameworkBuildReferencesOnlyNanoFrameworkMscorlib()
        {
            using var stream = File.OpenRead(BuildOutputs.NanoCoreAssembly);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var md = pe.GetMetadataReader();
            var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)).ToArray();
            Assert.Single(references);
            Assert.Equal("mscorlib", md.GetString(references[0].Name));
            // nanoFramework's mscorlib carries its own version line (1.x), unlike .NET Framework's 4.0.0.0.
            Assert.Equal(1, references[0].Version.Major);
        }

        [Theory]
        [InlineData("public class G<T> { public T V; }", "generic type definition")]
        [InlineData("public class C { public static T Id<T>(T v) { return v; } }", "generic method definition")]
        [InlineData("public class C { public int F() { var l = new System.Collections.Generic.List<int>(); return l.Count; } }", "generic instantiation")]
        [InlineData("public class C { public int F() { return System.Array.Empty<int>().Length; } }", "generic method instantiation")]
        [InlineData("public class C { public float[,] M = new float[2, 2]; }", "multi-dimensional array")]
        [InlineData("public class C { public unsafe int F() { int* p = stackalloc int[4]; p[0] = 1; return p[0]; } }", "localloc")]
        [InlineData("public interface I { int F() { return 1; } }", "default interface method")]
        public void CheckerFindsEachForbiddenConstruct(string source, string expected)
        {
            var violations = DeviceRuntimeRules.Check(Compile(source));
            Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
        }

        [Fact]
        public void CheckerFindsTheTypesCSharp11Emits()
        {
            // Seen on nanoCLR (MetadataProcessor 3.0, nf-interpreter a3e8139): these types shifted the interop's native
            // method slots under an unchanged checksum, and custom attributes to the next type ([TestClass] went missing).
            // Against nanoFramework's mscorlib, which lacks these types, so the compiler embeds them.
            string corlib = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
                "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.dll");
            var violations = DeviceRuntimeRules.Check(Compile("public class C { }", LanguageVersion.CSharp11, corlib));
            Assert.Contains(violations, v => v.Contains("EmbeddedAttribute: compiler-emitted", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.Contains("RefSafetyRulesAttribute: compiler-emitted", StringComparison.Ordinal));
        }

        [Fact]
        public void CheckerAcceptsPlainDeviceCode()
        {
            const string source = @"
public interface IThing { int Value { get; } void Run(float[] data); }
public sealed class Thing : IThing
{
    private readonly float[] buffer = new float[16];
    private readonly int[][] jagged = new int[2][];
    public int Value { get { return buffer.Length + jagged.Length; } }
    public void Run(float[] data) { System.Action a = () => buffer[0] = data[0]; a(); for (int i = 0; i < data.Length; i++) { switch (i) { case 0: break; case 1: buffer[1] = 2f; break; default: buffer[2] += data[i]; break; } } }
}";
            Assert.Empty(DeviceRuntimeRules.Check(Compile(source)));
        }

        private static MemoryStream Compile(string source, LanguageVersion version = LanguageVersion.CSharp10, string corlib = null)
        {
            string[] trusted = corlib != null ? new[] { corlib } : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator);
            var references = trusted.Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create(
                "Snippet",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(version)) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
            var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
            image.Position = 0;
            return image;
        }
    }
}

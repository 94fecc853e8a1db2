using System.Linq;
using System.Reflection;

namespace VoiceAssistant.TestSupport
{
    /// <summary>Paths of build outputs that tests inspect, recorded by MSBuild at compile time.</summary>
    public static class BuildOutputs
    {
        /// <summary>The source generator's assembly (tools/VoiceAssistant.Codegen) of this configuration.</summary>
        public static string CodegenAssembly => Metadata("CodegenAssembly");

        /// <summary>The nanoFramework (mscorlib-only) build of the portable core.</summary>
        public static string NanoCoreAssembly => Metadata("NanoCoreAssembly");

        /// <summary>The CMake build folder of native-interop (tests/run-all.sh builds it before the .NET tests).</summary>
        public static string NativeBuildDir => Metadata("NativeBuildDir");

        /// <summary>The nanoFramework (mscorlib-only) build of the interop assembly.</summary>
        public static string NanoInteropAssembly => Metadata("NanoInteropAssembly");

        /// <summary>The compile check of the managed app (against the API shims); exists only once the shipped model is generated.</summary>
        public static string NanoAppAssembly => Metadata("NanoAppAssembly");

        /// <summary>The compile check of the device tests (against the API shims).</summary>
        public static string NanoDeviceTestsAssembly => Metadata("NanoDeviceTestsAssembly");

        /// <summary>The app's generated model source; the app compile check can build only when it exists.</summary>
        public static string AppShippedModelSource => Metadata("AppShippedModelSource");

        private static string Metadata(string key)
        {
            return typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == key).Value;
        }
    }
}

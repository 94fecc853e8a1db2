using System.Linq;
using System.Reflection;

namespace VoiceAssistant.TestSupport
{
    /// <summary>Paths of build outputs that tests inspect, recorded by MSBuild at compile time.</summary>
    public static class BuildOutputs
    {
        /// <summary>The nanoFramework (mscorlib-only) build of the portable core.</summary>
        public static string NanoCoreAssembly => Metadata("NanoCoreAssembly");

        /// <summary>The CMake build folder of native-interop (tests/run-all.sh builds it before the .NET tests).</summary>
        public static string NativeBuildDir => Metadata("NativeBuildDir");

        private static string Metadata(string key)
        {
            return typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == key).Value;
        }
    }
}

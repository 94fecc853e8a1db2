using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace VoiceAssistant.TestSupport
{
    /// <summary>
    /// Finds host shared libraries built by CMake from native-interop (into <see cref="BuildOutputs.NativeBuildDir"/>,
    /// whatever the generator's subfolder layout). Tests call <see cref="RequireLibrary"/>: a missing library fails on CI
    /// and skips elsewhere with the command that builds it.
    /// </summary>
    public static class NativeBuild
    {
        /// <summary>Platform file name of a shared library (libx.so, libx.dylib, x.dll).</summary>
        /// <param name="name">Library name without prefix or extension.</param>
        public static string FileName(string name)
        {
            if (OperatingSystem.IsWindows())
            {
                return name + ".dll";
            }

            return "lib" + name + (OperatingSystem.IsMacOS() ? ".dylib" : ".so");
        }

        /// <summary>Path of the library under the native build folder, or null (shallowest match first).</summary>
        /// <param name="name">Library name without prefix or extension.</param>
        public static string Find(string name)
        {
            string dir = BuildOutputs.NativeBuildDir;
            if (!Directory.Exists(dir))
            {
                return null;
            }

            return Directory.EnumerateFiles(dir, FileName(name), SearchOption.AllDirectories)
                .OrderBy(p => p.Count(c => c == Path.DirectorySeparatorChar))
                .ThenBy(p => p, StringComparer.Ordinal)
                .FirstOrDefault();
        }

        /// <summary>Returns the library's path, or fails (CI) / skips the test when it has not been built.</summary>
        /// <param name="name">Library name without prefix or extension.</param>
        public static string RequireLibrary(string name)
        {
            string path = Find(name);
            if (path == null)
            {
                Prerequisite.Missing($"native library {FileName(name)} not found under {BuildOutputs.NativeBuildDir}; build it with "
                    + "'cmake -S native-interop -B build/native && cmake --build build/native' (tests/run-all.sh does this)");
            }

            return path;
        }

        /// <summary>Loads a library found by <see cref="RequireLibrary"/> (fails/skips like it).</summary>
        /// <param name="name">Library name without prefix or extension.</param>
        public static IntPtr LoadLibrary(string name)
        {
            return NativeLibrary.Load(RequireLibrary(name));
        }
    }
}

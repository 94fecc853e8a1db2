using System;
using System.IO;
using Xunit;

namespace VoiceAssistant.TestSupport
{
    /// <summary>
    /// Locates the read-only <c>../shared</c> folder beside the checkout. Tests that need it call
    /// <see cref="Require"/>: on CI (CI=true) a missing file is a failure, elsewhere the test is skipped
    /// with a message saying what is missing.
    /// </summary>
    public static class SharedData
    {
        /// <summary>Absolute path of the shared folder (it may not exist).</summary>
        public static string Root => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared"));

        /// <summary>True when running under CI, where missing shared data is an error.</summary>
        public static bool IsCi => Prerequisite.IsCi;

        /// <summary>Returns the absolute path of a file or folder under shared/, or skips/fails the test when it is absent.</summary>
        /// <param name="relativePath">Path relative to shared/, with forward slashes.</param>
        public static string Require(string relativePath)
        {
            string full = Path.Combine(Root, relativePath);
            if (File.Exists(full) || Directory.Exists(full))
            {
                return full;
            }

            Prerequisite.Missing($"shared data '{relativePath}' not found at {full}; place the project's shared/ folder beside the checkout to run this test");
            return full;
        }
    }

    /// <summary>Paths inside this repository, found from the test assembly's location.</summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string> root = new Lazy<string>(FindRoot);

        /// <summary>The repository root (the folder holding README.md and VoiceAssistant.slnx).</summary>
        public static string Root => root.Value;

        /// <summary>Absolute path of a repository-relative path.</summary>
        public static string Of(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

        private static string FindRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null)
            {
                if (File.Exists(Path.Combine(dir, "VoiceAssistant.slnx")))
                {
                    return dir;
                }

                dir = Path.GetDirectoryName(dir);
            }

            throw new InvalidOperationException("repository root (VoiceAssistant.slnx) not found above " + AppContext.BaseDirectory);
        }
    }
}

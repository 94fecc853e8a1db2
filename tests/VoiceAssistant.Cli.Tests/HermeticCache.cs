using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace VoiceAssistant.Cli.Tests
{
    /// <summary>
    /// The CLI runs in this test process: its default feature cache (under XDG_CACHE_HOME) goes to a folder of this
    /// run, so tests neither read sets cached by an earlier run nor fill the user's ~/.cache.
    /// </summary>
    internal static class HermeticCache
    {
        [ModuleInitializer]
        internal static void UseAFreshCacheFolder()
        {
            string folder = Path.Combine(Path.GetTempPath(), "va-cli-tests-cache-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", folder);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            };
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using VoiceAssistant.TestSupport;

namespace VoiceAssistant.VirtualBoard.Tests
{
    /// <summary>
    /// The virtual board as tests use it: tools/virtual-board/run.sh over what tests/run-all.sh built into
    /// build/virtual-board (these tests never build it; without it they fail on CI and skip elsewhere).
    /// </summary>
    internal static class Board
    {
        public static string BuildDir => RepoPaths.Of("build/virtual-board");

        public static string PeDir => Path.Combine(BuildDir, "pe");

        /// <summary>Fails (CI) or skips when the board or the device assemblies are not built.</summary>
        public static void Require()
        {
            foreach (string file in new[] { Path.Combine(BuildDir, "nanoclr"), Path.Combine(PeDir, "VoiceAssistant.pe"), Path.Combine(PeDir, "NFUnitTest.pe") })
            {
                if (!File.Exists(file))
                {
                    Prerequisite.Missing($"the virtual board is not built ({file} is missing): run 'tools/virtual-board/run.sh build' "
                        + "(tests/run-all.sh does; it needs ../shared/vendor/nanoframework-posix-kit)");
                }
            }
        }

        /// <summary>Runs tools/virtual-board/run.sh without its build step.</summary>
        public static RunResult Run(IDictionary<string, string> environment, params string[] arguments)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(RepoPaths.Of("tools/virtual-board/run.sh"));
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["VA_VIRTUAL_BOARD_NO_BUILD"] = "1";
            if (environment != null)
            {
                foreach (KeyValuePair<string, string> pair in environment)
                {
                    start.Environment[pair.Key] = pair.Value;
                }
            }

            return Processes.Run(start, TimeSpan.FromMinutes(10));
        }
    }
}

using System;
using System.Diagnostics;

namespace VoiceAssistant.TestSupport
{
    /// <summary>What one run of a command printed and how it ended.</summary>
    /// <param name="ExitCode">The process's exit code.</param>
    /// <param name="Output">Everything it wrote to stdout.</param>
    /// <param name="Error">Everything it wrote to stderr.</param>
    public sealed record RunResult(int ExitCode, string Output, string Error)
    {
        /// <summary>Non-empty stdout lines, without carriage returns.</summary>
        public string[] Lines => Output.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Runs a process to its end with both streams captured.</summary>
    public static class Processes
    {
        /// <summary>Runs <paramref name="start"/> (stdout and stderr are redirected here); kills it after <paramref name="timeout"/>.</summary>
        /// <param name="start">What to run.</param>
        /// <param name="timeout">How long it may take.</param>
        public static RunResult Run(ProcessStartInfo start, TimeSpan timeout)
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using Process process = Process.Start(start);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not end within {timeout}");
            }

            return new RunResult(process.ExitCode, output.Result, error.Result);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace VoiceAssistant.Board
{
    /// <summary>Finds and runs nanoFramework's firmware flasher <c>nanoff</c> (a .NET global tool) from PATH.</summary>
    public static class Nanoff
    {
        /// <summary>What to tell the user when nanoff is not on PATH.</summary>
        public const string InstallHint =
            "nanoff (nanoFramework's flasher) was not found on PATH. Install it with: dotnet tool install -g nanoff " +
            "(update: dotnet tool update -g nanoff), and make sure the .NET tools folder (~/.dotnet/tools) is on PATH.";

        /// <summary>Full path of nanoff on PATH, or null.</summary>
        public static string Find()
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            string[] names = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new[] { "nanoff.exe", "nanoff.cmd", "nanoff" } : new[] { "nanoff" };
            foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (string name in names)
                {
                    string candidate = Path.Combine(dir, name);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            return null;
        }

        /// <summary>Runs nanoff with <paramref name="arguments"/>, copying its output; false (after saying why) when it is missing or fails.</summary>
        /// <param name="arguments">Arguments, passed without shell quoting.</param>
        /// <param name="output">Where nanoff's output goes.</param>
        /// <param name="error">Where nanoff's errors and our messages go.</param>
        public static bool Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
        {
            ArgumentNullException.ThrowIfNull(arguments);
            string exe = Find();
            if (exe == null)
            {
                error.WriteLine("error: " + InstallHint);
                return false;
            }

            output.WriteLine("> nanoff " + string.Join(" ", arguments));
            var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in arguments)
            {
                psi.ArgumentList.Add(a);
            }

            using var process = new Process { StartInfo = psi };
            var gate = new object();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (gate) { output.WriteLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (gate) { error.WriteLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                error.WriteLine("error: nanoff exited with code " + process.ExitCode);
                return false;
            }

            return true;
        }
    }

    /// <summary>Chooses the serial port when the user gives none: the only port present, else an error listing them.</summary>
    public static class PortPicker
    {
        /// <summary>Lists serial ports (replaceable by tests).</summary>
        internal static Func<string[]> ListPorts { get; set; } = System.IO.Ports.SerialPort.GetPortNames;

        /// <summary>Returns the port to use, or null after writing why none could be chosen.</summary>
        /// <param name="requested">The --port value, or null.</param>
        /// <param name="output">Where the choice is reported.</param>
        /// <param name="error">Where the error goes.</param>
        public static string Pick(string requested, TextWriter output, TextWriter error)
        {
            string[] ports = ListPorts();
            if (!string.IsNullOrEmpty(requested))
            {
                // Opening a device that does not exist reports "access denied" on Linux; say what is wrong instead.
                if (Array.IndexOf(ports, requested) < 0 && !File.Exists(requested))
                {
                    error.WriteLine($"error: serial port '{requested}' does not exist ({(ports.Length == 0 ? "no serial ports found; is the board connected?" : "ports present: " + string.Join(", ", ports))})");
                    return null;
                }

                return requested;
            }

            if (ports.Length == 1)
            {
                output.WriteLine("using the only serial port " + ports[0]);
                return ports[0];
            }

            error.WriteLine(ports.Length == 0
                ? "error: no serial port found; connect the board or pass --port"
                : "error: several serial ports (" + string.Join(", ", ports) + "); pass --port");
            return null;
        }
    }
}

using System;
using System.CommandLine;
using System.IO;
using System.IO.Ports;
using VoiceAssistant.Board;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary><c>va monitor [--port P] [--baud 921600] [--all]</c>: shows the board's detections live (Ctrl+C to stop).</summary>
    public sealed class MonitorCommand : ICliCommand
    {
        /// <summary>nanoFramework ESP32 images talk on UART0 at this rate.</summary>
        public const int DefaultBaud = 921600;

        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var port = new Option<string>("--port") { Description = "Serial port (default: the only one present)" };
            var baud = new Option<int>("--baud") { Description = "Baud rate", DefaultValueFactory = _ => DefaultBaud };
            var all = new Option<bool>("--all") { Description = "Also show lines that are not assistant reports" };
            var command = new Command("monitor", "Read the board's serial output and show DETECT/WAKE/IDLE, LAG, MIC and ERROR lines live.");
            command.Options.Add(port);
            command.Options.Add(baud);
            command.Options.Add(all);
            command.SetAction(p => Run(p.GetValue(port), p.GetValue(baud), p.GetValue(all), console));
            return command;
        }

        private static int Run(string port, int baud, bool all, CliConsole console)
        {
            string problem = OptionChecks.AtLeast("--baud", baud, 1);
            if (problem != null)
            {
                console.Error.WriteLine("error: " + problem);
                return ExitCodes.UsageOrIo;
            }

            string chosen = PortPicker.Pick(port, console.Out, console.Error);
            if (chosen == null)
            {
                return ExitCodes.UsageOrIo;
            }

            try
            {
                using var serial = new SerialPort(chosen, baud) { NewLine = "\n", ReadTimeout = SerialPort.InfiniteTimeout };
                serial.Open();
                console.Out.WriteLine($"monitoring {chosen} at {baud} baud (Ctrl+C to stop)");
                using var reader = new StreamReader(serial.BaseStream, System.Text.Encoding.ASCII);
                new DetectionMonitor { ShowAll = all }.Run(reader, console.Out);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidOperationException)
            {
                string hint = e is UnauthorizedAccessException && !OperatingSystem.IsWindows() ? " (on Linux, add yourself to the 'dialout' group and log in again)" : string.Empty;
                console.Error.WriteLine($"error: cannot read {chosen}: {e.Message}{hint}");
                return ExitCodes.UsageOrIo;
            }
        }
    }
}

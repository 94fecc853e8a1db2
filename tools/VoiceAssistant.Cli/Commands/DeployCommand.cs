using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using VoiceAssistant.Board;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary>
    /// <c>va deploy --target T [--port P] --image VoiceAssistant.bin [--address 0x…]</c>: writes the managed app (the
    /// .bin from the app's bin folder, holding the app and every referenced assembly) with nanoff.
    /// </summary>
    /// <remarks>
    /// nanoff's default ESP32 deployment address (0x1B0000) fits the S3 4 MB layout but not classic ESP32 images from
    /// nf-interpreter main, whose deployment partition starts at 0x1E0000; classic ESP32 targets therefore get that
    /// address unless --address is given.
    /// </remarks>
    public sealed class DeployCommand : ICliCommand
    {
        /// <summary>Deployment partition of the 4 MB classic ESP32 table at nf-interpreter main.</summary>
        public const string ClassicEsp32DeployAddress = "0x1E0000";

        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var target = new Option<string>("--target") { Description = "nanoFramework target, e.g. ESP32_PSRAM_REV0", Required = true };
            var port = new Option<string>("--port") { Description = "Serial port (default: the only one present)" };
            var image = new Option<FileInfo>("--image") { Description = "The app's deployment image (.bin)", Required = true };
            var address = new Option<string>("--address") { Description = "Deployment address (hex); classic ESP32 default " + ClassicEsp32DeployAddress };
            var command = new Command("deploy", "Deploy the managed app image with nanoff.");
            command.Options.Add(target);
            command.Options.Add(port);
            command.Options.Add(image);
            command.Options.Add(address);
            command.SetAction(p => Run(p.GetValue(target), p.GetValue(port), p.GetValue(image), p.GetValue(address), console));
            return command;
        }

        /// <summary>True for classic ESP32 targets (not S2/S3/C3/C6/H2/P4).</summary>
        /// <param name="target">Target name.</param>
        public static bool IsClassicEsp32(string target)
        {
            if (target == null || !target.StartsWith("ESP32", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            string rest = target.Substring(5);
            return rest.Length == 0 || rest.StartsWith("_", StringComparison.Ordinal) && !IsOtherChip(rest.Substring(1));
        }

        private static bool IsOtherChip(string rest)
        {
            foreach (string chip in new[] { "S2", "S3", "C2", "C3", "C5", "C6", "H2", "P4" })
            {
                if (rest.StartsWith(chip, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static int Run(string target, string port, FileInfo image, string address, CliConsole console)
        {
            if (image == null || !image.Exists)
            {
                console.Error.WriteLine($"error: app image '{image?.FullName}' not found (build firmware/VoiceAssistant in Release: bin/Release/VoiceAssistant.bin)");
                return ExitCodes.UsageOrIo;
            }

            if (address != null && !IsHex(address))
            {
                console.Error.WriteLine($"error: --address must be hexadecimal like 0x1E0000, got '{address}'");
                return ExitCodes.UsageOrIo;
            }

            if (address == null && IsClassicEsp32(target))
            {
                address = ClassicEsp32DeployAddress;
                console.Out.WriteLine("classic ESP32: deploying at " + address + " (nf-interpreter main 4 MB layout); pass --address for other layouts");
            }

            string chosen = PortPicker.Pick(port, console.Out, console.Error);
            if (chosen == null)
            {
                return ExitCodes.UsageOrIo;
            }

            var args = new List<string> { "--target", target, "--serialport", chosen, "--deploy", "--image", image.FullName };
            if (address != null)
            {
                args.Add("--address");
                args.Add(address);
            }

            return Nanoff.Run(args, console.Out, console.Error) ? ExitCodes.Ok : ExitCodes.ExternalTool;
        }

        private static bool IsHex(string s)
        {
            return s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && s.Length > 2
                && uint.TryParse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _);
        }
    }
}

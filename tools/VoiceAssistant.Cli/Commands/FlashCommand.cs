using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using VoiceAssistant.Board;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary>
    /// <c>va flash --target T [--port P] [--clrfile nanoCLR.bin] [--masserase]</c>: writes nanoFramework firmware with
    /// nanoff — our custom image (interop + TFLM) via --clrfile, else the stock image for the target.
    /// </summary>
    public sealed class FlashCommand : ICliCommand
    {
        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var target = new Option<string>("--target") { Description = "nanoFramework target, e.g. ESP32_PSRAM_REV0, ESP32_REV0, ESP32_S3_OCTAL", Required = true };
            var port = new Option<string>("--port") { Description = "Serial port (default: the only one present)" };
            var clr = new Option<FileInfo>("--clrfile") { Description = "Custom nanoCLR.bin (our interop image); its partition layout must match --target" };
            var masserase = new Option<bool>("--masserase") { Description = "Erase the whole flash first (after a partition-layout change)" };
            var baud = new Option<int?>("--baud") { Description = "Baud rate for flashing" };
            var command = new Command("flash", "Flash nanoFramework firmware (our custom image with --clrfile) using nanoff.");
            command.Options.Add(target);
            command.Options.Add(port);
            command.Options.Add(clr);
            command.Options.Add(masserase);
            command.Options.Add(baud);
            command.SetAction(p => Run(p.GetValue(target), p.GetValue(port), p.GetValue(clr), p.GetValue(masserase), p.GetValue(baud), console));
            return command;
        }

        private static int Run(string target, string port, FileInfo clrFile, bool massErase, int? baud, CliConsole console)
        {
            string problem = baud is int b ? OptionChecks.AtLeast("--baud", b, 1) : null;
            if (problem != null)
            {
                console.Error.WriteLine("error: " + problem);
                return ExitCodes.UsageOrIo;
            }

            if (clrFile != null)
            {
                // nanoff only checks these with terse codes (E9011/E9012) after downloading the stock package.
                if (!clrFile.Exists)
                {
                    console.Error.WriteLine($"error: firmware file '{clrFile.FullName}' not found (build nf-interpreter first: build/nanoCLR.bin)");
                    return ExitCodes.UsageOrIo;
                }

                if (!clrFile.Name.EndsWith(".bin", System.StringComparison.OrdinalIgnoreCase))
                {
                    console.Error.WriteLine($"error: nanoff accepts only a .bin firmware file, got '{clrFile.Name}'");
                    return ExitCodes.UsageOrIo;
                }
            }

            string chosen = PortPicker.Pick(port, console.Out, console.Error);
            if (chosen == null)
            {
                return ExitCodes.UsageOrIo;
            }

            var args = new List<string> { "--update", "--target", target, "--serialport", chosen };
            if (clrFile != null)
            {
                args.Add("--clrfile");
                args.Add(clrFile.FullName);
            }

            if (massErase)
            {
                args.Add("--masserase");
            }

            if (baud.HasValue)
            {
                args.Add("--baud");
                args.Add(baud.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return Nanoff.Run(args, console.Out, console.Error) ? ExitCodes.Ok : ExitCodes.ExternalTool;
        }
    }
}

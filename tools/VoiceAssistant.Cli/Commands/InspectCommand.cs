using System.CommandLine;
using System.IO;
using VoiceAssistant.Tflite;

namespace VoiceAssistant.Cli.Commands
{
    /// <summary><c>va inspect &lt;model.tflite&gt;</c>: loads and validates a model and prints its summary.</summary>
    public sealed class InspectCommand : ICliCommand
    {
        /// <inheritdoc />
        public Command Build(CliConsole console)
        {
            var model = new Argument<FileInfo>("model") { Description = "Path of the .tflite model" };
            var command = new Command("inspect", "Validate a .tflite model and print its operators, tensors, quantisation and sizes.");
            command.Arguments.Add(model);
            command.SetAction(parseResult => Run(parseResult.GetValue(model), console));
            return command;
        }

        private static int Run(FileInfo file, CliConsole console)
        {
            if (file == null || !file.Exists)
            {
                console.Error.WriteLine($"error: model file '{file?.FullName}' not found");
                return ExitCodes.UsageOrIo;
            }

            try
            {
                TfliteModel model = TfliteModel.Load(file.FullName);
                console.Out.Write(ModelInspector.Render(model, file.Length));
                return ExitCodes.Ok;
            }
            catch (ModelException e)
            {
                console.Error.WriteLine($"error: invalid model '{file.Name}': {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }
    }
}

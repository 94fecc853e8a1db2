using System;
using System.CommandLine;
using System.IO;
using VoiceAssistant.Codegen.DeviceVectors;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Codegen.Features;
using VoiceAssistant.Codegen.Model;

namespace VoiceAssistant.Codegen
{
    /// <summary>
    /// Command line: <c>tables</c> regenerates the feature tables and constants; <c>model</c> turns a .tflite and its
    /// manifest into the app's model source and the TFLM host's header.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            var rootOption = new Option<DirectoryInfo>("--root")
            {
                Description = "Repository root (default: the folder holding VoiceAssistant.slnx above the current directory)",
            };

            var tables = new Command("tables", "Write the MFCC tables (C# and C++) and the C++ settings constants");
            tables.Options.Add(rootOption);
            tables.SetAction(parse =>
            {
                string root = parse.GetValue(rootOption)?.FullName ?? FindRepoRoot(Directory.GetCurrentDirectory());
                foreach (string path in GeneratedFileWriter.WriteAll(root, FeatureCodegen.Generate()))
                {
                    Console.WriteLine("wrote " + path);
                }

                return 0;
            });

            var tfliteOption = new Option<FileInfo>("--tflite") { Description = "The .tflite model", Required = true };
            var manifestOption = new Option<FileInfo>("--manifest") { Description = "The model's JSON manifest", Required = true };
            var model = new Command("model", "Write " + ModelCodegen.CSharpPath + " and " + ModelCodegen.CppPath + " from a model and its manifest");
            model.Options.Add(rootOption);
            model.Options.Add(tfliteOption);
            model.Options.Add(manifestOption);
            model.SetAction(parse =>
            {
                string root = parse.GetValue(rootOption)?.FullName ?? FindRepoRoot(Directory.GetCurrentDirectory());
                try
                {
                    byte[] bytes = File.ReadAllBytes(parse.GetValue(tfliteOption).FullName);
                    ModelManifest manifest = ModelManifest.Load(parse.GetValue(manifestOption).FullName);
                    foreach (string path in GeneratedFileWriter.WriteAll(root, ModelCodegen.Generate(bytes, manifest)))
                    {
                        Console.WriteLine("wrote " + path);
                    }

                    return 0;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    Console.Error.WriteLine("error: " + e.Message);
                    return 1;
                }
            });

            var pcmOption = new Option<FileInfo>("--pcm16") { Description = "Raw 16 kHz mono little-endian int16 speech (at least 1 s)", Required = true };
            var sourceOption = new Option<string>("--source") { Description = "How the audio was made (written into the file banner)", Required = true };
            var modelTfliteOption = new Option<FileInfo>("--tflite") { Description = "The shipped model: adds model cases (needs the host interpreter)" };
            var modelManifestOption = new Option<FileInfo>("--manifest") { Description = "The shipped model's manifest (with --tflite)" };
            var vectors = new Command("device-vectors", "Write " + DeviceVectorCodegen.CSharpPath + " from our own sample audio");
            vectors.Options.Add(rootOption);
            vectors.Options.Add(pcmOption);
            vectors.Options.Add(sourceOption);
            vectors.Options.Add(modelTfliteOption);
            vectors.Options.Add(modelManifestOption);
            vectors.SetAction(parse =>
            {
                string root = parse.GetValue(rootOption)?.FullName ?? FindRepoRoot(Directory.GetCurrentDirectory());
                try
                {
                    short[] clip = DeviceVectorCodegen.ReadPcm16(parse.GetValue(pcmOption).FullName);
                    FileInfo tflite = parse.GetValue(modelTfliteOption);
                    if (tflite != null)
                    {
                        // The model cases are scored by the host's C# interpreter; wire ModelScorer here once it exists.
                        Console.Error.WriteLine("error: model cases need the host int8 interpreter, which this build does not have yet");
                        return 1;
                    }

                    GeneratedFile file = DeviceVectorCodegen.Generate(clip, parse.GetValue(sourceOption), null, null, null);
                    foreach (string path in GeneratedFileWriter.WriteAll(root, new[] { file }))
                    {
                        Console.WriteLine("wrote " + path);
                    }

                    return 0;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    Console.Error.WriteLine("error: " + e.Message);
                    return 1;
                }
            });

            var rootCommand = new RootCommand("VoiceAssistant code generator");
            rootCommand.Subcommands.Add(vectors);
            rootCommand.Subcommands.Add(tables);
            rootCommand.Subcommands.Add(model);
            return rootCommand.Parse(args).Invoke();
        }

        /// <summary>Walks up from <paramref name="start"/> to the folder holding VoiceAssistant.slnx.</summary>
        public static string FindRepoRoot(string start)
        {
            for (string dir = start; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "VoiceAssistant.slnx")))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("VoiceAssistant.slnx not found above " + start);
        }
    }
}

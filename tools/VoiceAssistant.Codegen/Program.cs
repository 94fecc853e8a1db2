using System;
using System.CommandLine;
using System.IO;
using VoiceAssistant.Codegen.DeviceVectors;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Codegen.Features;
using VoiceAssistant.Codegen.Model;
using VoiceAssistant.Codegen.Version;
using VoiceAssistant.Export;

namespace VoiceAssistant.Codegen
{
    /// <summary>
    /// Command line: <c>tables</c> regenerates the feature tables and constants; <c>model</c> turns a .tflite and its
    /// manifest into the app's model source and the TFLM host's header;
    /// <c>version</c> turns VERSION into the device assemblies' version constants.
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

            var manifestOption = new Option<FileInfo>("--manifest") { Description = "The model's JSON manifest (it names the .tflite beside it and its sha256)", Required = true };
            var model = new Command("model", "Write " + ModelCodegen.CSharpPath + " and " + ModelCodegen.CppPath + " from a model and its manifest");
            model.Options.Add(rootOption);
            model.Options.Add(manifestOption);
            model.SetAction(parse =>
            {
                string root = parse.GetValue(rootOption)?.FullName ?? FindRepoRoot(Directory.GetCurrentDirectory());
                try
                {
                    (byte[] bytes, ModelManifest manifest) = LoadModel(parse.GetValue(manifestOption).FullName);
                    foreach (string path in GeneratedFileWriter.WriteAll(root, ModelCodegen.Generate(bytes, manifest)))
                    {
                        Console.WriteLine("wrote " + path);
                    }

                    return 0;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ManifestException)
                {
                    Console.Error.WriteLine("error: " + e.Message);
                    return 1;
                }
            });

            var pcmOption = new Option<FileInfo>("--pcm16") { Description = "Raw 16 kHz mono little-endian int16 speech (at least 1 s)", Required = true };
            var sourceOption = new Option<string>("--source") { Description = "How the audio was made (written into the file banner)", Required = true };
            var modelManifestOption = new Option<FileInfo>("--manifest") { Description = "The shipped model's manifest: adds model-score cases computed by the host int8 interpreter (bit-exact with TFLM's reference kernels)" };
            var vectors = new Command("device-vectors", "Write " + DeviceVectorCodegen.CSharpPath + " from our own sample audio");
            vectors.Options.Add(rootOption);
            vectors.Options.Add(pcmOption);
            vectors.Options.Add(sourceOption);
            vectors.Options.Add(modelManifestOption);
            vectors.SetAction(parse =>
            {
                string root = parse.GetValue(rootOption)?.FullName ?? FindRepoRoot(Directory.GetCurrentDirectory());
                try
                {
                    short[] clip = DeviceVectorCodegen.ReadPcm16(parse.GetValue(pcmOption).FullName);
                    FileInfo manifestFile = parse.GetValue(modelManifestOption);
                    GeneratedFile file;
                    if (manifestFile == null)
                    {
                        file = DeviceVectorCodegen.Generate(clip, parse.GetValue(sourceOption), null, null, null);
                    }
                    else
                    {
                        (byte[] bytes, ModelManifest manifest) = LoadModel(manifestFile.FullName);
                        file = DeviceVectorCodegen.Generate(clip, parse.GetValue(sourceOption), bytes, ModelCodegen.Describe(bytes, manifest), InterpreterScorer.Score);
                    }

                    foreach (string path in GeneratedFileWriter.WriteAll(root, new[] { file }))
                    {
                        Console.WriteLine("wrote " + path);
                    }

                    return 0;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ManifestException)
                {
                    Console.Error.WriteLine("error: " + e.Message);
                    return 1;
                }
            });

            var version = new Command("version", "Write " + VersionCodegen.CSharpPath + " from the repository's VERSION file");
            version.Options.Add(rootOption);
            version.SetAction(parse =>
            {
                string root = parse.GetValue(rootOption)?.FullName ?? FindRepoRoot(Directory.GetCurrentDirectory());
                try
                {
                    string text = VersionCodegen.Parse(File.ReadAllText(Path.Combine(root, VersionCodegen.VersionFile)));
                    foreach (string path in GeneratedFileWriter.WriteAll(root, new[] { VersionCodegen.Generate(text) }))
                    {
                        Console.WriteLine("wrote " + path);
                    }

                    return 0;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException)
                {
                    Console.Error.WriteLine("error: " + e.Message);
                    return 1;
                }
            });

            var rootCommand = new RootCommand("VoiceAssistant code generator");
            rootCommand.Subcommands.Add(version);
            rootCommand.Subcommands.Add(vectors);
            rootCommand.Subcommands.Add(tables);
            rootCommand.Subcommands.Add(model);
            return rootCommand.Parse(args).Invoke();
        }

        private static (byte[] Bytes, ModelManifest Manifest) LoadModel(string manifestPath)
        {
            // Load checks the feature parameters and the model's size and sha256 against the manifest.
            ModelManifest manifest = ModelManifest.Load(manifestPath);
            string modelPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath)), manifest.Model);
            return (File.ReadAllBytes(modelPath), manifest);
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

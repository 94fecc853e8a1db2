using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using VoiceAssistant.TestSupport;

namespace VoiceAssistant.Packaging.Tests
{
    /// <summary>The packages tools/packaging/pack.sh wrote into build/packages, and the product's one version.</summary>
    internal static class Packages
    {
        public static string Folder => RepoPaths.Of("build/packages");

        /// <summary>The VERSION file's text: what every package, the tool and the app must carry.</summary>
        public static string Version => File.ReadAllText(RepoPaths.Of("VERSION")).Trim();

        /// <summary>The interop's native (contract) version, from its AssemblyNativeVersion attribute.</summary>
        public static string NativeVersion => System.Text.RegularExpressions.Regex.Match(
            File.ReadAllText(RepoPaths.Of("firmware/VoiceAssistant.Interop/Properties/AssemblyInfo.cs")),
            @"AssemblyNativeVersion\(""([0-9.]+)""\)").Groups[1].Value;

        /// <summary>Path of one package of this version; fails on CI, skips elsewhere when it was not packed.</summary>
        public static string Require(string id)
        {
            string path = Path.Combine(Folder, $"{id}.{Version}.nupkg");
            if (!File.Exists(path))
            {
                Prerequisite.Missing($"{path} is missing: run 'bash tools/packaging/pack.sh' (tests/run-all.sh does)");
            }

            return path;
        }

        /// <summary>The package's entry names.</summary>
        public static string[] Entries(string package)
        {
            using ZipArchive zip = ZipFile.OpenRead(package);
            return zip.Entries.Select(e => e.FullName).ToArray();
        }

        /// <summary>The bytes of one entry.</summary>
        public static byte[] Read(string package, string entry)
        {
            using ZipArchive zip = ZipFile.OpenRead(package);
            ZipArchiveEntry found = zip.GetEntry(entry) ?? throw new FileNotFoundException($"{entry} is not in {package}");
            using Stream stream = found.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        /// <summary>The package's .nuspec metadata element.</summary>
        public static XElement Metadata(string package)
        {
            string nuspec = Entries(package).Single(e => e.EndsWith(".nuspec", StringComparison.Ordinal) && !e.Contains('/'));
            XElement root = XDocument.Load(new MemoryStream(Read(package, nuspec))).Root;
            return root.Elements().Single(e => e.Name.LocalName == "metadata");
        }

        /// <summary>The metadata child <paramref name="name"/>'s value, or null.</summary>
        public static string Value(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

        /// <summary>id → version range of every dependency.</summary>
        public static Dictionary<string, string> Dependencies(XElement metadata) =>
            metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
                .ToDictionary(e => (string)e.Attribute("id"), e => (string)e.Attribute("version"));

        /// <summary>A fresh folder under the system temp folder (outside the repository, so none of its build files apply).</summary>
        public static string TempFolder(string name)
        {
            string dir = Path.Combine(Path.GetTempPath(), $"va-packaging-{name}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            return dir;
        }

        /// <summary>
        /// A NuGet.config whose only sources are the packed folder and a feed holding nanoFramework.CoreLibrary 1.17.11
        /// (copied from the machine's NuGet cache), so restores need no network and only this build's packages can be
        /// found; <see cref="Dotnet"/> gives each run a fresh package cache, so one cached earlier never stands in.
        /// </summary>
        public static void WriteNuGetConfig(string folder)
        {
            string corlib = CoreLibraryPackage();
            string feed = Path.Combine(folder, "feed");
            Directory.CreateDirectory(feed);
            File.Copy(corlib, Path.Combine(feed, Path.GetFileName(corlib)));
            File.WriteAllText(Path.Combine(folder, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="packed" value="{Folder}" />
                    <add key="corelibrary" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
        }

        /// <summary>nanoFramework.CoreLibrary 1.17.11's package in the machine's NuGet cache; fails on CI, skips elsewhere without it.</summary>
        public static string CoreLibraryPackage()
        {
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string path = Path.Combine(cache, "nanoframework.corelibrary", "1.17.11", "nanoframework.corelibrary.1.17.11.nupkg");
            if (!File.Exists(path))
            {
                Prerequisite.Missing($"{path} is missing: restore any firmware project first (dotnet restore firmware/VoiceAssistant.Core.Nano)");
            }

            return path;
        }

        /// <summary>The native checksum of the committed interop stubs (the MetadataProcessor's table), e.g. 0xFD24A55F.</summary>
        public static string StubChecksum => System.Text.RegularExpressions.Regex.Match(
            File.ReadAllText(RepoPaths.Of("native-interop/nanoframework/stubs/VoiceAssistant_Interop.cpp")), "0x[0-9A-Fa-f]{8}").Value;

        /// <summary>Runs <c>dotnet</c> in <paramref name="folder"/> with a package cache of its own.</summary>
        public static RunResult Dotnet(string folder, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["NUGET_PACKAGES"] = Path.Combine(folder, ".nuget-packages");
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            return Processes.Run(start, TimeSpan.FromMinutes(10));
        }
    }
}

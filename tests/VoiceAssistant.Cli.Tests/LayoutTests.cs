using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Cli.Tests
{
    /// <summary>The README's repository table maps every command onto exactly one tools/ project, and each exists.</summary>
    public class LayoutTests
    {
        [Fact]
        public void EveryCommandHasOneHomeInTheRepositoryTable()
        {
            string[] rows = File.ReadAllLines(RepoPaths.Of("README.md")).Where(l => l.StartsWith("| `tools/VoiceAssistant.", StringComparison.Ordinal)).ToArray();
            var homes = rows
                .SelectMany(row => Regex.Matches(row, @"`va (\w+)`").Select(m => (Command: m.Groups[1].Value, Folder: Regex.Match(row, @"^\| `(tools/[^`]+)/`").Groups[1].Value)))
                .ToArray();
            string[] commands = Program.Commands.Select(c => c.Build(new CliConsole(TextWriter.Null, TextWriter.Null)).Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(commands, homes.Select(h => h.Command).OrderBy(n => n, StringComparer.Ordinal).ToArray());
            foreach (var (command, folder) in homes)
            {
                Assert.True(Directory.Exists(RepoPaths.Of(folder)), $"va {command}: {folder} does not exist");
                Assert.NotEmpty(Directory.GetFiles(RepoPaths.Of(folder), "*.csproj"));
            }
        }
    }
}

using System.Runtime.CompilerServices;

// GenerateAssemblyInfo is off (the core's Properties/AssemblyInfo.cs serves every build), so the host
// build declares its test friends here rather than through MSBuild items.
[assembly: InternalsVisibleTo("VoiceAssistant.Core.Tests")]
[assembly: InternalsVisibleTo("VoiceAssistant.Native.Tests")]

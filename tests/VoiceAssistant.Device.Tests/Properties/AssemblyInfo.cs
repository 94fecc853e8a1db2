using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("Device tests of the voice assistant core and interop (nanoFramework.TestFramework).")]
[assembly: AssemblyProduct("VoiceAssistant for .NET nanoFramework")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: ComVisible(false)]

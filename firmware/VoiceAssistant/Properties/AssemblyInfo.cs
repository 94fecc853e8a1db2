using System.Reflection;
using System.Runtime.InteropServices;

// Written by hand so the Visual Studio nanoFramework project and the CI compile check produce the same identity.
[assembly: AssemblyTitle("VoiceAssistant")]
[assembly: AssemblyDescription("Voice assistant firmware app: I2S capture, native keyword spotter, recogniser, LED and serial actions.")]
[assembly: AssemblyProduct("VoiceAssistant for .NET nanoFramework")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
[assembly: ComVisible(false)]

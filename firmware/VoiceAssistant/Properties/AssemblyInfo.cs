using System.Reflection;
using System.Runtime.InteropServices;

// Written by hand so the Visual Studio nanoFramework project and the CI compile check produce the same identity.
[assembly: AssemblyTitle("VoiceAssistant")]
[assembly: AssemblyDescription("Voice assistant firmware app: I2S capture, native keyword spotter, recogniser, LED and serial actions.")]
[assembly: AssemblyProduct("VoiceAssistant for .NET nanoFramework")]
[assembly: AssemblyVersion(VoiceAssistant.Core.ProductVersion.Assembly)]
[assembly: AssemblyFileVersion(VoiceAssistant.Core.ProductVersion.Assembly)]
[assembly: AssemblyInformationalVersion(VoiceAssistant.Core.ProductVersion.Text)]
[assembly: ComVisible(false)]

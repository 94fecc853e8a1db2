using System.Reflection;
using System.Runtime.InteropServices;

// Written by hand (the SDK builds set GenerateAssemblyInfo=false) so the Visual Studio nanoFramework
// project and both SDK builds produce the same assembly identity.
[assembly: AssemblyTitle("VoiceAssistant.Core")]
[assembly: AssemblyDescription("Portable keyword-spotting pipeline core: PCM, MFCC reference, feature window, recogniser, assistant states.")]
[assembly: AssemblyProduct("VoiceAssistant for .NET nanoFramework")]
[assembly: AssemblyVersion(VoiceAssistant.Core.ProductVersion.Assembly)]
[assembly: AssemblyFileVersion(VoiceAssistant.Core.ProductVersion.Assembly)]
[assembly: AssemblyInformationalVersion(VoiceAssistant.Core.ProductVersion.Text)]
[assembly: ComVisible(false)]

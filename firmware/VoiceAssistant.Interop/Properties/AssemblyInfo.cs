using System.Reflection;

[assembly: AssemblyTitle("VoiceAssistant.Interop")]
[assembly: AssemblyDescription("Managed side of the voice assistant's native interop (feature kernel + TFLite Micro).")]
[assembly: AssemblyVersion(VoiceAssistant.Core.ProductVersion.Assembly)]
[assembly: AssemblyFileVersion(VoiceAssistant.Core.ProductVersion.Assembly)]
[assembly: AssemblyInformationalVersion(VoiceAssistant.Core.ProductVersion.Text)]

// The product version above changes with every release; the native version below is the contract's.
// Must equal the version in the firmware's g_CLR_AssemblyNative_VoiceAssistant_Interop table; bump it with
// every change of the native contract (and regenerate stubs and checksum, see native-interop/README.md).
[assembly: AssemblyNativeVersion("2.0.0.0")]

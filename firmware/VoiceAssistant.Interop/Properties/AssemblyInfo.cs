using System.Reflection;

[assembly: AssemblyTitle("VoiceAssistant.Interop")]
[assembly: AssemblyDescription("Managed side of the voice assistant's native interop (feature kernel + TFLite Micro).")]
[assembly: AssemblyVersion("1.0.0.0")]

// Must equal the version in the firmware's g_CLR_AssemblyNative_VoiceAssistant_Interop table; bump it with
// every change of the native contract (and regenerate stubs and checksum, see native-interop/README.md).
[assembly: AssemblyNativeVersion("2.0.0.0")]

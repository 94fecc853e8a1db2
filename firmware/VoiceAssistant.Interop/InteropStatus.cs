namespace VoiceAssistant.Interop
{
    /// <summary>
    /// Status codes returned by the native methods. Zero or positive means success (some methods return a
    /// count); every failure is negative. Values are part of the frozen native contract (native-interop/README.md).
    /// </summary>
    public static class InteropStatus
    {
        /// <summary>Success.</summary>
        public const int Ok = 0;

        /// <summary>A method that needs a configuration ran before <c>NativeConfigure</c> succeeded.</summary>
        public const int NotConfigured = -1;

        /// <summary>A null array, an array too short, an offset/count outside the array, or an unsupported value.</summary>
        public const int BadArgument = -2;

        /// <summary>The firmware image was built without TensorFlow Lite Micro; models cannot be loaded or run.</summary>
        public const int NotBuiltWithTflm = -3;

        /// <summary>The model bytes are not a usable TFLite flatbuffer or its tensors do not match the feature window.</summary>
        public const int ModelInvalid = -4;

        /// <summary>The tensor arena is too small for the model.</summary>
        public const int ArenaTooSmall = -5;

        /// <summary><c>NativeInvoke</c> ran before a model was loaded.</summary>
        public const int ModelNotLoaded = -6;

        /// <summary>The configured feature version or window shape differs from the one compiled into the kernel.</summary>
        public const int FeatureMismatch = -7;

        /// <summary>The native side lacks a needed part of the algorithm in this build.</summary>
        public const int NotImplemented = -8;

        /// <summary>The interpreter reported an error while running the model.</summary>
        public const int InvokeFailed = -9;

        /// <summary>The native heap could not supply the arena or model copy.</summary>
        public const int OutOfMemory = -10;

        /// <summary>
        /// Managed-only code (never returned by native code): the firmware has no native part for this assembly,
        /// so the runtime threw NotSupportedException.
        /// </summary>
        public const int MissingFirmware = -100;

        /// <summary>Returns the constant's name for a status code, for messages.</summary>
        /// <param name="status">A status code.</param>
        public static string Name(int status)
        {
            switch (status)
            {
                case Ok: return "Ok";
                case NotConfigured: return "NotConfigured";
                case BadArgument: return "BadArgument";
                case NotBuiltWithTflm: return "NotBuiltWithTflm";
                case ModelInvalid: return "ModelInvalid";
                case ArenaTooSmall: return "ArenaTooSmall";
                case ModelNotLoaded: return "ModelNotLoaded";
                case FeatureMismatch: return "FeatureMismatch";
                case NotImplemented: return "NotImplemented";
                case InvokeFailed: return "InvokeFailed";
                case OutOfMemory: return "OutOfMemory";
                case MissingFirmware: return "MissingFirmware";
                default: return "Status" + status.ToString();
            }
        }
    }
}

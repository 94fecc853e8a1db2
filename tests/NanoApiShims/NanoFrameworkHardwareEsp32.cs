using NanoApiShims;

// Shim of nanoFramework.Hardware.Esp32, members used by firmware/VoiceAssistant.
namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Shim: pin functions (only the I2S ones we route; real values differ and are irrelevant to compilation).</summary>
    public enum DeviceFunction
    {
        /// <summary>I2S1 master clock.</summary>
        I2S1_MCK,

        /// <summary>I2S1 bit clock.</summary>
        I2S1_BCK,

        /// <summary>I2S1 word select.</summary>
        I2S1_WS,

        /// <summary>I2S1 data out.</summary>
        I2S1_DATA_OUT,

        /// <summary>I2S1 data in.</summary>
        I2S1_MDATA_IN,
    }

    /// <summary>Shim: pin routing.</summary>
    public static class Configuration
    {
        /// <summary>Shim.</summary>
        /// <param name="gpioNumber">GPIO.</param>
        /// <param name="function">Function.</param>
        public static void SetPinFunction(int gpioNumber, DeviceFunction function)
        {
            throw new CompileOnlyShimException();
        }
    }
}

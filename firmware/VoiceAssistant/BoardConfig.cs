using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.App
{
    /// <summary>
    /// Everything board-specific in one place: pins, I2S bus and buffer, LED polarity and the microphone layout.
    /// Defaults: classic ESP32 DevKit with an INMP441-type I2S MEMS microphone (SCK 26, WS 32, SD 33, L/R to GND)
    /// and the on-board LED on GPIO 2.
    /// </summary>
    internal static class BoardConfig
    {
        /// <summary>I2S bit clock pin (I2S1_BCK).</summary>
        public const int I2sBitClockPin = 26;

        /// <summary>I2S word select pin (I2S1_WS).</summary>
        public const int I2sWordSelectPin = 32;

        /// <summary>I2S data-in pin (I2S1_MDATA_IN).</summary>
        public const int I2sDataInPin = 33;

        /// <summary>nanoFramework I2S bus id (1 = I2S_NUM_0).</summary>
        public const int I2sBusId = 1;

        /// <summary>Driver buffer bytes (sizes the DMA; stereo 32-bit needs at least 4096).</summary>
        public const int I2sBufferBytes = 8192;

        /// <summary>Status LED pin.</summary>
        public const int LedPin = 2;

        /// <summary>True when the LED lights on a high level.</summary>
        public const bool LedActiveHigh = true;

        /// <summary>
        /// Settings for this board. The driver's byte layout is not confirmed on hardware, so the safest format is
        /// read: 32-bit slots, both channels (RightLeft), and the microphone's slot and shift chosen here.
        /// </summary>
        public static AssistantSettings CreateSettings()
        {
            var settings = new AssistantSettings();
            settings.SlotBytes = 4;
            settings.ChannelsPerFrame = 2;
            settings.Channel = 0;
            settings.SampleShift = 16;
            settings.DeadMicrophoneSeconds = 2;
            settings.WakeLabel = null;
            return settings;
        }

        /// <summary>One line describing the pins, for the start-up log.</summary>
        public static string Describe()
        {
            return "PINS i2s bus " + I2sBusId.ToString() + " bck " + I2sBitClockPin.ToString() + " ws " + I2sWordSelectPin.ToString()
                + " sd " + I2sDataInPin.ToString() + " led " + LedPin.ToString();
        }
    }
}

using System;
using System.Device.I2s;
using nanoFramework.Hardware.Esp32;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.App.Hardware
{
    /// <summary>
    /// The I2S MEMS microphone: nanoFramework's (legacy ESP-IDF) driver in master-receive mode at 16 kHz. Thin by
    /// design: the byte layout it delivers is interpreted by the settings (slot bytes, channels, channel, shift).
    /// </summary>
    /// <remarks>
    /// <c>Read</c> blocks the whole runtime until the span is full (no timeout), so the loop reads exactly one hop at
    /// a time into its reused buffer.
    /// </remarks>
    internal sealed class I2sMicrophone : IAudioSource, IDisposable
    {
        private readonly I2sDevice _device;

        /// <summary>Routes the pins and opens the device for the settings' layout.</summary>
        /// <param name="settings">Microphone layout (SlotBytes 2 or 4, ChannelsPerFrame 1 or 2).</param>
        public I2sMicrophone(AssistantSettings settings)
        {
            I2sBitsPerSample bits;
            if (settings.SlotBytes == 4)
            {
                bits = I2sBitsPerSample.Bit32;
            }
            else if (settings.SlotBytes == 2)
            {
                bits = I2sBitsPerSample.Bit16;
            }
            else
            {
                throw new ArgumentException("the I2S driver delivers 2- or 4-byte slots; SlotBytes is " + settings.SlotBytes.ToString());
            }

            // The driver reads the pin map when the device is created, so route the pins first.
            Configuration.SetPinFunction(BoardConfig.I2sBitClockPin, DeviceFunction.I2S1_BCK);
            Configuration.SetPinFunction(BoardConfig.I2sWordSelectPin, DeviceFunction.I2S1_WS);
            Configuration.SetPinFunction(BoardConfig.I2sDataInPin, DeviceFunction.I2S1_MDATA_IN);

            var connection = new I2sConnectionSettings(BoardConfig.I2sBusId);

            // Exactly Master | Rx: any other flag (the default is Pdm) disconnects the data-in pin.
            connection.Mode = I2sMode.Master | I2sMode.Rx;
            connection.SampleRate = AssistantSettings.SampleRate;
            connection.BitsPerSample = bits;

            // Mono formats may return every other sample in this driver; stereo + channel pick is predictable.
            connection.ChannelFormat = settings.ChannelsPerFrame == 2
                ? I2sChannelFormat.RightLeft
                : (settings.Channel == 0 ? I2sChannelFormat.OnlyLeft : I2sChannelFormat.OnlyRight);
            connection.CommunicationFormat = I2sCommunicationFormat.I2S;
            connection.BufferSize = BoardConfig.I2sBufferBytes;
            _device = new I2sDevice(connection);
        }

        /// <inheritdoc />
        public bool Read(byte[] buffer, int count)
        {
            // SpanByte is a ref struct (lives on the stack): wrapping the reused buffer allocates nothing.
            _device.Read(new SpanByte(buffer, 0, count));
            return true;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}

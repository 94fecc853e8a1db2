using System;
using NanoApiShims;

// Shim of nanoFramework.System.Device.I2s (assembly System.Device.I2s), members used by firmware/VoiceAssistant.
namespace System.Device.I2s
{
    /// <summary>Shim: I2S modes (flags).</summary>
    [Flags]
    public enum I2sMode
    {
        /// <summary>Master.</summary>
        Master = 1,

        /// <summary>Slave.</summary>
        Slave = 2,

        /// <summary>Transmit.</summary>
        Tx = 4,

        /// <summary>Receive.</summary>
        Rx = 8,

        /// <summary>Built-in DAC.</summary>
        DacBuiltIn = 16,

        /// <summary>Built-in ADC.</summary>
        AdcBuiltIn = 32,

        /// <summary>PDM.</summary>
        Pdm = 64,
    }

    /// <summary>Shim: bits per sample.</summary>
    public enum I2sBitsPerSample
    {
        /// <summary>8.</summary>
        Bit8,

        /// <summary>16.</summary>
        Bit16,

        /// <summary>24.</summary>
        Bit24,

        /// <summary>32.</summary>
        Bit32,
    }

    /// <summary>Shim: channel formats.</summary>
    public enum I2sChannelFormat
    {
        /// <summary>Both channels.</summary>
        RightLeft = 0,

        /// <summary>All right.</summary>
        AllRight,

        /// <summary>All left.</summary>
        AllLeft,

        /// <summary>Only right.</summary>
        OnlyRight,

        /// <summary>Only left.</summary>
        OnlyLeft,
    }

    /// <summary>Shim: communication formats.</summary>
    public enum I2sCommunicationFormat
    {
        /// <summary>Philips I2S.</summary>
        I2S = 1,

        /// <summary>MSB.</summary>
        Msb = 3,

        /// <summary>PCM short.</summary>
        PcmShort = 4,

        /// <summary>PCM long.</summary>
        PcmLong = 0x0C,
    }

    /// <summary>Shim: connection settings.</summary>
    public sealed class I2sConnectionSettings
    {
        /// <summary>Shim constructor.</summary>
        /// <param name="busId">Bus id.</param>
        public I2sConnectionSettings(int busId)
        {
            throw new CompileOnlyShimException();
        }

        /// <summary>Shim.</summary>
        public int BusId { get; set; }

        /// <summary>Shim.</summary>
        public int SampleRate { get; set; }

        /// <summary>Shim.</summary>
        public I2sMode Mode { get; set; }

        /// <summary>Shim.</summary>
        public I2sBitsPerSample BitsPerSample { get; set; }

        /// <summary>Shim.</summary>
        public I2sChannelFormat ChannelFormat { get; set; }

        /// <summary>Shim.</summary>
        public I2sCommunicationFormat CommunicationFormat { get; set; }

        /// <summary>Shim.</summary>
        public int BufferSize { get; set; }
    }

    /// <summary>Shim: the I2S device.</summary>
    public class I2sDevice : IDisposable
    {
        /// <summary>Shim constructor.</summary>
        /// <param name="settings">Settings.</param>
        public I2sDevice(I2sConnectionSettings settings)
        {
            throw new CompileOnlyShimException();
        }

        /// <summary>Shim: blocking read filling the whole span.</summary>
        /// <param name="buffer">Destination.</param>
        public void Read(SpanByte buffer)
        {
            throw new CompileOnlyShimException();
        }

        /// <summary>Shim.</summary>
        public void Dispose()
        {
            throw new CompileOnlyShimException();
        }
    }
}

using System;
using NanoApiShims;

// Shim of nanoFramework.System.Device.Gpio (assembly System.Device.Gpio), members used by firmware/VoiceAssistant.
namespace System.Device.Gpio
{
    /// <summary>Shim: pin modes.</summary>
    public enum PinMode
    {
        /// <summary>Input.</summary>
        Input,

        /// <summary>Output.</summary>
        Output,
    }

    /// <summary>Shim: a pin level (a struct in the real library, convertible from bool and int).</summary>
    public struct PinValue
    {
        /// <summary>Shim.</summary>
        public static PinValue High { get { throw new CompileOnlyShimException(); } }

        /// <summary>Shim.</summary>
        public static PinValue Low { get { throw new CompileOnlyShimException(); } }
    }

    /// <summary>Shim: an opened pin.</summary>
    public class GpioPin : IDisposable
    {
        private GpioPin()
        {
        }

        /// <summary>Shim.</summary>
        /// <param name="value">Level.</param>
        public void Write(PinValue value)
        {
            throw new CompileOnlyShimException();
        }

        /// <summary>Shim.</summary>
        public void Toggle()
        {
            throw new CompileOnlyShimException();
        }

        /// <summary>Shim.</summary>
        public void Dispose()
        {
            throw new CompileOnlyShimException();
        }
    }

    /// <summary>Shim: the GPIO controller.</summary>
    public class GpioController : IDisposable
    {
        /// <summary>Shim constructor.</summary>
        public GpioController()
        {
            throw new CompileOnlyShimException();
        }

        /// <summary>Shim.</summary>
        /// <param name="pinNumber">Pin.</param>
        /// <param name="mode">Mode.</param>
        public GpioPin OpenPin(int pinNumber, PinMode mode)
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

using System;
using System.Device.Gpio;
using VoiceAssistant.Core.Actions;

namespace VoiceAssistant.App.Hardware
{
    /// <summary>The status LED on a GPIO output (the blink logic is the core's <see cref="StatusLed"/>).</summary>
    internal sealed class GpioLedOutput : ILedOutput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeHigh;

        private GpioLedOutput(GpioPin pin, bool activeHigh)
        {
            _pin = pin;
            _activeHigh = activeHigh;
        }

        /// <summary>
        /// Opens the pin as an output. If the GPIO cannot be opened the reason is reported and null is returned (the
        /// LED stays dark), so every other failure still reaches the serial output.
        /// </summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="activeHigh">True when high lights the LED.</param>
        /// <param name="reporter">Where an unavailable LED is reported.</param>
        public static GpioLedOutput Open(int pin, bool activeHigh, IReporter reporter)
        {
            try
            {
                return new GpioLedOutput(new GpioController().OpenPin(pin, PinMode.Output), activeHigh);
            }
            catch (Exception e)
            {
                reporter.WriteLine("LED unavailable on GPIO " + pin.ToString() + ": " + e.GetType().Name + " " + e.Message);
                return null;
            }
        }

        /// <inheritdoc />
        public void Show(bool lit)
        {
            _pin.Write(lit == _activeHigh ? PinValue.High : PinValue.Low);
        }
    }
}

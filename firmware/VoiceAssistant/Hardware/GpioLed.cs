using System;
using System.Device.Gpio;
using VoiceAssistant.Core.Actions;

namespace VoiceAssistant.App.Hardware
{
    /// <summary>What the status LED shows, including the app's fault patterns.</summary>
    internal enum LedPattern
    {
        /// <summary>Off.</summary>
        Off,

        /// <summary>Steadily on.</summary>
        On,

        /// <summary>Slow blink (armed, listening for a command).</summary>
        Listening,

        /// <summary>Two short flashes per second (microphone silent or dead).</summary>
        Microphone,

        /// <summary>Fast blink (fatal error: see serial).</summary>
        Error,
    }

    /// <summary>
    /// The status LED on a GPIO. Patterns are advanced by <see cref="Update"/> from the capture loop (every hop) or
    /// the fault loop, so no timer or thread is needed. A fault pattern overrides the assistant's states until cleared.
    /// </summary>
    internal sealed class GpioLed : ILed
    {
        private readonly GpioPin _pin;
        private readonly bool _activeHigh;
        private LedPattern _state = LedPattern.Off;
        private LedPattern _fault = LedPattern.Off;
        private bool _lit;
        private bool _written;

        private GpioLed(GpioPin pin, bool activeHigh)
        {
            _pin = pin;
            _activeHigh = activeHigh;
            Drive(false);
        }

        /// <summary>
        /// Opens the pin as an output, LED off. If the GPIO cannot be opened the LED stays dark and the reason is
        /// reported, so every other failure still reaches the serial output.
        /// </summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="activeHigh">True when high lights the LED.</param>
        /// <param name="reporter">Where an unavailable LED is reported.</param>
        public static GpioLed Open(int pin, bool activeHigh, IReporter reporter)
        {
            try
            {
                return new GpioLed(new GpioController().OpenPin(pin, PinMode.Output), activeHigh);
            }
            catch (Exception e)
            {
                reporter.WriteLine("LED unavailable on GPIO " + pin.ToString() + ": " + e.GetType().Name + " " + e.Message);
                return new GpioLed(null, activeHigh);
            }
        }

        /// <inheritdoc />
        public void SetState(LedState state)
        {
            _state = state == LedState.On ? LedPattern.On : state == LedState.Listening ? LedPattern.Listening : LedPattern.Off;
        }

        /// <summary>Shows a fault pattern (<see cref="LedPattern.Microphone"/> or <see cref="LedPattern.Error"/>) over the state; Off clears it.</summary>
        /// <param name="pattern">Fault pattern.</param>
        public void SetFault(LedPattern pattern)
        {
            _fault = pattern;
        }

        /// <summary>Drives the pin for time <paramref name="timeMs"/>.</summary>
        /// <param name="timeMs">Milliseconds (any monotonic clock).</param>
        public void Update(int timeMs)
        {
            LedPattern p = _fault != LedPattern.Off ? _fault : _state;
            int phase = timeMs % 1000;
            bool lit;
            switch (p)
            {
                case LedPattern.On: lit = true; break;
                case LedPattern.Listening: lit = phase < 500; break;
                case LedPattern.Microphone: lit = phase < 100 || (phase >= 200 && phase < 300); break;
                case LedPattern.Error: lit = (timeMs % 200) < 100; break;
                default: lit = false; break;
            }

            Drive(lit);
        }

        private void Drive(bool lit)
        {
            // Write only on change: a GPIO write is a native call.
            if (_pin == null || (_written && lit == _lit))
            {
                return;
            }

            _lit = lit;
            _written = true;
            _pin.Write(lit == _activeHigh ? PinValue.High : PinValue.Low);
        }
    }
}

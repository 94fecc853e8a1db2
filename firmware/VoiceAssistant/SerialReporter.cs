using System;
using VoiceAssistant.Core.Actions;

namespace VoiceAssistant.App
{
    /// <summary>
    /// Report lines on the board's serial output (nanoFramework's console: the debug channel on UART0, which the
    /// <c>va monitor</c> command and Visual Studio's output window read).
    /// </summary>
    internal sealed class SerialReporter : IReporter
    {
        /// <inheritdoc />
        public void WriteLine(string line)
        {
            Console.WriteLine(line);
        }
    }
}

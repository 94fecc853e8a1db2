using System;
using VoiceAssistant.Core.Loop;

namespace VoiceAssistant.App.Hardware
{
    /// <summary>The board's wall clock, for the loop's real-time check.</summary>
    internal sealed class SystemClock : IHopClock
    {
        /// <inheritdoc />
        public long Ticks
        {
            get { return DateTime.UtcNow.Ticks; }
        }
    }
}

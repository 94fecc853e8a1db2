namespace VoiceAssistant.Core.Loop
{
    /// <summary>Wall clock for the loop's real-time check (the board's; the PC twin passes none).</summary>
    public interface IHopClock
    {
        /// <summary>Current time in 100 ns ticks (any epoch; only differences are used).</summary>
        long Ticks { get; }
    }
}

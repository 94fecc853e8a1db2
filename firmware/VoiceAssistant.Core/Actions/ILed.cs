namespace VoiceAssistant.Core.Actions
{
    /// <summary>The assistant's status LED (a GPIO on the board, a console/monitor view on the PC).</summary>
    public interface ILed
    {
        /// <summary>Shows <paramref name="state"/>; a pattern such as <see cref="LedState.Listening"/> is animated by the implementation.</summary>
        /// <param name="state">State to show.</param>
        void SetState(LedState state);
    }
}

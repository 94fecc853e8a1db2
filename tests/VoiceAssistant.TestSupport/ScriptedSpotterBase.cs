using VoiceAssistant.Core.Model;

namespace VoiceAssistant.TestSupport
{
    /// <summary>
    /// What every scripted <see cref="IKeywordSpotter"/> of the loop tests shares: its labels, an identity input
    /// quantisation and a microphone that is alive as far as the loop's check is concerned. Subclasses script when
    /// rows arrive and what the model scores.
    /// </summary>
    public abstract class ScriptedSpotterBase : IKeywordSpotter
    {
        /// <summary>Creates it with the labels its scores are in.</summary>
        /// <param name="labels">Labels in score order.</param>
        protected ScriptedSpotterBase(string[] labels) => Labels = labels;

        /// <inheritdoc />
        public string[] Labels { get; }

        /// <inheritdoc />
        public float InputScale => 1f;

        /// <inheritdoc />
        public int InputZeroPoint => 0;

        /// <summary>A live microphone: the hop's samples span -1..1 over one hop (320 samples).</summary>
        /// <param name="levels">Receives the lowest and highest sample.</param>
        public int GetLevels(int[] levels)
        {
            levels[0] = -1;
            levels[1] = 1;
            return 320;
        }

        /// <inheritdoc />
        public abstract int PushAudio(byte[] raw, int offset, int count);

        /// <inheritdoc />
        public abstract void Invoke(sbyte[] scores);

        /// <inheritdoc />
        public abstract void Reset();
    }
}

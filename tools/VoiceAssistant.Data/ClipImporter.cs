using System.Collections.Generic;

namespace VoiceAssistant.Data
{
    /// <summary>Options of <see cref="ClipImporter"/>.</summary>
    public sealed class ImportOptions
    {
        /// <summary>Frames within this many dB of the loudest frame count as speech (negative).</summary>
        public double ThresholdDb { get; set; } = -25;

        /// <summary>Pauses shorter than this join two words.</summary>
        public int MinGapMs { get; set; } = 300;

        /// <summary>Shorter bursts (clicks) are ignored.</summary>
        public int MinWordMs { get; set; } = 100;
    }

    /// <summary>
    /// Splits a user's long recording of one word said many times into 1 s clips on energy and writes them into
    /// <c>&lt;out&gt;/&lt;word&gt;/&lt;speaker&gt;_nohash_&lt;n&gt;.wav</c>, continuing the speaker's numbering.
    /// </summary>
    public sealed class ClipImporter
    {
        private readonly IWavIo wav;

        /// <summary>Creates the importer.</summary>
        /// <param name="wav">WAV I/O (default <see cref="AudioLibraryWavIo"/>).</param>
        public ClipImporter(IWavIo wav = null)
        {
            this.wav = wav ?? AudioLibraryWavIo.Instance;
        }

        /// <summary>The 1 s clips found in <paramref name="samples"/>.</summary>
        /// <param name="samples">16 kHz mono audio.</param>
        /// <param name="options">Options.</param>
        public static List<short[]> Split(short[] samples, ImportOptions options)
        {
            options ??= new ImportOptions();
            var clips = new List<short[]>();
            foreach (Segment s in ClipCentering.FindSegments(samples, options.ThresholdDb, options.MinGapMs, options.MinWordMs))
            {
                clips.Add(ClipCentering.Extract(samples, s));
            }

            return clips;
        }

        /// <summary>Reads <paramref name="wavPath"/>, splits it and writes the clips; returns their paths.</summary>
        /// <param name="wavPath">The recording.</param>
        /// <param name="word">Word (folder).</param>
        /// <param name="speaker">Speaker id.</param>
        /// <param name="outRoot">Data set root.</param>
        /// <param name="options">Options.</param>
        public List<string> Import(string wavPath, string word, string speaker, string outRoot, ImportOptions options = null)
        {
            SpeechCommandsLayout.CheckName(word, "word");
            SpeechCommandsLayout.CheckName(speaker, "speaker");
            var written = new List<string>();
            int n = SpeechCommandsLayout.NextIndex(outRoot, word, speaker);
            foreach (short[] clip in Split(wav.ReadMono16k(wavPath), options))
            {
                string path = SpeechCommandsLayout.ClipPath(outRoot, word, speaker, n++);
                wav.WriteMono16k(path, clip);
                written.Add(path);
            }

            return written;
        }
    }
}

namespace VoiceAssistant.Audio
{
    /// <summary>Sample encodings the reader understands.</summary>
    public enum WavSampleEncoding
    {
        /// <summary>Integer PCM (8-bit unsigned; 16, 24 and 32-bit signed).</summary>
        Pcm,

        /// <summary>IEEE float, 32 or 64 bit.</summary>
        Float,
    }

    /// <summary>What a WAV file's header says, as read.</summary>
    public sealed class WavFormat
    {
        /// <summary>Creates a format description.</summary>
        /// <param name="encoding">Sample encoding.</param>
        /// <param name="channels">Channels per frame.</param>
        /// <param name="sampleRate">Frames per second.</param>
        /// <param name="bitsPerSample">Container bits per sample.</param>
        /// <param name="extensible">True when the header was WAVE_FORMAT_EXTENSIBLE.</param>
        public WavFormat(WavSampleEncoding encoding, int channels, int sampleRate, int bitsPerSample, bool extensible)
        {
            Encoding = encoding;
            Channels = channels;
            SampleRate = sampleRate;
            BitsPerSample = bitsPerSample;
            Extensible = extensible;
        }

        /// <summary>Sample encoding.</summary>
        public WavSampleEncoding Encoding { get; }

        /// <summary>Channels per frame.</summary>
        public int Channels { get; }

        /// <summary>Frames per second.</summary>
        public int SampleRate { get; }

        /// <summary>Container bits per sample (8, 16, 24, 32 or 64).</summary>
        public int BitsPerSample { get; }

        /// <summary>True when the header was WAVE_FORMAT_EXTENSIBLE.</summary>
        public bool Extensible { get; }

        /// <summary>Bytes per frame (all channels).</summary>
        public int BlockAlign => Channels * (BitsPerSample / 8);
    }

    /// <summary>Decoded audio: mono samples (channels averaged) as floats in [-1, 1) at the file's own rate.</summary>
    public sealed class WavAudio
    {
        /// <summary>Creates decoded audio.</summary>
        /// <param name="format">The header as read.</param>
        /// <param name="samples">Mono samples.</param>
        /// <param name="truncated">True when the data chunk claimed more bytes than the file holds.</param>
        public WavAudio(WavFormat format, float[] samples, bool truncated)
        {
            Format = format;
            Samples = samples;
            Truncated = truncated;
        }

        /// <summary>The header as read.</summary>
        public WavFormat Format { get; }

        /// <summary>Mono samples at <see cref="WavFormat.SampleRate"/>.</summary>
        public float[] Samples { get; }

        /// <summary>
        /// True when the data chunk declared more bytes than the file holds (a recorder that was interrupted or
        /// streamed without fixing the header); the complete frames that are present were decoded.
        /// </summary>
        public bool Truncated { get; }
    }
}

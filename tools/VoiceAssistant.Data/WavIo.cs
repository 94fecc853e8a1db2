using System.IO;
using VoiceAssistant.Audio;

namespace VoiceAssistant.Data
{
    /// <summary>
    /// The WAV seam of the data tools (synth, import, streaming sets), so tests can substitute audio; the shipped
    /// implementation is <see cref="AudioLibraryWavIo"/> over tools/VoiceAssistant.Audio.
    /// </summary>
    public interface IWavIo
    {
        /// <summary>Reads a WAV as 16 kHz mono int16 samples, or throws <see cref="InvalidDataException"/> saying why not.</summary>
        /// <param name="path">WAV path.</param>
        short[] ReadMono16k(string path);

        /// <summary>Writes 16 kHz mono 16-bit PCM atomically.</summary>
        /// <param name="path">Destination.</param>
        /// <param name="samples">Samples.</param>
        void WriteMono16k(string path, short[] samples);
    }

    /// <summary>
    /// <see cref="IWavIo"/> over the project's WAV library: any PCM/float format, channel count and sample rate
    /// (downmixed and resampled to 16 kHz mono), atomic writes.
    /// </summary>
    public sealed class AudioLibraryWavIo : IWavIo
    {
        /// <summary>Shared instance.</summary>
        public static readonly AudioLibraryWavIo Instance = new AudioLibraryWavIo();

        /// <inheritdoc />
        public short[] ReadMono16k(string path)
        {
            try
            {
                return WavReader.ReadMono16k(path);
            }
            catch (WavFormatException e)
            {
                // The seam's contract (and the CLI's error handling) is InvalidDataException with the reader's message.
                throw new InvalidDataException(e.Message, e);
            }
        }

        /// <inheritdoc />
        public void WriteMono16k(string path, short[] samples)
        {
            // The data tools write into layout folders (<word>/...) that may not exist yet.
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
            WavWriter.WriteMono16(path, samples);
        }
    }
}

using System.Globalization;
using VoiceAssistant.Audio;

namespace VoiceAssistant.Cli
{
    /// <summary>Warnings about WAV files that are read although something is off.</summary>
    internal static class WavWarnings
    {
        /// <summary>The warning for a file whose header promises more audio than it holds, or null when it is whole.</summary>
        /// <param name="name">File name as shown to the user.</param>
        /// <param name="reader">The opened file.</param>
        public static string CutShort(string name, WavStreamReader reader) => !reader.Truncated ? null : string.Create(CultureInfo.InvariantCulture,
            $"warning: '{name}' is cut short: its header promises {reader.DeclaredDataBytes:N0} bytes of audio but the file holds {reader.AvailableDataBytes:N0}; using the {reader.Frames / (double)reader.Format.SampleRate:F2} s present");
    }
}

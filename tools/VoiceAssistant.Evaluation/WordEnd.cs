using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Evaluation
{
    /// <summary>
    /// Where the spoken word of a clip ends, found from the clip's own audio (before it is mixed into a streaming
    /// recording): the end of the last 10 ms frame whose mean-square energy is within <see cref="DefaultDecibelsBelowPeak"/>
    /// of the clip's loudest frame. Detection latency is measured from this point.
    /// </summary>
    /// <remarks>
    /// Frames are consecutive and do not overlap, starting at the clip's first sample; a shorter last frame is measured by
    /// its own mean square. 25 dB below the peak keeps a word's weak end (the /s/ of "yes" lies 10–25 dB below its
    /// vowel: at 15/20/25/30 dB the median end of the first 200 test-list "yes" clips is 670/730/840/890 ms). About a
    /// fifth of Speech Commands yes/no clips end within the clip's last 10 ms by this rule: the word is cut by the clip,
    /// or the clip's noise is within 25 dB of it; their latency is then measured from the clip's end.
    /// </remarks>
    public static class WordEnd
    {
        /// <summary>Samples per analysis frame (10 ms at 16 kHz).</summary>
        public const int FrameSamples = AssistantSettings.SampleRate / 100;

        /// <summary>How far below the loudest frame a frame may be and still count as part of the word.</summary>
        public const double DefaultDecibelsBelowPeak = 25;

        /// <summary>The sample index just after the word, or 0 for a clip that is all zeros (or empty).</summary>
        /// <param name="samples">The clip, 16 kHz mono.</param>
        /// <param name="decibelsBelowPeak">Frames at least this far below the loudest are not part of the word.</param>
        public static int FindEndSample(short[] samples, double decibelsBelowPeak = DefaultDecibelsBelowPeak)
        {
            ArgumentNullException.ThrowIfNull(samples);
            if (!(decibelsBelowPeak >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(decibelsBelowPeak), "must be a number >= 0");
            }

            double peak = 0;
            for (int start = 0; start < samples.Length; start += FrameSamples)
            {
                peak = Math.Max(peak, MeanSquare(samples, start));
            }

            if (peak == 0)
            {
                return 0;
            }

            double floor = peak * Math.Pow(10, -decibelsBelowPeak / 10);
            int end = 0;
            for (int start = 0; start < samples.Length; start += FrameSamples)
            {
                if (MeanSquare(samples, start) >= floor)
                {
                    end = Math.Min(start + FrameSamples, samples.Length);
                }
            }

            return end;
        }

        /// <summary>The word's end in milliseconds from the clip's start (rounded down).</summary>
        /// <param name="samples">The clip, 16 kHz mono.</param>
        public static int FindEndMs(short[] samples) => (int)((long)FindEndSample(samples) * 1000 / AssistantSettings.SampleRate);

        private static double MeanSquare(short[] samples, int start)
        {
            int end = Math.Min(start + FrameSamples, samples.Length);
            double sum = 0;
            for (int i = start; i < end; i++)
            {
                sum += (double)samples[i] * samples[i];
            }

            return sum / (end - start);
        }
    }
}

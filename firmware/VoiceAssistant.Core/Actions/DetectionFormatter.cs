using System;

namespace VoiceAssistant.Core.Actions
{
    /// <summary>
    /// The one line protocol shared by the board's serial output, the host twin and the PC monitor.
    /// </summary>
    /// <remarks>
    /// Lines (single spaces, no culture-dependent formatting, decimal integers, '-' only for negative times):
    /// <list type="bullet">
    /// <item><c>DETECT &lt;label&gt; &lt;score&gt; &lt;ms&gt;</c>: a new command; score 0..255 as the recogniser
    /// computes it, ms the inference timestamp.</item>
    /// <item><c>WAKE &lt;ms&gt;</c>: the wake word armed the assistant.</item>
    /// <item><c>IDLE &lt;ms&gt;</c>: the armed assistant timed out without a command.</item>
    /// </list>
    /// Parsers ignore trailing CR, LF, spaces and tabs (serial line endings) and reject anything else.
    /// Formatting allocates the line string (detections are rare); parsing allocates only the label.
    /// </remarks>
    public static class DetectionFormatter
    {
        /// <summary>First word of a detection line.</summary>
        public const string DetectKeyword = "DETECT";

        /// <summary>First word of a wake line.</summary>
        public const string WakeKeyword = "WAKE";

        /// <summary>First word of a wake-timeout line.</summary>
        public const string IdleKeyword = "IDLE";

        /// <summary>Formats <c>DETECT &lt;label&gt; &lt;score&gt; &lt;ms&gt;</c>.</summary>
        /// <param name="label">Label; non-empty, without whitespace or control characters.</param>
        /// <param name="score">Score in 0..255.</param>
        /// <param name="timeMs">Timestamp in milliseconds.</param>
        public static string FormatDetection(string label, int score, int timeMs)
        {
            if (!IsValidLabel(label))
            {
                throw new ArgumentException("label must be non-empty without whitespace or control characters", "label");
            }

            if (score < 0 || score > 255)
            {
                throw new ArgumentOutOfRangeException("score", "score must be in 0..255");
            }

            return DetectKeyword + " " + label + " " + FormatInt(score) + " " + FormatInt(timeMs);
        }

        /// <summary>Formats <c>WAKE &lt;ms&gt;</c>.</summary>
        /// <param name="timeMs">Timestamp in milliseconds.</param>
        public static string FormatWake(int timeMs)
        {
            return WakeKeyword + " " + FormatInt(timeMs);
        }

        /// <summary>Formats <c>IDLE &lt;ms&gt;</c>.</summary>
        /// <param name="timeMs">Timestamp in milliseconds.</param>
        public static string FormatIdle(int timeMs)
        {
            return IdleKeyword + " " + FormatInt(timeMs);
        }

        /// <summary>Parses a line written by <see cref="FormatDetection"/>.</summary>
        /// <param name="line">Line to parse (may end in CR/LF).</param>
        /// <param name="label">The label, or null on failure.</param>
        /// <param name="score">The score (0..255), or 0 on failure.</param>
        /// <param name="timeMs">The timestamp, or 0 on failure.</param>
        /// <returns>True when the line is a well-formed detection line.</returns>
        public static bool TryParseDetection(string line, out string label, out int score, out int timeMs)
        {
            label = null;
            score = 0;
            timeMs = 0;
            int end = TrimmedEnd(line);
            int pos = MatchKeyword(line, end, DetectKeyword);
            if (pos < 0)
            {
                return false;
            }

            int labelStart = pos;
            while (pos < end && line[pos] != ' ')
            {
                if (line[pos] <= ' ')
                {
                    return false;
                }

                pos++;
            }

            if (pos == labelStart || pos >= end)
            {
                return false;
            }

            int labelEnd = pos;
            pos++;
            int spaceAt = line.IndexOf(' ', pos);
            if (spaceAt < 0 || spaceAt >= end)
            {
                return false;
            }

            int parsedScore;
            int parsedTime;
            if (!TryParseInt(line, pos, spaceAt, out parsedScore) || parsedScore < 0 || parsedScore > 255)
            {
                return false;
            }

            if (!TryParseInt(line, spaceAt + 1, end, out parsedTime))
            {
                return false;
            }

            label = line.Substring(labelStart, labelEnd - labelStart);
            score = parsedScore;
            timeMs = parsedTime;
            return true;
        }

        /// <summary>Parses a line written by <see cref="FormatWake"/>.</summary>
        /// <param name="line">Line to parse.</param>
        /// <param name="timeMs">The timestamp, or 0 on failure.</param>
        public static bool TryParseWake(string line, out int timeMs)
        {
            return TryParseTimeLine(line, WakeKeyword, out timeMs);
        }

        /// <summary>Parses a line written by <see cref="FormatIdle"/>.</summary>
        /// <param name="line">Line to parse.</param>
        /// <param name="timeMs">The timestamp, or 0 on failure.</param>
        public static bool TryParseIdle(string line, out int timeMs)
        {
            return TryParseTimeLine(line, IdleKeyword, out timeMs);
        }

        /// <summary>True when <paramref name="label"/> can appear in a line: non-empty, no whitespace or control characters.</summary>
        /// <param name="label">Label to check.</param>
        public static bool IsValidLabel(string label)
        {
            if (label == null || label.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < label.Length; i++)
            {
                char c = label[i];
                if (c <= ' ' || c == (char)127)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Invariant decimal text of <paramref name="value"/> (no culture, '-' for negatives).</summary>
        /// <param name="value">Value to format.</param>
        public static string FormatInt(int value)
        {
            if (value == 0)
            {
                return "0";
            }

            char[] digits = new char[11];
            int pos = digits.Length;

            // Work on the negative magnitude so int.MinValue needs no special case.
            int v = value > 0 ? -value : value;
            while (v != 0)
            {
                int q = v / 10;
                pos--;
                digits[pos] = (char)('0' + (q * 10 - v));
                v = q;
            }

            if (value < 0)
            {
                pos--;
                digits[pos] = '-';
            }

            return new string(digits, pos, digits.Length - pos);
        }

        private static bool TryParseTimeLine(string line, string keyword, out int timeMs)
        {
            timeMs = 0;
            int end = TrimmedEnd(line);
            int pos = MatchKeyword(line, end, keyword);
            if (pos < 0)
            {
                return false;
            }

            return TryParseInt(line, pos, end, out timeMs);
        }

        // Index just past "<keyword> ", or -1.
        private static int MatchKeyword(string line, int end, string keyword)
        {
            if (line == null || end < keyword.Length + 1)
            {
                return -1;
            }

            for (int i = 0; i < keyword.Length; i++)
            {
                if (line[i] != keyword[i])
                {
                    return -1;
                }
            }

            return line[keyword.Length] == ' ' ? keyword.Length + 1 : -1;
        }

        private static int TrimmedEnd(string line)
        {
            if (line == null)
            {
                return 0;
            }

            int end = line.Length;
            while (end > 0)
            {
                char c = line[end - 1];
                if (c != '\r' && c != '\n' && c != ' ' && c != '\t')
                {
                    break;
                }

                end--;
            }

            return end;
        }

        // Decimal int in line[start, end): optional '-', at least one digit, no overflow.
        private static bool TryParseInt(string line, int start, int end, out int value)
        {
            value = 0;
            int pos = start;
            bool negative = false;
            if (pos < end && line[pos] == '-')
            {
                negative = true;
                pos++;
            }

            if (pos >= end)
            {
                return false;
            }

            // Accumulate negatively so int.MinValue parses.
            int acc = 0;
            while (pos < end)
            {
                char c = line[pos];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                int digit = c - '0';
                if (acc < (int.MinValue + digit) / 10)
                {
                    return false;
                }

                acc = acc * 10 - digit;
                pos++;
            }

            if (!negative)
            {
                if (acc == int.MinValue)
                {
                    return false;
                }

                acc = -acc;
            }

            value = acc;
            return true;
        }
    }
}

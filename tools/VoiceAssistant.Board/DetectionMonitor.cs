using System;
using System.Globalization;
using System.IO;
using VoiceAssistant.Core.Actions;

namespace VoiceAssistant.Board
{
    /// <summary>
    /// Turns the board's serial text into a live view: DETECT/WAKE/IDLE lines (parsed with the core's
    /// <see cref="DetectionFormatter"/>, the same parser as the host twin) are rendered; LAG, MIC, ERROR and start-up
    /// lines are shown as they are; other text is dropped unless <see cref="ShowAll"/> is set.
    /// </summary>
    /// <remarks>
    /// nanoFramework's console output reaches the serial port inside the debugger's wire-protocol packets, so a line may
    /// carry framing bytes before the text: each line is searched for the first known keyword.
    /// </remarks>
    public sealed class DetectionMonitor
    {
        private static readonly string[] Keywords = { DetectionFormatter.DetectKeyword, DetectionFormatter.WakeKeyword, DetectionFormatter.IdleKeyword };
        private static readonly string[] PassThrough = { "LAG ", "MIC ", "ERROR ", "VoiceAssistant ", "MODEL ", "NATIVE ", "ARENA ", "PINS ", "READY " };

        /// <summary>Show lines that are not assistant reports too.</summary>
        public bool ShowAll { get; set; }

        /// <summary>Detections seen so far.</summary>
        public int Detections { get; private set; }

        /// <summary>Renders one received line, or returns null when it is not shown.</summary>
        /// <param name="line">Raw line (may hold framing bytes before the text).</param>
        public string Render(string line)
        {
            if (line == null)
            {
                return null;
            }

            foreach (string keyword in Keywords)
            {
                int at = line.IndexOf(keyword + " ", StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                string text = line.Substring(at);
                if (DetectionFormatter.TryParseDetection(text, out string label, out int score, out int timeMs))
                {
                    Detections++;
                    return $"{Seconds(timeMs)}  DETECT  {label,-12} score {score,3}  {Bar(score)}";
                }

                if (DetectionFormatter.TryParseWake(text, out timeMs))
                {
                    return $"{Seconds(timeMs)}  WAKE    listening...";
                }

                if (DetectionFormatter.TryParseIdle(text, out timeMs))
                {
                    return $"{Seconds(timeMs)}  IDLE    wake timed out";
                }
            }

            foreach (string prefix in PassThrough)
            {
                int at = line.IndexOf(prefix, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return "        " + line.Substring(at).TrimEnd();
                }
            }

            return ShowAll ? "        | " + line.TrimEnd() : null;
        }

        /// <summary>Reads lines until the reader ends, writing rendered ones; returns the number of detections.</summary>
        /// <param name="reader">Source of lines (the serial port, or a test stream).</param>
        /// <param name="output">Destination.</param>
        public int Run(TextReader reader, TextWriter output)
        {
            string line;
            while ((line = reader.ReadLine()) != null)
            {
                string shown = Render(line);
                if (shown != null)
                {
                    output.WriteLine(shown);
                }
            }

            return Detections;
        }

        private static string Seconds(int ms) => (ms / 1000.0).ToString("0.00", CultureInfo.InvariantCulture).PadLeft(8) + " s";

        private static string Bar(int score) => new string('#', score / 16);
    }
}

using System;
using System.Globalization;

namespace VoiceAssistant.Cli
{
    /// <summary>Parsing of comma-separated option values.</summary>
    public static class CliLists
    {
        /// <summary>Non-empty trimmed items of a comma-separated list.</summary>
        /// <param name="text">The list.</param>
        public static string[] Strings(string text) =>
            (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>Integers of a comma-separated list; throws <see cref="CliUsageException"/> naming the option on a bad item.</summary>
        /// <param name="text">The list.</param>
        /// <param name="option">Option name for the message.</param>
        public static int[] Ints(string text, string option)
        {
            string[] items = Strings(text);
            var values = new int[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                if (!int.TryParse(items[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
                {
                    throw new CliUsageException($"{option}: '{items[i]}' is not a whole number");
                }
            }

            return values;
        }
    }
}

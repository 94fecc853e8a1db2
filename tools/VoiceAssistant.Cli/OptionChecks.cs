using System;
using System.Globalization;
using System.Linq;

namespace VoiceAssistant.Cli
{
    /// <summary>
    /// Range checks of option values that name the option and the value given, so a message never lists several
    /// options without saying which one was wrong. Each returns the problem, or null.
    /// </summary>
    public static class OptionChecks
    {
        /// <summary>The first problem of several checks, or null.</summary>
        /// <param name="problems">Results of checks.</param>
        public static string First(params string[] problems) => problems.FirstOrDefault(p => p != null);

        /// <summary>Checks <paramref name="value"/> ≥ <paramref name="min"/>.</summary>
        /// <param name="option">Option name.</param>
        /// <param name="value">Value given.</param>
        /// <param name="min">Smallest allowed.</param>
        public static string AtLeast(string option, double value, double min) =>
            value >= min ? null : Problem(option, value, $"at least {Text(min)}");

        /// <summary>Checks <paramref name="min"/> ≤ <paramref name="value"/> ≤ <paramref name="max"/> (NaN fails).</summary>
        /// <param name="option">Option name.</param>
        /// <param name="value">Value given.</param>
        /// <param name="min">Smallest allowed.</param>
        /// <param name="max">Largest allowed.</param>
        public static string Within(string option, double value, double min, double max) =>
            value >= min && value <= max ? null : Problem(option, value, $"{Text(min)}..{Text(max)}");

        /// <summary>Checks <paramref name="min"/> ≤ <paramref name="value"/> &lt; <paramref name="limit"/> (NaN fails).</summary>
        /// <param name="option">Option name.</param>
        /// <param name="value">Value given.</param>
        /// <param name="min">Smallest allowed.</param>
        /// <param name="limit">First value not allowed.</param>
        public static string Below(string option, double value, double min, double limit) =>
            value >= min && value < limit ? null : Problem(option, value, $"at least {Text(min)} and below {Text(limit)}");

        /// <summary>Checks every item of a list is within a range.</summary>
        /// <param name="option">Option name.</param>
        /// <param name="values">Values given.</param>
        /// <param name="min">Smallest allowed.</param>
        /// <param name="max">Largest allowed.</param>
        public static string AllWithin(string option, int[] values, int min, int max)
        {
            ArgumentNullException.ThrowIfNull(values);
            if (values.Length == 0)
            {
                return $"{option} needs at least one value";
            }

            return First(values.Select(v => Within(option, v, min, max)).ToArray());
        }

        private static string Problem(string option, double value, string allowed) => $"{option} must be {allowed} (got {Text(value)})";

        private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A command line that cannot be used as given (a malformed or out-of-range value): exit code 2.</summary>
    public sealed class CliUsageException : Exception
    {
        /// <summary>Creates it with the message shown after "error: ".</summary>
        /// <param name="message">What is wrong.</param>
        public CliUsageException(string message)
            : base(message)
        {
        }
    }
}

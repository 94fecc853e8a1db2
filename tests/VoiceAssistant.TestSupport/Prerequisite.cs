using System;
using Xunit;

namespace VoiceAssistant.TestSupport
{
    /// <summary>The one rule for absent test inputs: a failure on CI (CI=true), a skip with the reason elsewhere.</summary>
    public static class Prerequisite
    {
        /// <summary>True when running under CI, where a missing input is an error.</summary>
        public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>Fails (CI) or skips the current test; never returns.</summary>
        /// <param name="message">What is missing and how to provide it.</param>
        public static void Missing(string message)
        {
            if (IsCi)
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }
    }
}

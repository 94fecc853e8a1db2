using System;
using System.Globalization;

namespace VoiceAssistant.Codegen.Emit
{
    /// <summary>Round-trippable float literals for each target language.</summary>
    public static class Literals
    {
        /// <summary>C# literal: shortest round-trip form plus 'f' (parses back to the same float).</summary>
        public static string CSharpFloat(float value)
        {
            CheckFinite(value);
            return value.ToString("R", CultureInfo.InvariantCulture) + "f";
        }

        /// <summary>C++ literal: 9 significant digits (always enough for float32) with a decimal point and 'f'.</summary>
        public static string CppFloat(float value)
        {
            CheckFinite(value);
            string s = value.ToString("G9", CultureInfo.InvariantCulture);
            if (s.IndexOf('.') < 0 && s.IndexOf('E') < 0)
            {
                s += ".0";
            }

            return s + "f";
        }

        /// <summary>Integer literal.</summary>
        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static void CheckFinite(float value)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), "tables hold finite values only");
            }
        }
    }
}

using System;

namespace VoiceAssistant.Codegen.Emit
{
    /// <summary>Element type of a generated table or constant.</summary>
    public enum TableElement
    {
        /// <summary>float32.</summary>
        Float,

        /// <summary>int16.</summary>
        Int16,

        /// <summary>int32.</summary>
        Int32,

        /// <summary>uint8 (raw bytes, e.g. a model file).</summary>
        UInt8,

        /// <summary>int8 (quantised features and scores).</summary>
        Int8,
    }

    /// <summary>One literal array, emitted identically (by value) into every target language.</summary>
    public sealed class GeneratedTable
    {
        private GeneratedTable(string name, string summary, TableElement element, float[] floats, int[] ints)
        {
            Name = name;
            Summary = summary;
            Element = element;
            Floats = floats;
            Ints = ints;
        }

        /// <summary>PascalCase name; each emitter applies its language's convention.</summary>
        public string Name { get; }

        /// <summary>One-sentence description for the generated documentation.</summary>
        public string Summary { get; }

        /// <summary>Element type.</summary>
        public TableElement Element { get; }

        /// <summary>Values of a float table (null otherwise).</summary>
        public float[] Floats { get; }

        /// <summary>Values of an integer table (null otherwise).</summary>
        public int[] Ints { get; }

        /// <summary>Number of elements.</summary>
        public int Length => Floats != null ? Floats.Length : Ints.Length;

        /// <summary>The values as literals: floats through <paramref name="floatLiteral"/>, integers in decimal.</summary>
        public string[] FormatValues(Func<float, string> floatLiteral)
        {
            var s = new string[Length];
            for (int i = 0; i < s.Length; i++)
            {
                s[i] = Floats != null ? floatLiteral(Floats[i]) : Literals.Int(Ints[i]);
            }

            return s;
        }

        /// <summary>A float32 table from values computed in double, rounded once to the nearest float.</summary>
        public static GeneratedTable FromDoubles(string name, string summary, double[] values)
        {
            var floats = new float[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                float f = (float)values[i];
                floats[i] = f == 0f ? 0f : f; // no negative zeros in the sources
            }

            return new GeneratedTable(name, summary, TableElement.Float, floats, null);
        }

        /// <summary>A byte table (values copied).</summary>
        public static GeneratedTable Bytes(string name, string summary, byte[] values)
        {
            var ints = new int[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                ints[i] = values[i];
            }

            return new GeneratedTable(name, summary, TableElement.UInt8, null, ints);
        }

        /// <summary>An int8 table (values copied).</summary>
        public static GeneratedTable SBytes(string name, string summary, sbyte[] values)
        {
            var ints = new int[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                ints[i] = values[i];
            }

            return new GeneratedTable(name, summary, TableElement.Int8, null, ints);
        }

        /// <summary>An int32 table (values copied).</summary>
        public static GeneratedTable Int32(string name, string summary, int[] values)
        {
            return new GeneratedTable(name, summary, TableElement.Int32, null, (int[])values.Clone());
        }

        /// <summary>A float32 table (values copied; negative zeros written as zero).</summary>
        public static GeneratedTable FromFloats(string name, string summary, float[] values)
        {
            var floats = new float[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                floats[i] = values[i] == 0f ? 0f : values[i];
            }

            return new GeneratedTable(name, summary, TableElement.Float, floats, null);
        }

        /// <summary>An int16 table; throws when a value does not fit.</summary>
        public static GeneratedTable Int16(string name, string summary, int[] values)
        {
            foreach (int v in values)
            {
                if (v < short.MinValue || v > short.MaxValue)
                {
                    throw new ArgumentOutOfRangeException(nameof(values), $"{name}: {v} does not fit int16");
                }
            }

            return new GeneratedTable(name, summary, TableElement.Int16, null, (int[])values.Clone());
        }
    }

    /// <summary>One scalar constant (int32 or float32) emitted into every target language.</summary>
    public sealed class GeneratedConstant
    {
        /// <summary>Creates an int32 constant.</summary>
        public GeneratedConstant(string name, string summary, int value)
        {
            Name = name;
            Summary = summary;
            Element = TableElement.Int32;
            IntValue = value;
        }

        /// <summary>Creates a float32 constant.</summary>
        public GeneratedConstant(string name, string summary, float value)
        {
            Name = name;
            Summary = summary;
            Element = TableElement.Float;
            FloatValue = value;
        }

        /// <summary>PascalCase name.</summary>
        public string Name { get; }

        /// <summary>Description, or null.</summary>
        public string Summary { get; }

        /// <summary>Int32 or Float.</summary>
        public TableElement Element { get; }

        /// <summary>Value of an int constant.</summary>
        public int IntValue { get; }

        /// <summary>Value of a float constant.</summary>
        public float FloatValue { get; }
    }

    /// <summary>A generated file: repository-relative path (forward slashes) and its exact text.</summary>
    public sealed class GeneratedFile
    {
        /// <summary>Creates a generated file.</summary>
        public GeneratedFile(string relativePath, string content)
        {
            RelativePath = relativePath;
            Content = content;
        }

        /// <summary>Path relative to the repository root, with forward slashes.</summary>
        public string RelativePath { get; }

        /// <summary>Exact file content ('\n' line endings, UTF-8 without BOM).</summary>
        public string Content { get; }
    }
}

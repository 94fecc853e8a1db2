using System;
using System.Collections.Generic;

namespace VoiceAssistant.Codegen.Emit
{
    /// <summary>Emits constants and tables as a static C# class (mscorlib-only constructs, valid for nanoFramework).</summary>
    public static class CSharpEmitter
    {
        /// <summary>Builds the source of one static class.</summary>
        /// <param name="banner">Comment lines placed at the top of the file.</param>
        /// <param name="ns">Namespace.</param>
        /// <param name="className">Class name.</param>
        /// <param name="summary">XML summary of the class.</param>
        /// <param name="isPublic">Public, or internal.</param>
        /// <param name="constants">Constants, emitted first.</param>
        /// <param name="tables">Arrays, emitted as static readonly fields.</param>
        /// <param name="members">Writes further members after the tables (indented inside the class), or null.</param>
        /// <param name="usings">Namespaces imported at the top, or null.</param>
        public static string EmitClass(IReadOnlyList<string> banner, string ns, string className, string summary, bool isPublic,
                                       IReadOnlyList<GeneratedConstant> constants, IReadOnlyList<GeneratedTable> tables,
                                       Action<SourceWriter> members = null, IReadOnlyList<string> usings = null)
        {
            var w = new SourceWriter();
            foreach (string line in banner)
            {
                w.Line("// " + line);
            }

            foreach (string u in usings ?? Array.Empty<string>())
            {
                w.Line("using " + u + ";");
            }

            if (usings != null && usings.Count > 0)
            {
                w.Line();
            }

            string access = isPublic ? "public" : "internal";
            w.Line("namespace " + ns).Open();
            w.Line("/// <summary>" + summary + "</summary>");
            w.Line(access + " static class " + className).Open();
            bool first = true;
            foreach (GeneratedConstant c in constants)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                w.Line("/// <summary>" + c.Summary + "</summary>");
                string value = c.Element == TableElement.Float ? Literals.CSharpFloat(c.FloatValue) : Literals.Int(c.IntValue);
                string type = c.Element == TableElement.Float ? "float" : "int";
                w.Line(access + " const " + type + " " + c.Name + " = " + value + ";");
            }

            foreach (GeneratedTable t in tables)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                string type = TypeName(t.Element);
                w.Line("/// <summary>" + t.Summary + " (" + t.Length + " values)</summary>");
                w.Line(access + " static readonly " + type + "[] " + t.Name + " = new " + type + "[]");
                w.Open();
                w.Values(t.FormatValues(Literals.CSharpFloat), t.Element == TableElement.Float ? 6 : 16);
                w.Close("};");
            }

            if (members != null)
            {
                if (!first)
                {
                    w.Line();
                }

                members(w);
            }

            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string TypeName(TableElement e) => e switch
        {
            TableElement.Float => "float",
            TableElement.Int16 => "short",
            TableElement.UInt8 => "byte",
            TableElement.Int8 => "sbyte",
            TableElement.Int32 => "int",
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        };

    }
}

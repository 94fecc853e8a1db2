using System;
using System.Collections.Generic;

namespace VoiceAssistant.Codegen.Emit
{
    /// <summary>Emits constants and tables as a self-contained C++ header.</summary>
    public static class CppEmitter
    {
        /// <summary>Builds one header.</summary>
        /// <param name="banner">Comment lines placed at the top of the file.</param>
        /// <param name="ns">Namespace, possibly nested with '::' (emitted C++11-style, one block per level).</param>
        /// <param name="constants">Emitted as <c>constexpr</c>, name prefixed with 'k'.</param>
        /// <param name="tables">Emitted as <c>static const</c> arrays, name prefixed with 'k'.</param>
        public static string EmitHeader(IReadOnlyList<string> banner, string ns,
                                        IReadOnlyList<GeneratedConstant> constants, IReadOnlyList<GeneratedTable> tables)
        {
            var w = new SourceWriter();
            foreach (string line in banner)
            {
                w.Line("// " + line);
            }

            w.Line("#pragma once");
            w.Line();
            w.Line("#include <cstdint>");
            w.Line();
            string[] parts = ns.Split("::");
            foreach (string part in parts)
            {
                w.Line("namespace " + part + " {");
            }

            foreach (GeneratedConstant c in constants)
            {
                w.Line();
                if (c.Summary != null)
                {
                    w.Line("// " + c.Summary);
                }

                string value = c.Element == TableElement.Float ? Literals.CppFloat(c.FloatValue) : Literals.Int(c.IntValue);
                string type = c.Element == TableElement.Float ? "float" : "int32_t";
                w.Line("constexpr " + type + " k" + c.Name + " = " + value + ";");
            }

            foreach (GeneratedTable t in tables)
            {
                w.Line();
                w.Line("// " + t.Summary + " (" + t.Length + " values)");
                w.Line("static const " + TypeName(t.Element) + " k" + t.Name + "[" + t.Length + "] = {");
                w.Indent();
                w.Values(t.FormatValues(Literals.CppFloat), t.Element == TableElement.Float ? 6 : 16);
                w.Outdent();
                w.Line("};");
            }

            w.Line();
            for (int i = parts.Length - 1; i >= 0; i--)
            {
                w.Line("}  // namespace " + parts[i]);
            }

            return w.ToString();
        }

        private static string TypeName(TableElement e) => e switch
        {
            TableElement.Float => "float",
            TableElement.Int16 => "int16_t",
            TableElement.UInt8 => "uint8_t",
            TableElement.Int8 => "int8_t",
            TableElement.Int32 => "int32_t",
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        };

    }
}

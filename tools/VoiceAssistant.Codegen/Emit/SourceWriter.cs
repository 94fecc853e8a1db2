using System.Text;

namespace VoiceAssistant.Codegen.Emit
{
    /// <summary>Indented text builder with '\n' line endings, so generated files are identical on every OS.</summary>
    public sealed class SourceWriter
    {
        private readonly StringBuilder text = new StringBuilder();
        private int indent;

        /// <summary>Writes one line at the current indentation (an empty line has no trailing spaces).</summary>
        public SourceWriter Line(string line = "")
        {
            if (line.Length > 0)
            {
                text.Append(' ', indent * 4);
                text.Append(line);
            }

            text.Append('\n');
            return this;
        }

        /// <summary>Writes an opening brace line and indents what follows.</summary>
        public SourceWriter Open(string line = "{")
        {
            Line(line);
            indent++;
            return this;
        }

        /// <summary>Outdents and writes a closing brace line.</summary>
        public SourceWriter Close(string line = "}")
        {
            indent--;
            Line(line);
            return this;
        }

        /// <summary>Indents what follows.</summary>
        public SourceWriter Indent()
        {
            indent++;
            return this;
        }

        /// <summary>Outdents what follows.</summary>
        public SourceWriter Outdent()
        {
            indent--;
            return this;
        }

        /// <summary>Writes literals <paramref name="perLine"/> to a line, comma-separated.</summary>
        public SourceWriter Values(string[] literals, int perLine)
        {
            for (int i = 0; i < literals.Length; i += perLine)
            {
                var sb = new StringBuilder();
                for (int j = i; j < i + perLine && j < literals.Length; j++)
                {
                    if (j > i)
                    {
                        sb.Append(' ');
                    }

                    sb.Append(literals[j]).Append(',');
                }

                Line(sb.ToString());
            }

            return this;
        }

        /// <inheritdoc />
        public override string ToString() => text.ToString();
    }
}

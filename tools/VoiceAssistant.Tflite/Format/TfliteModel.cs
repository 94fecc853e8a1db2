using System.Collections.Generic;

namespace VoiceAssistant.Tflite
{
    /// <summary>
    /// A .tflite model (schema version 3) as plain mutable objects. Read it with <see cref="TfliteReader"/>
    /// (or <see cref="Load(string)"/>, which also validates), write it with <see cref="TfliteWriter"/>.
    /// This project supports exactly one subgraph.
    /// </summary>
    public sealed class TfliteModel
    {
        /// <summary>The only schema version this project reads and writes.</summary>
        public const uint SchemaVersion = 3;

        /// <summary>The 4-byte file identifier at offset 4 of every .tflite file.</summary>
        public const string FileIdentifier = "TFL3";

        /// <summary>Schema version stored in the file (3).</summary>
        public uint Version { get; set; } = SchemaVersion;

        /// <summary>Free-text description (e.g. "TOCO Converted."); null when absent.</summary>
        public string Description { get; set; }

        /// <summary>Operator codes; operators refer to them by index.</summary>
        public List<OperatorCode> OperatorCodes { get; } = new List<OperatorCode>();

        /// <summary>Subgraphs; the validator accepts exactly one.</summary>
        public List<SubGraph> Subgraphs { get; } = new List<SubGraph>();

        /// <summary>Raw data buffers; entry 0 is the empty sentinel used by non-constant tensors.</summary>
        public List<ModelBuffer> Buffers { get; } = new List<ModelBuffer>();

        /// <summary>Named metadata entries pointing at buffers.</summary>
        public List<Metadata> Metadata { get; } = new List<Metadata>();

        /// <summary>The main (first) subgraph.</summary>
        public SubGraph MainSubgraph => Subgraphs.Count > 0 ? Subgraphs[0] : null;

        /// <summary>Reads, then validates, a .tflite file. Any problem is a <see cref="ModelException"/>.</summary>
        /// <param name="path">Path of the .tflite file.</param>
        public static TfliteModel Load(string path)
        {
            byte[] bytes;
            try
            {
                bytes = ReadFileBounded(path);
            }
            catch (System.IO.IOException e)
            {
                throw new ModelException($"cannot read model file '{path}': {e.Message}", e);
            }
            catch (System.UnauthorizedAccessException e)
            {
                throw new ModelException($"cannot read model file '{path}': {e.Message}", e);
            }

            return Parse(bytes);
        }

        /// <summary>Reads, then validates, the bytes of a .tflite file. Any problem is a <see cref="ModelException"/>.</summary>
        /// <param name="bytes">The whole file.</param>
        public static TfliteModel Parse(byte[] bytes)
        {
            TfliteModel model = TfliteReader.Read(bytes);
            ModelValidator.Validate(model);
            return model;
        }

        /// <summary>Serialises the model (see <see cref="TfliteWriter.Write"/>).</summary>
        public byte[] ToBytes() => TfliteWriter.Write(this);

        private static byte[] ReadFileBounded(string path)
        {
            var info = new System.IO.FileInfo(path);
            if (!info.Exists)
            {
                throw new System.IO.FileNotFoundException("file not found", path);
            }

            if (info.Length > ModelValidator.MaxFileBytes)
            {
                throw new ModelException($"model file '{path}' is {info.Length} bytes, more than the {ModelValidator.MaxFileBytes}-byte limit");
            }

            return System.IO.File.ReadAllBytes(path);
        }
    }

    /// <summary>An entry of the model's operator-code table.</summary>
    public sealed class OperatorCode
    {
        /// <summary>Creates an empty code (ADD, version 1).</summary>
        public OperatorCode()
        {
        }

        /// <summary>Creates a code for a builtin operator with both stored fields set as the writer emits them.</summary>
        /// <param name="op">The builtin operator.</param>
        /// <param name="version">Operator version.</param>
        public OperatorCode(BuiltinOperator op, int version)
        {
            BuiltinCodeField = (int)op;
            DeprecatedBuiltinCode = DeprecatedCodeFor(op);
            Version = version;
        }

        /// <summary>The legacy int8 <c>deprecated_builtin_code</c> field as stored (older models store the code only here).</summary>
        public sbyte DeprecatedBuiltinCode { get; set; }

        /// <summary>The int32 <c>builtin_code</c> field as stored (0 when absent).</summary>
        public int BuiltinCodeField { get; set; }

        /// <summary>Name of a custom operator; null for builtins.</summary>
        public string CustomCode { get; set; }

        /// <summary>Operator version (schema default 1).</summary>
        public int Version { get; set; } = 1;

        /// <summary>The real operator: max(deprecated_builtin_code, builtin_code), as TFLite's GetBuiltinCode does.</summary>
        public BuiltinOperator BuiltinCode => (BuiltinOperator)System.Math.Max((int)DeprecatedBuiltinCode, BuiltinCodeField);

        /// <summary>The value the legacy field holds for an operator: the code itself up to 127, else 127 (placeholder).</summary>
        /// <param name="op">The builtin operator.</param>
        public static sbyte DeprecatedCodeFor(BuiltinOperator op)
        {
            int code = (int)op;
            return (sbyte)(code < 0 ? 0 : System.Math.Min(code, (int)BuiltinOperator.PlaceholderForGreaterOpCodes));
        }
    }

    /// <summary>A graph of tensors and operators; the model's first one is the one run.</summary>
    public sealed class SubGraph
    {
        /// <summary>All tensors of the subgraph.</summary>
        public List<Tensor> Tensors { get; } = new List<Tensor>();

        /// <summary>Indices of the graph's input tensors.</summary>
        public int[] Inputs { get; set; } = new int[0];

        /// <summary>Indices of the graph's output tensors.</summary>
        public int[] Outputs { get; set; } = new int[0];

        /// <summary>Operators in execution order.</summary>
        public List<Operator> Operators { get; } = new List<Operator>();

        /// <summary>Debug name; null when absent.</summary>
        public string Name { get; set; }
    }

    /// <summary>A tensor: shape, element type, optional constant data (via a buffer) and quantisation.</summary>
    public sealed class Tensor
    {
        /// <summary>Dimensions, outermost first (NHWC for images).</summary>
        public int[] Shape { get; set; } = new int[0];

        /// <summary>Element type.</summary>
        public TensorType Type { get; set; }

        /// <summary>Index into <see cref="TfliteModel.Buffers"/>; 0 (the empty buffer) for non-constant tensors.</summary>
        public int Buffer { get; set; }

        /// <summary>Debug name; null when absent.</summary>
        public string Name { get; set; }

        /// <summary>Quantisation parameters; null when the file stores none.</summary>
        public QuantizationParameters Quantization { get; set; }

        /// <summary>True for variable (stateful) tensors; this project rejects them.</summary>
        public bool IsVariable { get; set; }

        /// <summary>True when the file carries sparsity parameters (read only to reject them).</summary>
        public bool HasSparsity { get; set; }

        /// <summary>Number of elements (product of the shape), or -1 when a dimension is negative or the product overflows.</summary>
        public long ElementCount
        {
            get
            {
                long n = 1;
                foreach (int d in Shape)
                {
                    if (d < 0)
                    {
                        return -1;
                    }

                    n *= d;
                    if (n > int.MaxValue)
                    {
                        return -1;
                    }
                }

                return n;
            }
        }
    }

    /// <summary>Affine quantisation: real = scale × (q − zero_point), per tensor or per channel.</summary>
    public sealed class QuantizationParameters
    {
        /// <summary>Calibration minimums (optional, for TensorFlow import); empty when absent.</summary>
        public float[] Min { get; set; } = new float[0];

        /// <summary>Calibration maximums (optional); empty when absent.</summary>
        public float[] Max { get; set; } = new float[0];

        /// <summary>Scales: one per tensor or one per channel of <see cref="QuantizedDimension"/>.</summary>
        public float[] Scale { get; set; } = new float[0];

        /// <summary>Zero points, as many as scales.</summary>
        public long[] ZeroPoint { get; set; } = new long[0];

        /// <summary>The dimension the per-channel scales run along (0 when per-tensor).</summary>
        public int QuantizedDimension { get; set; }

        /// <summary>True when the file stores a <c>details</c> union (custom quantisation), which this project rejects.</summary>
        public bool HasCustomDetails { get; set; }
    }

    /// <summary>One operator: its code index, tensor indices (-1 = optional input omitted) and options.</summary>
    public sealed class Operator
    {
        /// <summary>Index into <see cref="TfliteModel.OperatorCodes"/>.</summary>
        public int OpcodeIndex { get; set; }

        /// <summary>Input tensor indices; -1 marks an omitted optional input.</summary>
        public int[] Inputs { get; set; } = new int[0];

        /// <summary>Output tensor indices.</summary>
        public int[] Outputs { get; set; } = new int[0];

        /// <summary>Typed builtin options with schema defaults filled in; null when the file stores none.</summary>
        public BuiltinOptions Options { get; set; }

        /// <summary>True when the file stores custom options (read only to reject them).</summary>
        public bool HasCustomOptions { get; set; }
    }

    /// <summary>A raw data buffer (constant tensor data, metadata).</summary>
    public sealed class ModelBuffer
    {
        /// <summary>Creates an empty buffer.</summary>
        public ModelBuffer()
        {
        }

        /// <summary>Creates a buffer holding the given bytes.</summary>
        /// <param name="data">The bytes (not copied).</param>
        public ModelBuffer(byte[] data)
        {
            Data = data ?? new byte[0];
        }

        /// <summary>The bytes, little-endian element data; empty for the sentinel and non-constant tensors.</summary>
        public byte[] Data { get; set; } = new byte[0];

        /// <summary>Offset of data stored outside the flatbuffer (&gt;2 GB models); 0 when unused. Rejected by the validator.</summary>
        public ulong ExternalOffset { get; set; }

        /// <summary>Size of data stored outside the flatbuffer; 0 when unused.</summary>
        public ulong ExternalSize { get; set; }
    }

    /// <summary>A named metadata entry pointing at a buffer.</summary>
    public sealed class Metadata
    {
        /// <summary>Metadata name (e.g. "min_runtime_version").</summary>
        public string Name { get; set; }

        /// <summary>Index into <see cref="TfliteModel.Buffers"/>.</summary>
        public int Buffer { get; set; }
    }
}

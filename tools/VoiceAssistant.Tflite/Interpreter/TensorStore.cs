using System;

namespace VoiceAssistant.Tflite
{
    /// <summary>
    /// Where every int8 tensor of a prepared model lives: activations in the one planned arena, constants in
    /// their own arrays; plus the shared kernel scratch. Views are spans, so reading them allocates nothing.
    /// </summary>
    internal sealed class TensorStore
    {
        private readonly sbyte[][] arrays;
        private readonly int[] offsets;
        private readonly int[] lengths;

        public TensorStore(int tensorCount, sbyte[] arena)
        {
            Arena = arena;
            arrays = new sbyte[tensorCount][];
            offsets = new int[tensorCount];
            lengths = new int[tensorCount];
        }

        /// <summary>The activation arena.</summary>
        public sbyte[] Arena { get; }

        /// <summary>Kernel scratch shared by all operators (they run one at a time).</summary>
        public int[] Scratch { get; set; } = new int[0];

        public void Bind(int tensor, sbyte[] array, int offset, int length)
        {
            arrays[tensor] = array;
            offsets[tensor] = offset;
            lengths[tensor] = length;
        }

        public bool IsBound(int tensor) => arrays[tensor] != null;

        /// <summary>The whole backing array of a bound tensor (constants own theirs).</summary>
        public sbyte[] Array(int tensor) => arrays[tensor];

        public ReadOnlySpan<sbyte> Read(int tensor) => new ReadOnlySpan<sbyte>(arrays[tensor], offsets[tensor], lengths[tensor]);

        public Span<sbyte> Write(int tensor) => new Span<sbyte>(arrays[tensor], offsets[tensor], lengths[tensor]);
    }
}

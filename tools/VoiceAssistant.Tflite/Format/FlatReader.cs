using System;
using Google.FlatBuffers;

namespace VoiceAssistant.Tflite
{
    /// <summary>
    /// Bounds-checked access to a flatbuffer through the runtime's <see cref="ByteBuffer"/>/<see cref="Table"/>,
    /// which do not check offsets themselves. Every offset is checked against the file before it is followed,
    /// and a budget on the bytes decoded stops hostile files whose offsets alias the same data many times
    /// from causing huge allocations.
    /// </summary>
    internal sealed class FlatReader
    {
        private readonly byte[] data;
        private long budget;

        public FlatReader(byte[] data)
        {
            this.data = data;
            Bytes = new ByteBuffer(data);
            // A well-formed file decodes each byte at most once (vtables are shared but not counted).
            budget = (2L * data.Length) + 4096;
        }

        public ByteBuffer Bytes { get; }

        public int Length => data.Length;

        public void Require(long position, long size, string what)
        {
            if (position < 0 || size < 0 || position + size > data.Length)
            {
                throw new ModelException($"{what}: {size} bytes at offset {position} lie outside the {data.Length}-byte file (truncated or corrupt model)");
            }
        }

        public void Consume(long bytes, string what)
        {
            budget -= bytes;
            if (budget < 0)
            {
                throw new ModelException($"{what}: the file's offsets reuse the same data far more than any real model does (corrupt or hostile model)");
            }
        }

        /// <summary>The root table, after checking the size, the root offset and the identifier.</summary>
        public FlatTable Root(string identifier, string what)
        {
            if (data.Length < 8)
            {
                throw new ModelException($"{what}: file is {data.Length} bytes, too short for a flatbuffer header");
            }

            string id = System.Text.Encoding.ASCII.GetString(data, 4, 4);
            if (id != identifier)
            {
                throw new ModelException($"{what}: file identifier is '{Printable(id)}', expected '{identifier}' (not a .tflite model)");
            }

            return TableAt(Bytes.GetUint(0), what);
        }

        public FlatTable TableAt(long position, string what)
        {
            Require(position, 4, what);
            int pos = (int)position;
            long vtable = pos - (long)Bytes.GetInt(pos);
            Require(vtable, 4, what + " vtable");
            int vtableSize = Bytes.GetUshort((int)vtable);
            int tableSize = Bytes.GetUshort((int)vtable + 2);
            if (vtableSize < 4 || (vtableSize & 1) != 0 || tableSize < 4)
            {
                throw new ModelException($"{what}: malformed vtable (size {vtableSize}, table size {tableSize})");
            }

            Require(vtable, vtableSize, what + " vtable");
            Require(pos, tableSize, what);
            Consume(tableSize, what);
            return new FlatTable(this, new Table(pos, Bytes), vtableSize, tableSize, what);
        }

        /// <summary>Follows the unsigned offset stored at <paramref name="position"/>; checks 4 bytes at the target.</summary>
        public long Follow(int position, string what)
        {
            long target = position + (long)Bytes.GetUint(position);
            Require(target, 4, what);
            return target;
        }

        /// <summary>Checks a vector at <paramref name="target"/>: returns its element count.</summary>
        public int VectorLength(long target, int elementSize, string what)
        {
            long count = Bytes.GetUint((int)target);
            Require(target + 4, count * elementSize, what);
            Consume(count * elementSize, what);
            return (int)count;
        }

        public void CopyBytes(long position, byte[] destination, int count)
        {
            System.Buffer.BlockCopy(data, (int)position, destination, 0, count);
        }

        private static string Printable(string s)
        {
            var chars = s.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] < ' ' || chars[i] > '~')
                {
                    chars[i] = '?';
                }
            }

            return new string(chars);
        }
    }

    /// <summary>A table whose vtable and inline part have been checked; field accessors check every field.</summary>
    internal readonly struct FlatTable
    {
        private readonly FlatReader reader;
        private readonly Table table;
        private readonly int vtableSize;
        private readonly int tableSize;

        public FlatTable(FlatReader reader, Table table, int vtableSize, int tableSize, string what)
        {
            this.reader = reader;
            this.table = table;
            this.vtableSize = vtableSize;
            this.tableSize = tableSize;
            What = what;
        }

        public string What { get; }

        /// <summary>Absolute position of field <paramref name="id"/> (schema field order), or 0 when absent.</summary>
        private int Field(int id, int size)
        {
            int vtableOffset = 4 + (2 * id);
            if (vtableOffset >= vtableSize)
            {
                return 0;
            }

            int offset = table.__offset(vtableOffset);
            if (offset == 0)
            {
                return 0;
            }

            if (offset < 4 || offset + size > tableSize)
            {
                throw new ModelException($"{What}: field {id} at offset {offset} lies outside its {tableSize}-byte table (corrupt model)");
            }

            return table.bb_pos + offset;
        }

        public bool Has(int id) => Field(id, 1) != 0;

        public int Int(int id, int defaultValue)
        {
            int p = Field(id, 4);
            return p == 0 ? defaultValue : table.bb.GetInt(p);
        }

        public uint UInt(int id, uint defaultValue)
        {
            int p = Field(id, 4);
            return p == 0 ? defaultValue : table.bb.GetUint(p);
        }

        public ulong ULong(int id)
        {
            int p = Field(id, 8);
            return p == 0 ? 0UL : table.bb.GetUlong(p);
        }

        public float Float(int id, float defaultValue)
        {
            int p = Field(id, 4);
            return p == 0 ? defaultValue : table.bb.GetFloat(p);
        }

        public byte Byte(int id, byte defaultValue)
        {
            int p = Field(id, 1);
            return p == 0 ? defaultValue : table.bb.Get(p);
        }

        public sbyte SByte(int id, sbyte defaultValue)
        {
            int p = Field(id, 1);
            return p == 0 ? defaultValue : table.bb.GetSbyte(p);
        }

        public bool Bool(int id, bool defaultValue)
        {
            int p = Field(id, 1);
            return p == 0 ? defaultValue : table.bb.Get(p) != 0;
        }

        /// <summary>Index-like uint field that must fit an int (tensor/buffer/opcode indices).</summary>
        public int Index(int id, string name)
        {
            uint v = UInt(id, 0);
            if (v > int.MaxValue)
            {
                throw new ModelException($"{What}: {name} {v} is out of range");
            }

            return (int)v;
        }

        private long Target(int id, string name)
        {
            int p = Field(id, 4);
            return p == 0 ? -1 : reader.Follow(p, What + " " + name);
        }

        public FlatTable? Table(int id, string name, string childWhat)
        {
            long t = Target(id, name);
            return t < 0 ? null : reader.TableAt(t, childWhat);
        }

        public string String(int id, string name)
        {
            long t = Target(id, name);
            if (t < 0)
            {
                return null;
            }

            int n = reader.VectorLength(t, 1, What + " " + name);
            return reader.Bytes.GetStringUTF8((int)t + 4, n);
        }

        public int[] Ints(int id, string name)
        {
            long t = Target(id, name);
            if (t < 0)
            {
                return null;
            }

            int n = reader.VectorLength(t, 4, What + " " + name);
            var result = new int[n];
            for (int i = 0; i < n; i++)
            {
                result[i] = reader.Bytes.GetInt((int)t + 4 + (4 * i));
            }

            return result;
        }

        public long[] Longs(int id, string name)
        {
            long t = Target(id, name);
            if (t < 0)
            {
                return null;
            }

            int n = reader.VectorLength(t, 8, What + " " + name);
            var result = new long[n];
            for (int i = 0; i < n; i++)
            {
                result[i] = reader.Bytes.GetLong((int)t + 4 + (8 * i));
            }

            return result;
        }

        public float[] Floats(int id, string name)
        {
            long t = Target(id, name);
            if (t < 0)
            {
                return null;
            }

            int n = reader.VectorLength(t, 4, What + " " + name);
            var result = new float[n];
            for (int i = 0; i < n; i++)
            {
                result[i] = reader.Bytes.GetFloat((int)t + 4 + (4 * i));
            }

            return result;
        }

        public byte[] Bytes(int id, string name)
        {
            long t = Target(id, name);
            if (t < 0)
            {
                return null;
            }

            int n = reader.VectorLength(t, 1, What + " " + name);
            var result = new byte[n];
            reader.CopyBytes(t + 4, result, n);
            return result;
        }

        /// <summary>A vector of tables; <paramref name="childWhat"/> names element i for messages.</summary>
        public FlatTable[] Tables(int id, string name, Func<int, string> childWhat)
        {
            long t = Target(id, name);
            if (t < 0)
            {
                return new FlatTable[0];
            }

            int n = reader.VectorLength(t, 4, What + " " + name);
            var result = new FlatTable[n];
            for (int i = 0; i < n; i++)
            {
                int element = (int)t + 4 + (4 * i);
                string what = childWhat(i);
                result[i] = reader.TableAt(reader.Follow(element, what), what);
            }

            return result;
        }
    }
}

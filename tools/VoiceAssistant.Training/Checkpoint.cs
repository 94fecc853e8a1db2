using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace VoiceAssistant.Training
{
    /// <summary>Low-level pieces of the checkpoint format (little-endian, see <see cref="Trainer.SaveCheckpoint"/>).</summary>
    public static class CheckpointIo
    {
        /// <summary>First four bytes of a checkpoint: ASCII "VATC".</summary>
        public static ReadOnlySpan<byte> Magic => "VATC"u8;

        /// <summary>Last four bytes: ASCII "END.", proves the file is complete.</summary>
        public static ReadOnlySpan<byte> EndMagic => "END."u8;

        /// <summary>Format version this code writes and reads.</summary>
        public const int Version = 1;

        /// <summary>Writes the eight shape integers.</summary>
        /// <param name="w">Destination.</param>
        /// <param name="c">The shape.</param>
        public static void WriteConfig(BinaryWriter w, TinyConvConfig c)
        {
            foreach (int v in new[] { c.InputRows, c.InputColumns, c.FilterHeight, c.FilterWidth, c.FilterCount, c.StrideRows, c.StrideColumns, c.LabelCount })
            {
                w.Write(v);
            }
        }

        /// <summary>Reads what <see cref="WriteConfig"/> wrote.</summary>
        /// <param name="r">Source.</param>
        public static TinyConvConfig ReadConfig(BinaryReader r)
        {
            int[] v = new int[8];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = r.ReadInt32();
            }

            return new TinyConvConfig(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        }

        /// <summary>Writes the four arrays (each: int32 length, then float32 values).</summary>
        /// <param name="w">Destination.</param>
        /// <param name="p">The values.</param>
        public static void WriteParameters(BinaryWriter w, TinyConvParameters p)
        {
            foreach (float[] a in p.Arrays)
            {
                w.Write(a.Length);
                foreach (float x in a)
                {
                    w.Write(x);
                }
            }
        }

        /// <summary>Reads what <see cref="WriteParameters"/> wrote into arrays of the expected shape.</summary>
        /// <param name="r">Source.</param>
        /// <param name="p">Destination.</param>
        public static void ReadParameters(BinaryReader r, TinyConvParameters p)
        {
            foreach (float[] a in p.Arrays)
            {
                int n = r.ReadInt32();
                if (n != a.Length)
                {
                    throw new InvalidDataException($"checkpoint array has {n} values, the model needs {a.Length}");
                }

                for (int i = 0; i < n; i++)
                {
                    a[i] = r.ReadSingle();
                }
            }
        }

        /// <summary>Writes the options that determine the result.</summary>
        /// <param name="w">Destination.</param>
        /// <param name="o">Options.</param>
        public static void WriteOptions(BinaryWriter w, TrainingOptions o)
        {
            w.Write(o.Seed);
            w.Write(o.BatchSize);
            w.Write(o.DropoutRate);
            w.Write((int)o.Optimizer);
            w.Write(o.InitStddev);
            w.Write(o.EvaluateEverySteps);
            w.Write(o.CheckpointEverySteps);
            w.Write(o.GradientShards);
            w.Write(o.Schedule.Stages.Count);
            foreach (LearningRateStage s in o.Schedule.Stages)
            {
                w.Write(s.Steps);
                w.Write(s.Rate);
            }
        }

        /// <summary>Reads what <see cref="WriteOptions"/> wrote.</summary>
        /// <param name="r">Source.</param>
        public static TrainingOptions ReadOptions(BinaryReader r)
        {
            var o = new TrainingOptions
            {
                Seed = r.ReadUInt64(),
                BatchSize = r.ReadInt32(),
                DropoutRate = r.ReadSingle(),
                Optimizer = (OptimizerKind)r.ReadInt32(),
                InitStddev = r.ReadDouble(),
                EvaluateEverySteps = r.ReadInt32(),
                CheckpointEverySteps = r.ReadInt32(),
                GradientShards = r.ReadInt32(),
            };
            int stages = r.ReadInt32();
            if (stages < 1 || stages > 1000)
            {
                throw new InvalidDataException($"checkpoint schedule has {stages} stages");
            }

            var list = new List<LearningRateStage>();
            for (int i = 0; i < stages; i++)
            {
                list.Add(new LearningRateStage(r.ReadInt32(), r.ReadSingle()));
            }

            o.Schedule = new LearningRateSchedule(list);
            return o;
        }

        /// <summary>Writes label names (int32 count, then length-prefixed UTF-8 strings).</summary>
        /// <param name="w">Destination.</param>
        /// <param name="labels">Names.</param>
        public static void WriteLabels(BinaryWriter w, IReadOnlyList<string> labels)
        {
            w.Write(labels.Count);
            foreach (string l in labels)
            {
                w.Write(l);
            }
        }

        /// <summary>Reads what <see cref="WriteLabels"/> wrote.</summary>
        /// <param name="r">Source.</param>
        public static string[] ReadLabels(BinaryReader r)
        {
            int n = r.ReadInt32();
            if (n < 0 || n > 1024)
            {
                throw new InvalidDataException($"checkpoint has {n} labels");
            }

            var labels = new string[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = r.ReadString();
            }

            return labels;
        }

        /// <summary>Reads and checks a fixed byte sequence.</summary>
        /// <param name="r">Source.</param>
        /// <param name="expected">Expected bytes.</param>
        /// <param name="what">Name for the error message.</param>
        public static void Expect(BinaryReader r, ReadOnlySpan<byte> expected, string what)
        {
            byte[] got = r.ReadBytes(expected.Length);
            if (!expected.SequenceEqual(got))
            {
                // Hex, not text: the bytes of a wrong file may be anything (newlines, control characters).
                throw new InvalidDataException($"not a training checkpoint or damaged: its {what} is {Convert.ToHexString(got)}, expected {Convert.ToHexString(expected)} ('{Encoding.ASCII.GetString(expected)}')");
            }
        }
    }

    /// <summary>Everything a checkpoint holds; <see cref="Read"/> gives the trained weights and labels for export.</summary>
    public sealed class CheckpointContents
    {
        private CheckpointContents()
        {
        }

        /// <summary>The model with the checkpoint's weights.</summary>
        public TinyConvModel Model { get; private set; }

        /// <summary>Label names.</summary>
        public IReadOnlyList<string> Labels { get; private set; }

        /// <summary>Options that determine the result (parallelism and checkpoint path are not stored).</summary>
        public TrainingOptions Options { get; private set; }

        /// <summary>Steps completed.</summary>
        public long Step { get; private set; }

        internal ulong[] RngState { get; private set; }

        internal Optimizer Optimizer { get; private set; }

        /// <summary>Reads and validates a checkpoint file.</summary>
        /// <param name="path">The file.</param>
        /// <exception cref="InvalidDataException">Not a complete checkpoint of a supported version.</exception>
        public static CheckpointContents Read(string path)
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            try
            {
                CheckpointIo.Expect(r, CheckpointIo.Magic, "magic");
                int version = r.ReadInt32();
                if (version != CheckpointIo.Version)
                {
                    throw new InvalidDataException($"checkpoint version {version} is not supported (expected {CheckpointIo.Version})");
                }

                var c = new CheckpointContents();
                TinyConvConfig config = CheckpointIo.ReadConfig(r);
                c.Labels = CheckpointIo.ReadLabels(r);
                c.Options = CheckpointIo.ReadOptions(r);
                c.Step = r.ReadInt64();
                c.RngState = new ulong[4];
                for (int i = 0; i < 4; i++)
                {
                    c.RngState[i] = r.ReadUInt64();
                }

                var weights = new TinyConvParameters(config);
                CheckpointIo.ReadParameters(r, weights);
                c.Model = new TinyConvModel(weights);
                var kind = (OptimizerKind)r.ReadInt32();
                if (kind != c.Options.Optimizer)
                {
                    throw new InvalidDataException($"checkpoint optimiser state is for {kind}, options say {c.Options.Optimizer}");
                }

                c.Optimizer = Optimizer.Create(kind, config);
                c.Optimizer.ReadState(r);
                CheckpointIo.Expect(r, CheckpointIo.EndMagic, "end marker");
                if (c.Labels.Count != config.LabelCount)
                {
                    throw new InvalidDataException($"checkpoint has {c.Labels.Count} label names for {config.LabelCount} outputs");
                }

                return c;
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException($"checkpoint '{path}' is truncated", e);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"checkpoint '{path}' holds invalid values: {e.Message}", e);
            }
        }
    }
}

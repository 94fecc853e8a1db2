using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Tflite.Tests.Format
{
    /// <summary>
    /// Seeded fuzzing of the loader: every input must either load or raise <see cref="ModelException"/>;
    /// any other exception, a case slower than <see cref="MaxCaseMilliseconds"/> or allocating more than
    /// <see cref="MaxCaseAllocation"/> fails the test. Accepted models are also rendered and re-written.
    /// Environment: VA_FUZZ_CASES (random mutation cases, default 3000; e.g. 100000 for a long run),
    /// VA_FUZZ_SEED (default 20261125). Every accepted model is also given to <see cref="TfliteInterpreter"/>
    /// (construction, then a few invokes with random inputs on alternating kernel paths): again only
    /// <see cref="ModelException"/> may escape.
    /// </summary>
    public class LoaderFuzzTests
    {
        private const int MaxCaseMilliseconds = 5000;
        private const int HangSeconds = 30;
        private const long MaxCaseAllocation = 32L * 1024 * 1024;
        /// <summary>Models whose estimated work per invoke exceeds this are built but not invoked (keeps CI fast).</summary>
        private const long MaxInvokeWork = 4_000_000;
        private const int InvokesPerModel = 3;
        private static readonly int[] HostileWords = { -1, int.MaxValue, int.MinValue, 0x40000000, 0x7FFFFFF0, 0, 1, 4, 0xFFFF, 0x10000 };

        private readonly ITestOutputHelper output;

        public LoaderFuzzTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("VA_FUZZ_CASES"), out int n) && n > 0 ? n : 3000;

        private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("VA_FUZZ_SEED"), out int s) ? s : 20261125;

        [Fact]
        public void TruncatedMicroSpeechAtEveryLength()
        {
            byte[] model = TestModels.MicroSpeechBytes();
            var inputs = new List<(string, byte[])>();
            for (int length = 0; length < model.Length; length++)
            {
                inputs.Add(($"micro_speech truncated to {length}", model.AsSpan(0, length).ToArray()));
            }

            output.WriteLine(Run(inputs, UnchangedFrom(model)).ToString());
        }

        [Fact]
        public void TruncatedTinyModelAtEveryLength()
        {
            byte[] model = TfliteWriter.Write(TestModels.Tiny());
            var inputs = new List<(string, byte[])>();
            for (int length = 0; length < model.Length; length++)
            {
                inputs.Add(($"tiny truncated to {length}", model.AsSpan(0, length).ToArray()));
            }

            output.WriteLine(Run(inputs, UnchangedFrom(model)).ToString());
        }

        [Fact]
        public void EveryWordOfMicroSpeechSetToHostileLengths()
        {
            // Every offset and vector length is an aligned 32-bit word: overwrite each in turn, skipping the
            // interior of large weight buffers (plain data, no structure).
            byte[] model = TestModels.MicroSpeechBytes();
            var weightRanges = TfliteReader.Read(model).Buffers.Where(x => x.Data.Length > 64)
                .Select(x => (Start: model.AsSpan().IndexOf(x.Data), x.Data.Length)).ToList();
            var inputs = new List<(string, byte[])>();
            foreach (int value in new[] { -1, 0x3FFFFFFF, model.Length })
            {
                for (int at = 0; at + 4 <= model.Length; at += 4)
                {
                    if (weightRanges.Any(r => at >= r.Start + 4 && at < r.Start + r.Length))
                    {
                        continue;
                    }

                    byte[] b = (byte[])model.Clone();
                    BitConverter.TryWriteBytes(b.AsSpan(at, 4), value);
                    inputs.Add(($"word at {at} set to {value}", b));
                }
            }

            output.WriteLine(Run(inputs, null).ToString());
        }

        [Fact]
        public void AliasedOffsetsCannotAmplifyAllocation()
        {
            // 4000 tensor entries all pointing at one tensor with a 4000-int shape: 32 KB of file that would
            // decode into 64 MB of shapes. The decode budget must stop it early.
            var b = new Google.FlatBuffers.FlatBufferBuilder(1024);
            b.StartVector(4, 4000, 4);
            for (int i = 0; i < 4000; i++)
            {
                b.AddInt(1);
            }

            int shape = b.EndVector().Value;
            b.StartTable(2);
            b.AddOffset(0, shape, 0);
            int tensor = b.EndTable();
            b.StartVector(4, 4000, 4);
            for (int i = 0; i < 4000; i++)
            {
                b.AddOffset(tensor);
            }

            int tensors = b.EndVector().Value;
            b.StartTable(1);
            b.AddOffset(0, tensors, 0);
            int graph = b.EndTable();
            b.StartVector(4, 1, 4);
            b.AddOffset(graph);
            int graphs = b.EndVector().Value;
            b.StartTable(3);
            b.AddUint(0, 3, 0);
            b.AddOffset(2, graphs, 0);
            b.Finish(b.EndTable(), "TFL3");
            byte[] bytes = b.SizedByteArray();

            long before = GC.GetAllocatedBytesForCurrentThread();
            var e = Assert.Throws<ModelException>(() => TfliteReader.Read(bytes));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Contains("reuse", e.Message);
            Assert.True(allocated < 4L * 1024 * 1024, $"allocated {allocated} bytes");
        }

        [Fact]
        public void RandomMutations()
        {
            var bases = new List<byte[]> { TfliteWriter.Write(TestModels.Tiny()) };
            // The preprocessor models are rejected (int16, custom ops) but exercise other reader paths.
            foreach (string relative in new[] { TestModels.MicroSpeech, "models/tflm_micro_speech/audio_preprocessor_int8.tflite" })
            {
                string path = System.IO.Path.Combine(SharedData.Root, relative);
                if (System.IO.File.Exists(path))
                {
                    bases.Add(System.IO.File.ReadAllBytes(path));
                }
                else
                {
                    output.WriteLine(relative + " absent: not used as a fuzz base");
                }
            }

            int seed = Seed;
            int cases = Cases;
            var stats = Run(Generate(bases, seed, cases), null);
            output.WriteLine($"seed {seed}: {stats}");
        }

        private static IEnumerable<(string, byte[])> Generate(List<byte[]> bases, int seed, int cases)
        {
            var rng = new Random(seed);
            List<byte[]> loadable = bases.Where(Loads).ToList();
            for (int i = 0; i < cases; i++)
            {
                int kind = i % 7;
                byte[] source = bases[rng.Next(bases.Count)];
                byte[] b = (byte[])source.Clone();
                string what;
                switch (kind)
                {
                    case 0:
                    {
                        int flips = 1 + rng.Next(8);
                        for (int k = 0; k < flips; k++)
                        {
                            int bit = rng.Next(b.Length * 8);
                            b[bit / 8] ^= (byte)(1 << (bit % 8));
                        }

                        what = $"{flips} bit flips";
                        break;
                    }

                    case 1:
                    {
                        // Length fields, offsets and vtable offsets are aligned 32-bit words.
                        int words = 1 + rng.Next(3);
                        for (int k = 0; k < words; k++)
                        {
                            int at = rng.Next(b.Length / 4) * 4;
                            int value = rng.Next(2) == 0 ? HostileWords[rng.Next(HostileWords.Length)] : rng.Next(-b.Length, 2 * b.Length);
                            BitConverter.TryWriteBytes(b.AsSpan(at, 4), value);
                        }

                        what = $"{words} hostile 32-bit words";
                        break;
                    }

                    case 2:
                    {
                        b = new byte[rng.Next(4096)];
                        rng.NextBytes(b);
                        what = $"{b.Length} random bytes";
                        break;
                    }

                    case 3:
                    {
                        b = new byte[8 + rng.Next(4096)];
                        rng.NextBytes(b);
                        BitConverter.TryWriteBytes(b.AsSpan(0, 4), rng.Next(b.Length));
                        System.Text.Encoding.ASCII.GetBytes("TFL3").CopyTo(b, 4);
                        what = $"{b.Length} random bytes with a TFL3 header";
                        break;
                    }

                    case 4:
                    {
                        int from = rng.Next(b.Length), to = rng.Next(b.Length), n = 1 + rng.Next(64);
                        n = Math.Min(n, Math.Min(b.Length - from, b.Length - to));
                        Array.Copy(source, from, b, to, n);
                        what = $"copied {n} bytes from {from} to {to}";
                        break;
                    }

                    case 5:
                    {
                        int at = rng.Next(b.Length);
                        int n = rng.Next(1, 256);
                        n = Math.Min(n, b.Length - at);
                        for (int k = 0; k < n; k++)
                        {
                            b[at + k] = (byte)rng.Next(256);
                        }

                        what = $"randomised {n} bytes at {at}";
                        break;
                    }

                    default:
                        what = "re-written model with " + MutateModel(rng, loadable[rng.Next(loadable.Count)], out b);
                        break;
                }

                yield return ($"case {i} ({what})", b);
            }
        }

        private static bool Loads(byte[] bytes)
        {
            try
            {
                TfliteModel.Parse(bytes);
                return true;
            }
            catch (ModelException)
            {
                return false;
            }
        }

        /// <summary>Swaps or randomises indices, shapes and options in the object model, then writes it.</summary>
        private static string MutateModel(Random rng, byte[] source, out byte[] bytes)
        {
            TfliteModel m = TfliteReader.Read(source);
            SubGraph g = m.MainSubgraph;
            int Any() => rng.Next(4) switch { 0 => -1, 1 => rng.Next(-3, 20), 2 => HostileWords[rng.Next(HostileWords.Length)], _ => rng.Next() };
            var done = new List<string>();
            int edits = 1 + rng.Next(3);
            for (int k = 0; k < edits; k++)
            {
                Tensor t = g.Tensors[rng.Next(g.Tensors.Count)];
                Operator op = g.Operators[rng.Next(g.Operators.Count)];
                switch (rng.Next(10))
                {
                    case 0: t.Buffer = Any(); done.Add("tensor buffer"); break;
                    case 1: if (op.Inputs.Length > 0) { op.Inputs[rng.Next(op.Inputs.Length)] = Any(); } done.Add("op input"); break;
                    case 2: op.Outputs[0] = Any(); done.Add("op output"); break;
                    case 3: op.OpcodeIndex = Any(); done.Add("opcode index"); break;
                    case 4: if (t.Shape.Length > 0) { t.Shape[rng.Next(t.Shape.Length)] = Any(); } done.Add("shape"); break;
                    case 5: if (t.Quantization != null) { t.Quantization.QuantizedDimension = Any(); } done.Add("quantized dimension"); break;
                    case 6:
                    {
                        int a = rng.Next(g.Tensors.Count), c = rng.Next(g.Tensors.Count);
                        (g.Tensors[a], g.Tensors[c]) = (g.Tensors[c], g.Tensors[a]);
                        done.Add("swapped tensors");
                        break;
                    }

                    case 7:
                    {
                        int a = rng.Next(g.Operators.Count), c = rng.Next(g.Operators.Count);
                        (g.Operators[a], g.Operators[c]) = (g.Operators[c], g.Operators[a]);
                        done.Add("swapped operators");
                        break;
                    }

                    case 8: t.Type = (TensorType)rng.Next(20); done.Add("tensor type"); break;
                    default: g.Inputs = new[] { Any() }; done.Add("graph input"); break;
                }
            }

            bytes = TfliteWriter.Write(m);
            return string.Join(", ", done);
        }

        /// <summary>Builds the interpreter and, when affordable, invokes it a few times on seeded random inputs.</summary>
        private static string Interpret(TfliteModel model, int seed, FuzzStats stats)
        {
            TfliteInterpreter interpreter;
            try
            {
                interpreter = new TfliteInterpreter(model, new InterpreterOptions { UseReferenceKernels = (seed & 1) == 1 });
            }
            catch (ModelException)
            {
                stats.InterpreterRejected++;
                return null;
            }

            stats.InterpreterBuilt++;
            if (interpreter.Work > MaxInvokeWork)
            {
                stats.TooCostly++;
                return null;
            }

            var rng = new Random(seed);
            var input = new sbyte[interpreter.Input.ElementCount];
            var output = new sbyte[interpreter.Output.ElementCount];
            stats.Invoked++;
            try
            {
                for (int k = 0; k < InvokesPerModel; k++)
                {
                    rng.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(input.AsSpan()));
                    interpreter.Invoke(input, output);
                }
            }
            catch (ModelException)
            {
                stats.InvokeRejected++;
            }

            return null;
        }

        private sealed class FuzzStats
        {
            public int Cases;
            public int Accepted;
            public int Rejected;
            public double MaxCaseMs;
            public long MaxAllocation;
            public long ElapsedMs;
            public int InterpreterBuilt;
            public int InterpreterRejected;
            public int Invoked;
            public int InvokeRejected;
            public int TooCostly;

            public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Cases} cases in {ElapsedMs} ms: {Accepted} loaded, {Rejected} rejected with ModelException; interpreter built for {InterpreterBuilt} (refused {InterpreterRejected}), {Invoked} invoked ({InvokeRejected} failed with ModelException, {TooCostly} too costly to invoke); slowest case {MaxCaseMs:F2} ms, largest allocation {MaxAllocation / 1024} KiB");
        }

        /// <summary>Runs the cases on a worker thread so that a hang is reported (with its case) instead of blocking.</summary>
        /// <summary>
        /// A truncated file may only load when the cut removed nothing but trailing alignment padding, i.e. the
        /// loaded model equals the original.
        /// </summary>
        private static Func<TfliteModel, string> UnchangedFrom(byte[] original)
        {
            TfliteModel expected = TfliteReader.Read(original);
            return m => ModelComparer.Differences(expected, m).Count == 0 ? null : "a damaged model was accepted";
        }

        private static FuzzStats Run(IEnumerable<(string Name, byte[] Bytes)> inputs, Func<TfliteModel, string> checkAccepted)
        {
            var stats = new FuzzStats();
            var failures = new List<string>();
            string current = "(none)";
            long caseStart = Stopwatch.GetTimestamp();
            var total = Stopwatch.StartNew();
            var worker = new Thread(() =>
            {
                foreach ((string name, byte[] bytes) in inputs)
                {
                    Volatile.Write(ref current, name);
                    Interlocked.Exchange(ref caseStart, Stopwatch.GetTimestamp());
                    stats.Cases++;
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    var sw = Stopwatch.StartNew();
                    string problem = OneCase(bytes, checkAccepted, stats, out bool accepted);
                    sw.Stop();
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    stats.MaxCaseMs = Math.Max(stats.MaxCaseMs, sw.Elapsed.TotalMilliseconds);
                    stats.MaxAllocation = Math.Max(stats.MaxAllocation, allocated);
                    if (accepted)
                    {
                        stats.Accepted++;
                    }
                    else
                    {
                        stats.Rejected++;
                    }

                    if (sw.ElapsedMilliseconds > MaxCaseMilliseconds)
                    {
                        problem ??= $"took {sw.ElapsedMilliseconds} ms";
                    }

                    if (allocated > MaxCaseAllocation + (64L * bytes.Length))
                    {
                        problem ??= $"allocated {allocated} bytes";
                    }

                    if (problem != null && failures.Count < 20)
                    {
                        failures.Add($"{name}: {problem}");
                    }
                }
            }, 64 * 1024 * 1024);
            worker.IsBackground = true;
            worker.Start();
            // Watchdog: a single case running longer than HangSeconds is reported as a hang, naming the case.
            while (!worker.Join(200))
            {
                if (Stopwatch.GetElapsedTime(Interlocked.Read(ref caseStart)).TotalSeconds > HangSeconds)
                {
                    Assert.Fail($"fuzz hang: {Volatile.Read(ref current)} ran for more than {HangSeconds} s");
                }
            }

            stats.ElapsedMs = total.ElapsedMilliseconds;
            Assert.True(failures.Count == 0, stats + "\n" + string.Join("\n", failures));
            return stats;
        }

        private static string OneCase(byte[] bytes, Func<TfliteModel, string> checkAccepted, FuzzStats stats, out bool accepted)
        {
            accepted = false;
            try
            {
                TfliteModel model = TfliteModel.Parse(bytes);
                accepted = true;

                // Whatever the loader accepts, the rest of the library must handle.
                ModelInspector.Render(model);
                string check = checkAccepted?.Invoke(model);
                if (check != null)
                {
                    return check;
                }

                TfliteModel again = TfliteModel.Parse(TfliteWriter.Write(model));
                if (ModelComparer.Differences(model, again).Count != 0)
                {
                    return "accepted model does not round-trip";
                }

                return Interpret(model, bytes.Length, stats);
            }
            catch (ModelException)
            {
                return null;
            }
            catch (Exception e)
            {
                return $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}";
            }
        }
    }
}

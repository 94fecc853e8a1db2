using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceAssistant.Tflite
{
    /// <summary>Placement of each non-constant tensor in one arena, reusing memory of tensors no longer live.</summary>
    public sealed class MemoryPlan
    {
        /// <summary>Offset alignment of every tensor in the arena (as TFLM's planner uses).</summary>
        public const int Alignment = 16;

        /// <summary>Arena offset per tensor index; -1 for constants and unused tensors.</summary>
        public int[] Offsets { get; set; } = new int[0];

        /// <summary>Arena bytes needed for activations (end of the highest placed tensor).</summary>
        public long ArenaBytes { get; set; }
    }

    /// <summary>
    /// The one activation-memory planner of the project, used by <see cref="ModelInspector"/> for its figures and
    /// by <see cref="TfliteInterpreter"/> for its arena.
    /// </summary>
    public static class MemoryPlanner
    {
        /// <summary>
        /// Greedy-by-size placement: tensors live from the operator writing them (graph inputs from the start)
        /// to their last reader (graph outputs to the end); the largest are placed first at the lowest
        /// 16-byte-aligned offset not overlapping any placed tensor alive at the same time.
        /// </summary>
        /// <param name="model">A validated model.</param>
        /// <param name="preserveAllTensors">
        /// When true every used tensor lives for the whole invoke (no sharing), like TFLM's
        /// <c>preserve_all_tensors</c>, so intermediates can be read after an invoke.
        /// </param>
        public static MemoryPlan Plan(TfliteModel model, bool preserveAllTensors = false)
        {
            SubGraph g = model.MainSubgraph;
            int n = g.Tensors.Count;
            var first = Enumerable.Repeat(int.MaxValue, n).ToArray();
            var last = Enumerable.Repeat(-1, n).ToArray();
            foreach (int i in g.Inputs)
            {
                first[i] = 0;
                last[i] = Math.Max(last[i], 0);
            }

            for (int s = 0; s < g.Operators.Count; s++)
            {
                foreach (int i in g.Operators[s].Inputs.Where(i => i >= 0))
                {
                    first[i] = Math.Min(first[i], s);
                    last[i] = Math.Max(last[i], s);
                }

                foreach (int o in g.Operators[s].Outputs)
                {
                    first[o] = Math.Min(first[o], s);
                    last[o] = Math.Max(last[o], s);
                }
            }

            foreach (int o in g.Outputs)
            {
                last[o] = Math.Max(last[o], g.Operators.Count - 1);
            }

            if (preserveAllTensors)
            {
                for (int i = 0; i < n; i++)
                {
                    if (last[i] >= 0)
                    {
                        first[i] = 0;
                        last[i] = Math.Max(g.Operators.Count - 1, 0);
                    }
                }
            }

            var plan = new MemoryPlan { Offsets = Enumerable.Repeat(-1, n).ToArray() };
            var candidates = Enumerable.Range(0, n)
                .Where(i => last[i] >= 0 && !ModelValidator.IsConstant(model, g.Tensors[i]))
                .OrderByDescending(i => Bytes(g.Tensors[i]))
                .ThenBy(i => i)
                .ToList();
            var placed = new List<int>();
            foreach (int t in candidates)
            {
                long size = Bytes(g.Tensors[t]);
                long offset = 0;
                foreach (int p in placed.Where(p => first[p] <= last[t] && first[t] <= last[p]).OrderBy(p => plan.Offsets[p]))
                {
                    if (offset + size <= plan.Offsets[p])
                    {
                        break;
                    }

                    offset = Math.Max(offset, Align(plan.Offsets[p] + Bytes(g.Tensors[p])));
                }

                plan.Offsets[t] = (int)offset;
                plan.ArenaBytes = Math.Max(plan.ArenaBytes, offset + size);
                placed.Add(t);
            }

            return plan;
        }

        /// <summary>Bytes of a tensor's data.</summary>
        /// <param name="t">The tensor.</param>
        public static long Bytes(Tensor t) => t.ElementCount * TfliteEnums.ElementSize(t.Type);

        private static long Align(long v) => (v + MemoryPlan.Alignment - 1) / MemoryPlan.Alignment * MemoryPlan.Alignment;
    }
}

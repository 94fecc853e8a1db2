using System;

namespace VoiceAssistant.Tflite
{
    /// <summary>
    /// The PC's stand-in for TFLite Micro: runs a validated int8 model with kernels bit-exact with TFLM's
    /// reference kernels. Every operator is prepared once in the constructor and all activations live in one
    /// arena planned once by <see cref="MemoryPlanner"/>; <see cref="Invoke"/> allocates nothing.
    /// </summary>
    /// <remarks>
    /// Requirements beyond <see cref="ModelValidator"/>: exactly one graph input and one graph output, both int8;
    /// the input must not be a constant. Any problem found while preparing or running is a
    /// <see cref="ModelException"/> naming the operator. Not thread-safe: one invoke at a time.
    /// </remarks>
    public sealed class TfliteInterpreter
    {
        private readonly OpStep[] steps;
        private readonly TensorStore store;
        private readonly bool reference;
        private readonly bool preserveAll;
        private readonly int tensorCount;
        private readonly bool[] isConstant;

        /// <summary>Validates the model, prepares every operator and plans the arena.</summary>
        /// <param name="model">The model (validated again here, since the object model is mutable).</param>
        /// <param name="options">Kernel path and tensor preservation; null for the defaults.</param>
        public TfliteInterpreter(TfliteModel model, InterpreterOptions options = null)
        {
            ModelValidator.Validate(model);
            options ??= new InterpreterOptions();
            reference = options.UseReferenceKernels;
            preserveAll = options.PreserveAllTensors;
            SubGraph g = model.MainSubgraph;
            tensorCount = g.Tensors.Count;
            if (g.Inputs.Length != 1 || g.Outputs.Length != 1)
            {
                throw new ModelException($"subgraph: the interpreter needs exactly one input and one output tensor (has {g.Inputs.Length} and {g.Outputs.Length})");
            }

            isConstant = new bool[tensorCount];
            for (int i = 0; i < tensorCount; i++)
            {
                isConstant[i] = ModelValidator.IsConstant(model, g.Tensors[i]);
            }

            Input = IoTensor(g, g.Inputs[0], "input");
            Output = IoTensor(g, g.Outputs[0], "output");
            if (isConstant[Input.Index])
            {
                throw new ModelException($"{ModelValidator.TensorName(g, Input.Index)}: the graph input is a constant tensor");
            }

            MemoryPlan plan = MemoryPlanner.Plan(model, preserveAll);
            ArenaBytes = plan.ArenaBytes;
            store = new TensorStore(tensorCount, new sbyte[plan.ArenaBytes]);
            for (int i = 0; i < tensorCount; i++)
            {
                Tensor t = g.Tensors[i];
                if (plan.Offsets[i] >= 0)
                {
                    if (t.Type != TensorType.Int8)
                    {
                        throw new ModelException($"{ModelValidator.TensorName(g, i)}: non-constant {TfliteEnums.Name(t.Type)} tensors are not supported by the interpreter");
                    }

                    store.Bind(i, store.Arena, plan.Offsets[i], (int)t.ElementCount);
                }
            }

            // Constant int8 tensors (weights, and any constant data input or graph output) get their own copy.
            sbyte[] ConstantInt8(int tensor)
            {
                if (!store.IsBound(tensor))
                {
                    var data = (sbyte[])(Array)model.Buffers[g.Tensors[tensor].Buffer].Data.Clone();
                    store.Bind(tensor, data, 0, data.Length);
                }

                return store.Array(tensor);
            }

            foreach (Operator op in g.Operators)
            {
                BindConstant(g, op.Inputs[0], ConstantInt8);
            }

            BindConstant(g, Output.Index, ConstantInt8);

            steps = new OpStep[g.Operators.Count];
            int scratch = 0;
            for (int i = 0; i < steps.Length; i++)
            {
                BuiltinOperator code = model.OperatorCodes[g.Operators[i].OpcodeIndex].BuiltinCode;
                try
                {
                    steps[i] = StepFactory.Create(model, i, ConstantInt8);
                }
                catch (ModelException e)
                {
                    throw new ModelException(OpStep.Describe(i, code) + ": " + e.Message, e);
                }
                catch (OverflowException e)
                {
                    throw new ModelException(OpStep.Describe(i, code) + ": sizes overflow: " + e.Message, e);
                }

                scratch = Math.Max(scratch, steps[i].ScratchInts);
                Work += steps[i].Work;
            }

            store.Scratch = new int[scratch];
        }

        /// <summary>Arena bytes planned for the activations (excludes constants and kernel scratch).</summary>
        public long ArenaBytes { get; }

        /// <summary>Bytes of the preallocated kernel scratch.</summary>
        public long ScratchBytes => store.Scratch.Length * sizeof(int);

        /// <summary>Rough operation count of one invoke (multiply-accumulates of conv/FC, element visits of the rest).</summary>
        public long Work { get; }

        /// <summary>The graph input.</summary>
        public TensorInfo Input { get; }

        /// <summary>The graph output.</summary>
        public TensorInfo Output { get; }

        /// <summary>Number of operators.</summary>
        public int OperatorCount => steps.Length;

        /// <summary>True when the straight reference kernels are used.</summary>
        public bool UsesReferenceKernels => reference;

        /// <summary>Index of the largest score; ties go to the lowest index (as std::max_element in TFLM's example).</summary>
        /// <param name="scores">Scores (at least one).</param>
        /// <returns>The index.</returns>
        public static int ArgMax(ReadOnlySpan<sbyte> scores)
        {
            if (scores.IsEmpty)
            {
                throw new ArgumentException("no scores", nameof(scores));
            }

            int best = 0;
            for (int i = 1; i < scores.Length; i++)
            {
                if (scores[i] > scores[best])
                {
                    best = i;
                }
            }

            return best;
        }

        /// <summary>Copies <paramref name="input"/> into the input tensor, runs every operator and copies the output tensor out. Allocates nothing.</summary>
        /// <param name="input">Exactly <see cref="Input"/>.ElementCount int8 values.</param>
        /// <param name="output">At least <see cref="Output"/>.ElementCount values; the first ones receive the output.</param>
        public void Invoke(ReadOnlySpan<sbyte> input, Span<sbyte> output)
        {
            if (input.Length != Input.ElementCount)
            {
                throw new ArgumentException($"input has {input.Length} values, the model input needs {Input.ElementCount}", nameof(input));
            }

            if (output.Length < Output.ElementCount)
            {
                throw new ArgumentException($"output has room for {output.Length} values, the model output has {Output.ElementCount}", nameof(output));
            }

            input.CopyTo(store.Write(Input.Index));
            for (int i = 0; i < steps.Length; i++)
            {
                OpStep step = steps[i];
                try
                {
                    step.Eval(store, reference);
                }
                catch (ModelException)
                {
                    throw;
                }
                catch (InvalidOperationException e)
                {
                    throw new ModelException(step.Describe() + ": " + e.Message, e);
                }
                catch (ArgumentException e)
                {
                    throw new ModelException(step.Describe() + ": " + e.Message, e);
                }
                catch (OverflowException e)
                {
                    throw new ModelException(step.Describe() + ": " + e.Message, e);
                }
            }

            store.Read(Output.Index).CopyTo(output);
        }

        /// <summary>
        /// The current values of an int8 tensor after an invoke: constants, the graph output, or (only with
        /// <see cref="InterpreterOptions.PreserveAllTensors"/>) any intermediate. Without preservation an
        /// intermediate's memory may already hold a later tensor, so asking for it is an error.
        /// </summary>
        /// <param name="tensorIndex">Tensor index in the subgraph.</param>
        /// <returns>A view of the tensor's data (valid until the next invoke).</returns>
        public ReadOnlySpan<sbyte> TensorData(int tensorIndex)
        {
            if (tensorIndex < 0 || tensorIndex >= tensorCount)
            {
                throw new ArgumentOutOfRangeException(nameof(tensorIndex), $"tensor index {tensorIndex} is outside 0..{tensorCount - 1}");
            }

            if (!store.IsBound(tensorIndex))
            {
                throw new InvalidOperationException($"tensor {tensorIndex} is not an int8 tensor used by the graph");
            }

            if (!preserveAll && !isConstant[tensorIndex] && tensorIndex != Output.Index)
            {
                throw new InvalidOperationException($"tensor {tensorIndex} shares arena memory with later tensors; create the interpreter with PreserveAllTensors to read intermediates");
            }

            return store.Read(tensorIndex);
        }

        private TensorInfo IoTensor(SubGraph g, int index, string role)
        {
            Tensor t = g.Tensors[index];
            if (t.Type != TensorType.Int8)
            {
                throw new ModelException($"{ModelValidator.TensorName(g, index)}: the graph {role} is {TfliteEnums.Name(t.Type)}; the interpreter needs int8");
            }

            return new TensorInfo(index, t);
        }

        private void BindConstant(SubGraph g, int tensor, Func<int, sbyte[]> constantInt8)
        {
            if (tensor >= 0 && isConstant[tensor] && g.Tensors[tensor].Type == TensorType.Int8)
            {
                constantInt8(tensor);
            }
        }
    }
}

namespace VoiceAssistant.Tflite
{
    /// <summary>How a <see cref="TfliteInterpreter"/> is built.</summary>
    public sealed class InterpreterOptions
    {
        /// <summary>
        /// Use the straight ports of TFLM's reference kernels instead of the fast ones (both are bit-exact; the
        /// reference path is the oracle for tests). Default false.
        /// </summary>
        public bool UseReferenceKernels { get; init; }

        /// <summary>
        /// Give every tensor its own memory (TFLM's <c>preserve_all_tensors</c>) so intermediates can be read with
        /// <see cref="TfliteInterpreter.TensorData"/> after an invoke. Costs arena memory. Default false.
        /// </summary>
        public bool PreserveAllTensors { get; init; }
    }
}

using System;
using VoiceAssistant.Tflite;

namespace VoiceAssistant.Codegen.DeviceVectors
{
    /// <summary>
    /// Scores a feature window with the host int8 interpreter, which is bit-exact with TFLM's reference kernels,
    /// so the expected device scores need no TFLM build.
    /// </summary>
    public static class InterpreterScorer
    {
        /// <summary>Runs the model once on <paramref name="window"/>; matches <see cref="ModelScorer"/>.</summary>
        /// <param name="model">The .tflite bytes.</param>
        /// <param name="window">The int8 input window.</param>
        /// <returns>The int8 output scores.</returns>
        public static sbyte[] Score(byte[] model, sbyte[] window)
        {
            ArgumentNullException.ThrowIfNull(window);
            var interpreter = new TfliteInterpreter(TfliteModel.Parse(model), new InterpreterOptions { UseReferenceKernels = true });
            var scores = new sbyte[interpreter.Output.ElementCount];
            interpreter.Invoke(window, scores);
            return scores;
        }
    }
}

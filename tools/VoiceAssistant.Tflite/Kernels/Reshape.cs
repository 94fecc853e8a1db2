using System;

namespace VoiceAssistant.Tflite.Kernels
{
    /// <summary>RESHAPE: the data is copied unchanged; only the shape changes.</summary>
    public static class Reshape
    {
        /// <summary>
        /// Resolves a requested shape against the input element count: at most one -1 is inferred; the element
        /// counts must match.
        /// </summary>
        /// <param name="inputElementCount">Number of input elements.</param>
        /// <param name="newShape">Requested dimensions (may hold one -1).</param>
        /// <returns>The resolved dimensions.</returns>
        public static int[] ResolveShape(int inputElementCount, ReadOnlySpan<int> newShape)
        {
            int[] result = newShape.ToArray();
            int unknown = -1;
            long known = 1;
            for (int i = 0; i < result.Length; i++)
            {
                if (result[i] == -1)
                {
                    if (unknown >= 0)
                    {
                        throw new ModelException("reshape shape has more than one -1");
                    }

                    unknown = i;
                }
                else if (result[i] < 0)
                {
                    throw new ModelException("reshape dimension " + result[i] + " is negative");
                }
                else
                {
                    known *= result[i];
                }
            }

            if (unknown >= 0)
            {
                if (known == 0 || inputElementCount % known != 0)
                {
                    throw new ModelException("reshape cannot infer a dimension for " + inputElementCount + " elements");
                }

                result[unknown] = (int)(inputElementCount / known);
                known *= result[unknown];
            }

            if (known != inputElementCount)
            {
                throw new ModelException("reshape to " + known + " elements from " + inputElementCount);
            }

            return result;
        }

        /// <summary>Copies the input to the output (a no-op when they are the same memory).</summary>
        /// <param name="input">Input values.</param>
        /// <param name="output">Output values, at least as long.</param>
        public static void Eval(ReadOnlySpan<sbyte> input, Span<sbyte> output)
        {
            KernelPrepare.RequireLength(output.Length, input.Length, "reshape output");
            input.CopyTo(output);
        }
    }
}

using System;
using System.Collections.Generic;

namespace VoiceAssistant.Export.Quantization
{
    /// <summary>Running minimum and maximum of a tensor over a calibration set.</summary>
    public sealed class RangeTracker
    {
        /// <summary>Smallest value seen (+∞ before any).</summary>
        public float Min { get; private set; } = float.PositiveInfinity;

        /// <summary>Largest value seen (−∞ before any).</summary>
        public float Max { get; private set; } = float.NegativeInfinity;

        /// <summary>True once a value was seen.</summary>
        public bool HasData => Min <= Max;

        /// <summary>Widens the range by <paramref name="values"/>.</summary>
        /// <param name="values">Values.</param>
        public void Add(ReadOnlySpan<float> values)
        {
            foreach (float v in values)
            {
                if (!float.IsFinite(v))
                {
                    throw new ArgumentException($"calibration value {v} is not finite");
                }

                Min = Math.Min(Min, v);
                Max = Math.Max(Max, v);
            }
        }
    }

    /// <summary>Ranges of the three quantised activations of tinyConv, from the float model run over representative clips.</summary>
    public sealed class CalibrationRanges
    {
        /// <summary>Input features.</summary>
        public RangeTracker Input { get; } = new RangeTracker();

        /// <summary>Conv output after ReLU.</summary>
        public RangeTracker ConvOutput { get; } = new RangeTracker();

        /// <summary>FC output (logits).</summary>
        public RangeTracker Logits { get; } = new RangeTracker();

        /// <summary>
        /// How far below the lowest top logit the quantised logit range reaches: a logit 16 below the top has a softmax
        /// share under e^−16 ≈ 1e−7, far below the int8 output step 1/256, so saturating lower logits changes no output.
        /// </summary>
        public const float SoftmaxHeadroom = 16f;

        /// <summary>Smallest per-clip largest logit (+∞ before any).</summary>
        public float LowestTopLogit { get; private set; } = float.PositiveInfinity;

        /// <summary>
        /// Lower end of the logit range to quantise: the observed minimum, raised to <see cref="LowestTopLogit"/> −
        /// <see cref="SoftmaxHeadroom"/>. Plain min/max (TFLite's converter) lets logits that never matter, such as
        /// silence's on loud speech (around −120), set the step: 0.6 per step instead of ~0.2, which ties the top two
        /// classes of close calls in int8 and hands them to the lower label index.
        /// </summary>
        public float LogitsQuantizedMin => Math.Max(Logits.Min, LowestTopLogit - SoftmaxHeadroom);

        /// <summary>Number of clips seen.</summary>
        public int Clips { get; private set; }

        /// <summary>Widens the logit range by one clip's logits and tracks its top logit.</summary>
        /// <param name="logits">The clip's logits.</param>
        public void AddLogits(ReadOnlySpan<float> logits)
        {
            Logits.Add(logits);
            float top = float.NegativeInfinity;
            foreach (float v in logits)
            {
                top = Math.Max(top, v);
            }

            LowestTopLogit = Math.Min(LowestTopLogit, top);
        }

        /// <summary>Runs the float model over every clip and records the ranges.</summary>
        /// <param name="weights">Float weights.</param>
        /// <param name="representative">Float features of each clip (1960 values each).</param>
        /// <param name="inputFloor">
        /// Features below this are clamped to it before calibration (default: none, TFLite's plain min/max).
        /// Frames of digital silence give c0 ≈ −247 with the 1e-12 log floor while speech stays above about −80
        /// (measured on the shared Speech Commands clips), so without a floor those frames set the input scale
        /// (≈1.05 instead of ≈0.36). With a floor the device saturates such frames to −128; train on features
        /// clamped the same way.
        /// </param>
        public static CalibrationRanges Measure(TinyConvWeights weights, IEnumerable<float[]> representative, float inputFloor = float.NegativeInfinity)
        {
            var model = new FloatTinyConv(weights);
            var ranges = new CalibrationRanges();
            var logits = new float[weights.Labels];
            float[] clamped = null;
            foreach (float[] original in representative)
            {
                float[] clip = original;
                if (!float.IsNegativeInfinity(inputFloor))
                {
                    clamped ??= new float[original.Length];
                    for (int i = 0; i < original.Length; i++)
                    {
                        clamped[i] = Math.Max(original[i], inputFloor);
                    }

                    clip = clamped;
                }

                model.Forward(clip, logits);
                ranges.Input.Add(clip);
                ranges.ConvOutput.Add(model.Activations);
                ranges.AddLogits(logits);
                ranges.Clips++;
            }

            if (ranges.Clips == 0)
            {
                throw new ArgumentException("the representative data set is empty; calibration needs at least one clip");
            }

            return ranges;
        }
    }
}

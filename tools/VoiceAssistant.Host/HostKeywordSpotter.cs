using System;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Tflite;

namespace VoiceAssistant.Host
{
    /// <summary>
    /// The PC's <see cref="IKeywordSpotter"/>: the core's <see cref="PcmConverter"/> → <see cref="FeatureStream"/>
    /// (core MFCC) → <see cref="FeatureQuantizer"/> with the model's own input quantisation →
    /// <see cref="FeatureWindow"/> → <see cref="TfliteInterpreter"/>, the same chain the board runs natively.
    /// </summary>
    /// <remarks>
    /// Everything is allocated by the constructor; <see cref="PushAudio"/> and <see cref="Invoke"/> allocate nothing.
    /// Not thread-safe.
    /// </remarks>
    public sealed class HostKeywordSpotter : IKeywordSpotter
    {
        /// <summary>Samples converted per internal step, bounding the sample buffer whatever the caller passes.</summary>
        private const int ChunkSamples = 4096;

        private readonly string[] labels;
        private readonly PcmConverter converter;
        private readonly FeatureWindow window = new FeatureWindow();
        private readonly FeatureStream stream;
        private readonly TfliteInterpreter interpreter;
        private readonly short[] samples = new short[ChunkSamples];
        private readonly sbyte[] input = new sbyte[AssistantSettings.WindowFeatures];
        private readonly sbyte[] output;
        private readonly int chunkBytes;
        private int pushedSamples;
        private int pushedMinimum;
        private int pushedMaximum;

        /// <summary>Checks the model against the feature window and the labels, then builds the chain.</summary>
        /// <param name="settings">Microphone layout (slot bytes, channels, channel, shift).</param>
        /// <param name="model">An int8 model with input [1,1960] or [1,49,40,1] and output [1, labels].</param>
        /// <param name="labels">Class labels in model output order.</param>
        /// <param name="options">Interpreter options (kernel path); null for the defaults.</param>
        public HostKeywordSpotter(AssistantSettings settings, TfliteModel model, string[] labels, InterpreterOptions options = null)
        {
            ArgumentNullException.ThrowIfNull(settings);
            if (labels == null || labels.Length == 0)
            {
                throw new ArgumentException("at least one label is required", nameof(labels));
            }

            interpreter = new TfliteInterpreter(model, options);
            CheckInput(interpreter.Input);
            int[] outShape = interpreter.Output.Shape;
            if (outShape.Length != 2 || outShape[0] != 1 || outShape[1] != labels.Length)
            {
                throw new ModelException($"model output {interpreter.Output} must have shape [1,{labels.Length}] (one score per label)");
            }

            this.labels = (string[])labels.Clone();
            converter = new PcmConverter(settings);
            chunkBytes = ChunkSamples * settings.FrameBytes;
            stream = new FeatureStream(new FeatureQuantizer(interpreter.Input.Scale, interpreter.Input.ZeroPoint), window);
            output = new sbyte[labels.Length];
        }

        /// <inheritdoc />
        public string[] Labels => labels;

        /// <inheritdoc />
        public float InputScale => interpreter.Input.Scale;

        /// <inheritdoc />
        public int InputZeroPoint => interpreter.Input.ZeroPoint;

        /// <summary>The interpreter running the model (for arena size, tensor info).</summary>
        public TfliteInterpreter Interpreter => interpreter;

        /// <summary>The int8 feature window the next <see cref="Invoke"/> will use.</summary>
        public FeatureWindow Window => window;

        /// <inheritdoc />
        public int PushAudio(byte[] raw, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(raw);
            if (offset < 0 || count < 0 || offset > raw.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "offset/count outside the raw buffer");
            }

            int rows = 0;
            int end = offset + count;
            pushedSamples = 0;
            pushedMinimum = short.MaxValue;
            pushedMaximum = short.MinValue;
            while (offset < end)
            {
                // At most ChunkSamples frames (plus a pending partial one folded into them) per step.
                int take = Math.Min(end - offset, chunkBytes - converter.PendingBytes);
                int n = converter.Convert(raw, offset, take, samples, 0);
                offset += take;
                for (int i = 0; i < n; i++)
                {
                    pushedMinimum = Math.Min(pushedMinimum, samples[i]);
                    pushedMaximum = Math.Max(pushedMaximum, samples[i]);
                }

                pushedSamples += n;
                rows += stream.Push(samples, 0, n);
            }

            return rows;
        }

        /// <inheritdoc />
        public int GetLevels(int[] levels)
        {
            if (levels == null || levels.Length < 2)
            {
                throw new ArgumentException("levels must hold 2 entries", nameof(levels));
            }

            levels[0] = pushedSamples > 0 ? pushedMinimum : 0;
            levels[1] = pushedSamples > 0 ? pushedMaximum : 0;
            return pushedSamples;
        }

        /// <inheritdoc />
        public void Invoke(sbyte[] scores)
        {
            if (scores == null || scores.Length < labels.Length)
            {
                throw new ArgumentException("scores must hold one entry per label", nameof(scores));
            }

            window.CopyTo(input);
            interpreter.Invoke(input, output);
            Array.Copy(output, scores, output.Length);
        }

        /// <inheritdoc />
        public void Reset()
        {
            converter.Reset();
            stream.Reset();
            window.Reset();
            pushedSamples = 0;
        }

        private static void CheckInput(TensorInfo info)
        {
            int[] s = info.Shape;
            bool flat = s.Length == 2 && s[0] == 1 && s[1] == AssistantSettings.WindowFeatures;
            bool image = s.Length == 4 && s[0] == 1 && s[1] == AssistantSettings.WindowFrames && s[2] == AssistantSettings.CoefficientCount && s[3] == 1;
            if (!flat && !image)
            {
                throw new ModelException($"model input {info} must be int8 [1,{AssistantSettings.WindowFeatures}] or [1,{AssistantSettings.WindowFrames},{AssistantSettings.CoefficientCount},1] (the feature window)");
            }
        }
    }
}

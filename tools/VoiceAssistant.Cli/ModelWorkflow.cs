using System;
using System.Collections.Generic;
using System.Linq;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Data;
using VoiceAssistant.Export;
using VoiceAssistant.Tflite;
using VoiceAssistant.Training;

namespace VoiceAssistant.Cli
{
    /// <summary>Glue between training (checkpoints, datasets) and the export/evaluation library, shared by the commands.</summary>
    internal static class ModelWorkflow
    {
        /// <summary>Copies a checkpoint's float weights into the exporter's layout (both are HWIO conv, [labels][4000] NHWC FC).</summary>
        /// <param name="checkpoint">The checkpoint.</param>
        /// <exception cref="ArgumentException">The checkpoint is not the default tinyConv shape.</exception>
        public static TinyConvWeights ToExportWeights(CheckpointContents checkpoint)
        {
            TinyConvConfig expected = TinyConvConfig.Default(checkpoint.Labels.Count);
            if (!checkpoint.Model.Config.Equals(expected))
            {
                throw new ArgumentException($"the checkpoint's model shape {checkpoint.Model.Config} is not the exportable tinyConv {expected}");
            }

            var w = new TinyConvWeights(checkpoint.Labels.Count);
            TinyConvParameters p = checkpoint.Model.Weights;
            p.ConvWeights.AsSpan().CopyTo(w.ConvWeights);
            p.ConvBias.AsSpan().CopyTo(w.ConvBias);
            p.FcWeights.AsSpan().CopyTo(w.FcWeights);
            p.FcBias.AsSpan().CopyTo(w.FcBias);
            w.Validate();
            return w;
        }

        /// <summary>Copies a manifest's recogniser thresholds into settings.</summary>
        /// <param name="manifest">The model's manifest.</param>
        /// <param name="settings">Settings to update.</param>
        public static void ApplyRecognizer(ModelManifest manifest, Core.Settings.AssistantSettings settings)
        {
            settings.DetectionThreshold = manifest.Recognizer.DetectionThreshold;
            settings.AverageWindowMs = manifest.Recognizer.AverageWindowMs;
            settings.SuppressionMs = manifest.Recognizer.SuppressionMs;
            settings.MinimumResultCount = manifest.Recognizer.MinimumResultCount;
        }

        /// <summary>
        /// The evaluation set of a dataset (<see cref="DatasetOptions.Evaluation"/>: every clip of each split, generated
        /// silence only where the dataset has no silence clips), the same examples <c>train</c> reports on.
        /// </summary>
        /// <param name="root">Dataset folder.</param>
        /// <param name="labels">Labels of the model (silence, unknown, then the words).</param>
        /// <param name="splitSalt">Split salt used in training.</param>
        /// <param name="background">Background folder (null for the dataset's own).</param>
        public static SpeechCommandsDataset LoadEvaluation(string root, IReadOnlyList<string> labels, string splitSalt, string background)
        {
            SpeechCommandsDataset dataset = SpeechCommandsDataset.Load(root, DatasetOptions.Evaluation(labels.Skip(2).ToArray(), splitSalt, background));
            if (!dataset.Labels.Skip(2).SequenceEqual(labels.Skip(2)))
            {
                throw new ArgumentException($"the model's labels ({string.Join(",", labels)}) are not silence, unknown and then words");
            }

            return dataset;
        }

        /// <summary>The examples of a split, or of all splits when <paramref name="split"/> is null.</summary>
        /// <param name="dataset">Dataset.</param>
        /// <param name="split">Split, or null for all clips.</param>
        public static IReadOnlyList<DatasetExample> Clips(SpeechCommandsDataset dataset, DataSplit? split) =>
            split is DataSplit s ? dataset.Examples(s) : Enum.GetValues<DataSplit>().SelectMany(dataset.Examples).ToArray();

        /// <summary>Float features (core MFCC, unaugmented; generated silence from the dataset's backgrounds) of clips, in parallel.</summary>
        /// <param name="dataset">Dataset the clips come from (its backgrounds render generated silence).</param>
        /// <param name="examples">Clips.</param>
        /// <param name="floor">Feature floor (negative infinity for none).</param>
        /// <param name="threads">Threads.</param>
        public static FeatureSet Features(SpeechCommandsDataset dataset, IReadOnlyList<DatasetExample> examples, float floor, int threads)
        {
            var augmenter = new Augmenter(new AugmentationOptions(), AudioExampleSource.LoadBackgrounds(dataset.BackgroundFiles));
            return FeatureSet.Compute(new AudioExampleSource(examples, augmenter, () => new MfccFeatureExtractor(floor), training: false, threads), TrainingData.EvaluationSeed, threads);
        }

        /// <summary>
        /// The audio of each example as the evaluation renders it: the clip padded to one second, or generated
        /// silence from the dataset's backgrounds with the evaluation seed.
        /// </summary>
        /// <param name="dataset">Dataset.</param>
        /// <param name="examples">Clips.</param>
        public static short[][] Audio(SpeechCommandsDataset dataset, IReadOnlyList<DatasetExample> examples)
        {
            var augmenter = new Augmenter(new AugmentationOptions(), AudioExampleSource.LoadBackgrounds(dataset.BackgroundFiles));
            var rendered = new float[augmenter.Options.ClipSamples];
            return examples.Select((e, i) =>
            {
                float[] clip = e.Path == null ? null : AudioExampleSource.FitLength(VoiceAssistant.Audio.WavReader.ReadMono16kFloat(e.Path), rendered.Length);
                augmenter.Render(clip, false, Rng.Derive(TrainingData.EvaluationSeed, 2, i), rendered);
                var pcm = new short[rendered.Length];
                VoiceAssistant.Audio.PcmConversion.ToShorts(rendered, pcm);
                return pcm;
            }).ToArray();
        }

        /// <summary>Predictions of the float model.</summary>
        /// <param name="checkpoint">Checkpoint.</param>
        /// <param name="set">Features (with the training floor).</param>
        public static int[] PredictFloat(CheckpointContents checkpoint, FeatureSet set)
        {
            // Argmax of the logits (Forward's result), not of the rounded softmax: no ties from exp underflow.
            var worker = new TinyConvWorker(checkpoint.Model.Weights);
            return Enumerable.Range(0, set.Count).Select(i => worker.Forward(set.FeaturesOf(i))).ToArray();
        }

        /// <summary>Softmax output of the float model per clip.</summary>
        /// <param name="checkpoint">Checkpoint.</param>
        /// <param name="set">Features (with the training floor).</param>
        public static float[][] FloatProbabilities(CheckpointContents checkpoint, FeatureSet set)
        {
            var worker = new TinyConvWorker(checkpoint.Model.Weights);
            return Enumerable.Range(0, set.Count).Select(i =>
            {
                worker.Forward(set.FeaturesOf(i));
                return worker.Probabilities.ToArray();
            }).ToArray();
        }

        /// <summary>
        /// Predictions of the int8 model as the device computes them: raw features quantised by the core
        /// <see cref="FeatureQuantizer"/> (saturating, which is the floor) with the model's input parameters, then
        /// the bit-exact interpreter; ties go to the lowest index.
        /// </summary>
        /// <param name="model">The int8 model.</param>
        /// <param name="rawFeatures">Features without a floor.</param>
        public static int[] PredictInt8(TfliteModel model, FeatureSet rawFeatures)
        {
            var interpreter = new TfliteInterpreter(model);
            var quantizer = new FeatureQuantizer(interpreter.Input.Scale, interpreter.Input.ZeroPoint);
            var input = new sbyte[interpreter.Input.ElementCount];
            var output = new sbyte[interpreter.Output.ElementCount];
            var predicted = new int[rawFeatures.Count];
            for (int i = 0; i < predicted.Length; i++)
            {
                quantizer.Quantize(rawFeatures.FeaturesOf(i), 0, input, 0, input.Length);
                interpreter.Invoke(input, output);
                predicted[i] = TfliteInterpreter.ArgMax(output);
            }

            return predicted;
        }
    }
}

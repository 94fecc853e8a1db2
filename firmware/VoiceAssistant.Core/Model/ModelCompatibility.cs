using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Model
{
    /// <summary>
    /// Decides whether a model (described by its <see cref="ModelInfo"/>) can run with these settings: same feature
    /// version and feature shape, usable labels (the wake label among them), sane quantisation and tuning, and
    /// model bytes of the announced length. Runs before the model is loaded so a mismatch gives one clear message
    /// instead of silently wrong scores.
    /// </summary>
    public static class ModelCompatibility
    {
        /// <summary>Returns null when compatible, otherwise a message naming the first problem.</summary>
        /// <param name="info">Model description.</param>
        /// <param name="settings">Settings the firmware runs with.</param>
        /// <param name="modelBytes">The model bytes, or null to skip the length check.</param>
        public static string Check(ModelInfo info, AssistantSettings settings, byte[] modelBytes)
        {
            if (info == null)
            {
                return "model info is missing";
            }

            if (settings == null)
            {
                return "settings are missing";
            }

            if (info.FeatureVersion != AssistantSettings.FeatureVersion)
            {
                return "model was trained with featureVersion " + Int(info.FeatureVersion) + " but this firmware computes featureVersion "
                    + Int(AssistantSettings.FeatureVersion) + "; retrain the model or deploy matching firmware";
            }

            string shape = Same("SampleRate", info.SampleRate, AssistantSettings.SampleRate);
            if (shape == null)
            {
                shape = Same("WindowSamples", info.WindowSamples, AssistantSettings.WindowSamples);
            }

            if (shape == null)
            {
                shape = Same("HopSamples", info.HopSamples, AssistantSettings.HopSamples);
            }

            if (shape == null)
            {
                shape = Same("CoefficientCount", info.CoefficientCount, AssistantSettings.CoefficientCount);
            }

            if (shape == null)
            {
                shape = Same("WindowFrames", info.WindowFrames, AssistantSettings.WindowFrames);
            }

            if (shape != null)
            {
                return shape;
            }

            string labels = CheckLabels(info.Labels, settings.WakeLabel);
            if (labels != null)
            {
                return labels;
            }

            // NaN fails both comparisons, so it is rejected too.
            if (!(info.InputScale > 0f && info.InputScale < float.MaxValue))
            {
                return "model input scale must be positive and finite";
            }

            if (info.InputZeroPoint < -128 || info.InputZeroPoint > 127)
            {
                return "model input zero point " + Int(info.InputZeroPoint) + " is outside -128..127";
            }

            if (info.DetectionThreshold < 0 || info.DetectionThreshold > 255)
            {
                return "model detection threshold " + Int(info.DetectionThreshold) + " is outside 0..255";
            }

            if (info.AverageWindowMs <= 0 || info.SuppressionMs < 0 || info.MinimumResultCount < 1)
            {
                return "model recogniser tuning needs AverageWindowMs > 0, SuppressionMs >= 0 and MinimumResultCount >= 1";
            }

            if (info.ArenaBytes <= 0)
            {
                return "model arena size must be positive";
            }

            if (info.ModelLength <= 0)
            {
                return "model length must be positive";
            }

            if (modelBytes != null && modelBytes.Length != info.ModelLength)
            {
                return "model bytes are " + Int(modelBytes.Length) + " long but the model info says " + Int(info.ModelLength)
                    + "; regenerate the model source";
            }

            return null;
        }

        /// <summary>Throws <see cref="System.InvalidOperationException"/> with <see cref="Check"/>'s message when incompatible.</summary>
        /// <param name="info">Model description.</param>
        /// <param name="settings">Settings the firmware runs with.</param>
        /// <param name="modelBytes">The model bytes, or null to skip the length check.</param>
        public static void Ensure(ModelInfo info, AssistantSettings settings, byte[] modelBytes)
        {
            string problem = Check(info, settings, modelBytes);
            if (problem != null)
            {
                throw new System.InvalidOperationException("model incompatible: " + problem);
            }
        }

        private static string CheckLabels(string[] labels, string wakeLabel)
        {
            if (labels == null || labels.Length < 2)
            {
                return "model needs at least two labels";
            }

            bool wakeFound = wakeLabel == null;
            for (int i = 0; i < labels.Length; i++)
            {
                if (!DetectionFormatter.IsValidLabel(labels[i]))
                {
                    return "model label " + Int(i) + " is empty or contains whitespace";
                }

                for (int j = 0; j < i; j++)
                {
                    if (labels[j] == labels[i])
                    {
                        return "model label '" + labels[i] + "' appears twice";
                    }
                }

                if (labels[i] == wakeLabel)
                {
                    wakeFound = true;
                }
            }

            if (!wakeFound)
            {
                return "wake label '" + wakeLabel + "' is not one of the model's labels";
            }

            return null;
        }

        private static string Same(string name, int model, int firmware)
        {
            if (model == firmware)
            {
                return null;
            }

            return "model expects " + name + " " + Int(model) + " but this firmware uses " + Int(firmware);
        }

        private static string Int(int value)
        {
            return DetectionFormatter.FormatInt(value);
        }
    }
}

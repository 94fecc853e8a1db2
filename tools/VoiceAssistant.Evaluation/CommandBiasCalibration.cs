using System;
using System.Collections.Generic;

namespace VoiceAssistant.Evaluation
{
    /// <summary>
    /// Chooses the model's operating point: a log-odds bias added to the logits of every command word (in the
    /// float model's FC bias, before quantisation) so that at most a given share of silence and unknown clips is
    /// taken for a command. The device decides by the softmax scores, so shifting the command logits trades false
    /// accepts for recall on the board as on the PC, in clip classification and in streaming alike.
    /// </summary>
    public static class CommandBiasCalibration
    {
        /// <summary>Grid step of the bias search (log-odds).</summary>
        public const double Step = 0.05;

        /// <summary>The search covers [−Limit, +Limit].</summary>
        public const double Limit = 8;

        /// <summary>
        /// The largest bias on the grid whose false-accept rate on the clips is at most
        /// <paramref name="maxFalseAcceptRate"/>, or −<see cref="Limit"/> when none is.
        /// </summary>
        /// <param name="probabilities">Softmax output of the float model per clip.</param>
        /// <param name="actual">Actual label per clip.</param>
        /// <param name="firstCommand">Index of the first command label (labels from here on are commands; 2 for silence, unknown, words).</param>
        /// <param name="maxFalseAcceptRate">Largest acceptable share (0..1) of non-command clips classified as a command.</param>
        /// <exception cref="ArgumentException">No non-command clip to measure on, or mismatched inputs.</exception>
        public static double Choose(IReadOnlyList<float[]> probabilities, int[] actual, int firstCommand, double maxFalseAcceptRate)
        {
            ArgumentNullException.ThrowIfNull(probabilities);
            ArgumentNullException.ThrowIfNull(actual);
            if (probabilities.Count != actual.Length)
            {
                throw new ArgumentException("need one probability vector per actual label");
            }

            if (!(maxFalseAcceptRate >= 0 && maxFalseAcceptRate <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(maxFalseAcceptRate), maxFalseAcceptRate, "0..1");
            }

            if (Array.TrueForAll(actual, a => a >= firstCommand))
            {
                throw new ArgumentException("the clips hold no silence or unknown example, so false accepts cannot be measured");
            }

            // Raising the bias only moves predictions towards the commands, so the rate grows with it: scan down.
            int steps = (int)Math.Round(Limit / Step);
            for (int k = steps; k > -steps; k--)
            {
                double bias = k * Step;
                if (FalseAcceptRate(probabilities, actual, firstCommand, bias) <= maxFalseAcceptRate)
                {
                    return bias;
                }
            }

            return -Limit;
        }

        /// <summary>Share of non-command clips predicted as a command when the command logits are raised by <paramref name="bias"/>.</summary>
        /// <param name="probabilities">Softmax output per clip.</param>
        /// <param name="actual">Actual label per clip.</param>
        /// <param name="firstCommand">Index of the first command label.</param>
        /// <param name="bias">Log-odds added to every command logit.</param>
        public static double FalseAcceptRate(IReadOnlyList<float[]> probabilities, int[] actual, int firstCommand, double bias)
        {
            ArgumentNullException.ThrowIfNull(probabilities);
            ArgumentNullException.ThrowIfNull(actual);
            double factor = Math.Exp(bias);
            int negatives = 0, accepted = 0;
            for (int i = 0; i < actual.Length; i++)
            {
                if (actual[i] < firstCommand)
                {
                    negatives++;
                    accepted += PredictScaled(probabilities[i], firstCommand, factor) >= firstCommand ? 1 : 0;
                }
            }

            return negatives == 0 ? 0 : (double)accepted / negatives;
        }

        /// <summary>The label a biased model predicts: the argmax after multiplying command probabilities by e^bias (first wins ties).</summary>
        /// <param name="probabilities">Softmax output.</param>
        /// <param name="firstCommand">Index of the first command label.</param>
        /// <param name="bias">Log-odds added to every command logit.</param>
        public static int Predict(ReadOnlySpan<float> probabilities, int firstCommand, double bias) => PredictScaled(probabilities, firstCommand, Math.Exp(bias));

        private static int PredictScaled(ReadOnlySpan<float> probabilities, int firstCommand, double factor)
        {
            int best = 0;
            double bestScore = double.NegativeInfinity;
            for (int k = 0; k < probabilities.Length; k++)
            {
                double score = k >= firstCommand ? probabilities[k] * factor : probabilities[k];
                if (score > bestScore)
                {
                    best = k;
                    bestScore = score;
                }
            }

            return best;
        }
    }
}

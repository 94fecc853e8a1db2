using System;
using System.IO;
using VoiceAssistant.Evaluation;
using Xunit;

namespace VoiceAssistant.Evaluation.Tests
{
    public class EvaluationTests
    {
        private static readonly string[] Labels = { "silence", "unknown", "yes", "no" };

        // Hand-made matrix (rows actual, columns predicted):
        //            silence unknown yes no
        // silence       18      1     1   0    (20)
        // unknown        1     30     5   4    (40)
        // yes            0      2    27   1    (30)
        // no             0      3     0  27    (30)
        private static ConfusionMatrix Matrix()
        {
            int[,] c = { { 18, 1, 1, 0 }, { 1, 30, 5, 4 }, { 0, 2, 27, 1 }, { 0, 3, 0, 27 } };
            var m = new ConfusionMatrix(Labels);
            for (int a = 0; a < 4; a++)
            {
                for (int p = 0; p < 4; p++)
                {
                    m.Add(a, p, c[a, p]);
                }
            }

            return m;
        }

        [Fact]
        public void MatrixCountsAndBasicRates()
        {
            ConfusionMatrix m = Matrix();
            Assert.Equal(120, m.Total);
            Assert.Equal(102, m.Correct);
            Assert.Equal(102.0 / 120, m.Accuracy, 12);
            Assert.Equal(27.0 / 30, m.Recall(2), 12);
            Assert.Equal(27.0 / 33, m.Precision(2), 12); // yes predicted 1+5+27+0
            Assert.Equal(27.0 / 32, m.Precision(3), 12); // no predicted 0+4+1+27
            Assert.Equal(18.0 / 19, m.Precision(0), 12);
        }

        [Fact]
        public void KeywordMetricsFollowTheIssueDefinitions()
        {
            KeywordMetrics k = KeywordMetrics.Compute(Matrix());
            Assert.Equal(102.0 / 120, k.PlainAccuracy.Value, 12);
            // 0.1*18/20 + 0.1*30/40 + 0.4*27/30 + 0.4*27/30 = 0.09 + 0.075 + 0.36 + 0.36
            Assert.Equal(0.885, k.TfMixAccuracy.Value, 12);
            Assert.Equal(0.9, k.Recall[2].Value, 12);
            Assert.Equal(0.9, k.Recall[3].Value, 12);
            // silence→yes 1, unknown→yes 5, unknown→no 4: 10 of 60 background clips.
            Assert.Equal(10.0 / 60, k.FalseAcceptRate.Value, 12);
            Assert.Equal(60, k.FalseAcceptRate.Count);
            Assert.Equal(new[] { 2, 3 }, k.CommandIndices);
            Assert.Equal(0.4, k.Weight(2), 12);
            Assert.True(k.TfMixAccuracy.Low < 0.885 && k.TfMixAccuracy.High > 0.885);
        }

        [Fact]
        public void TfMixSplitsEightyPercentOverMoreCommands()
        {
            var m = new ConfusionMatrix(new[] { "_silence_", "_unknown_", "up", "down", "go", "stop" });
            for (int i = 0; i < 6; i++)
            {
                m.Add(i, i, 10);
            }

            m.Add(2, 0, 10); // up recall 0.5
            KeywordMetrics k = KeywordMetrics.Compute(m);
            Assert.Equal(0.2, k.Weight(4), 12);
            Assert.Equal(1 - 0.2 * 0.5, k.TfMixAccuracy.Value, 12);
        }

        [Theory]
        // Reference values computed by hand from the Wilson formula (z = 1.959964).
        [InlineData(27, 30, 0.7438, 0.9654)]
        [InlineData(0, 10, 0.0, 0.2775)]
        [InlineData(10, 10, 0.7225, 1.0)]
        [InlineData(50, 100, 0.4038, 0.5962)]
        public void WilsonIntervals(int k, int n, double low, double high)
        {
            Estimate e = Estimate.Wilson(k, n);
            Assert.Equal(low, e.Low, 4);
            Assert.Equal(high, e.High, 4);
            Assert.True(double.IsNaN(Estimate.Wilson(0, 0).Value));
            Assert.Throws<ArgumentOutOfRangeException>(() => Estimate.Wilson(3, 2));
        }

        [Fact]
        public void ReportShowsColumnsSideBySide()
        {
            int[] actual = { 0, 1, 2, 3, 2, 3 };
            int[] f = { 0, 1, 2, 3, 2, 3 };
            int[] q = { 0, 2, 2, 3, 1, 3 };
            string text = EvaluationReport.Render("test split", Labels, actual, new[] { new PredictionColumn("float", f), new PredictionColumn("int8", q) });
            Assert.Contains("plain accuracy", text);
            Assert.Contains("100.0% [", text);
            Assert.Contains("66.7% [", text);
            Assert.Contains("false accepts", text);
            Assert.Contains("recall yes", text);
            Assert.Contains("Confusion matrix (int8;", text);
            string[] lines = text.Split('\n');
            string header = Array.Find(lines, l => l.StartsWith("metric", StringComparison.Ordinal));
            Assert.True(header.IndexOf("float", StringComparison.Ordinal) < header.IndexOf("int8", StringComparison.Ordinal));
        }

        [Fact]
        public void MistakesByWordCountPerFolderWorstFirst()
        {
            // Derived by hand: "go" 3 clips (two taken for no, one right), "no" 2 clips (one taken for unknown),
            // "yes" and silence all right.
            string[] words = { "go", "go", "go", "no", "no", "yes", "_silence_" };
            int[] actual = { 1, 1, 1, 3, 3, 2, 0 };
            int[] predicted = { 3, 3, 1, 1, 3, 2, 0 };
            string text = EvaluationReport.RenderMistakesByWord(Labels, words, actual, predicted);
            string[] lines = text.TrimEnd().Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.Matches(@"^  go +2 of 3 +-> no 2$", lines[0].TrimEnd());
            Assert.Matches(@"^  no +1 of 2 +-> unknown 1$", lines[1].TrimEnd());
            Assert.Equal("  none", EvaluationReport.RenderMistakesByWord(Labels, words, actual, actual).TrimEnd());
            Assert.Throws<ArgumentException>(() => EvaluationReport.RenderMistakesByWord(Labels, words[..2], actual, predicted));
        }

        [Fact]
        public void CommandBiasIsTheLargestGridStepWithinTheFalseAcceptTarget()
        {
            // Four unknown clips whose command/unknown probability ratios are 0.5, 0.8, 1.25 and 3: a bias b accepts
            // those with ratio·e^b > 1, i.e. b > 0.693, 0.223, −0.223, −1.099 (by hand). Two command clips.
            float[][] p =
            {
                new[] { 0f, 0.6f, 0.3f, 0.1f }, new[] { 0f, 0.5f, 0.1f, 0.4f }, new[] { 0f, 0.4f, 0.5f, 0.1f }, new[] { 0f, 0.25f, 0f, 0.75f },
                new[] { 0f, 0.1f, 0.9f, 0f }, new[] { 0f, 0.2f, 0f, 0.8f },
            };
            int[] actual = { 1, 1, 1, 1, 2, 3 };
            Assert.Equal(0.5, CommandBiasCalibration.FalseAcceptRate(p, actual, 2, 0));
            Assert.Equal(-0.25, CommandBiasCalibration.Choose(p, actual, 2, 0.25), 9);   // one of four: b ≤ −0.223
            Assert.Equal(-1.10, CommandBiasCalibration.Choose(p, actual, 2, 0.0), 9);    // none: b ≤ −1.099
            Assert.Equal(0.65, CommandBiasCalibration.Choose(p, actual, 2, 0.75), 9);    // three: b ≤ 0.693
            Assert.Equal(CommandBiasCalibration.Limit, CommandBiasCalibration.Choose(p, actual, 2, 1.0));
            Assert.Equal(3, CommandBiasCalibration.Predict(p[1], 2, 0.3));
            Assert.Equal(1, CommandBiasCalibration.Predict(p[1], 2, 0.2));
            Assert.Throws<ArgumentException>(() => CommandBiasCalibration.Choose(p[4..], actual[4..], 2, 0.05));
        }

        [Fact]
        public void PlotRendersAPng()
        {
            byte[] png = ConfusionMatrixPlot.RenderPng(Matrix(), "hand-made");
            Assert.True(png.Length > 1000);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            string dir = Environment.GetEnvironmentVariable("VA_PLOT_DIR");
            if (!string.IsNullOrEmpty(dir))
            {
                File.WriteAllBytes(Path.Combine(dir, "confusion.png"), png);
            }
        }
    }
}

using System.Globalization;
using ScottPlot;
using VoiceAssistant.Audio;

namespace VoiceAssistant.Evaluation
{
    /// <summary>PNG heat map of a confusion matrix (ScottPlot, renders headless), each cell annotated with its count.</summary>
    public static class ConfusionMatrixPlot
    {
        /// <summary>Renders the matrix as PNG bytes; colour is the row-normalised share (recall per row).</summary>
        /// <param name="matrix">The matrix.</param>
        /// <param name="title">Plot title.</param>
        /// <param name="width">Image width in pixels.</param>
        /// <param name="height">Image height in pixels.</param>
        public static byte[] RenderPng(ConfusionMatrix matrix, string title, int width = 640, int height = 560)
        {
            int n = matrix.Size;
            var shares = new double[n, n];
            for (int a = 0; a < n; a++)
            {
                int rowTotal = matrix.ActualCount(a);
                for (int p = 0; p < n; p++)
                {
                    // Row 0 of the heat map is drawn at the top, like the text table.
                    shares[a, p] = rowTotal == 0 ? 0 : (double)matrix[a, p] / rowTotal;
                }
            }

            var plot = new Plot();
            var heatmap = plot.Add.Heatmap(shares);
            heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
            heatmap.ManualRange = new Range(0, 1);
            plot.Add.ColorBar(heatmap);

            var positions = new double[n];
            for (int i = 0; i < n; i++)
            {
                positions[i] = i;
            }

            var rowPositions = new double[n];
            for (int a = 0; a < n; a++)
            {
                rowPositions[a] = n - 1 - a;
                for (int p = 0; p < n; p++)
                {
                    var text = plot.Add.Text(matrix[a, p].ToString(CultureInfo.InvariantCulture), p, n - 1 - a);
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontSize = 18;
                    text.LabelFontColor = shares[a, p] > 0.6 ? Colors.Black : Colors.White;
                }
            }

            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, matrix.Labels);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(rowPositions, matrix.Labels);
            plot.XLabel("predicted");
            plot.YLabel("actual");
            plot.Title(title);
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }

        /// <summary>Writes the PNG atomically.</summary>
        /// <param name="matrix">The matrix.</param>
        /// <param name="title">Plot title.</param>
        /// <param name="path">Destination .png.</param>
        public static void Save(ConfusionMatrix matrix, string title, string path) => AtomicFile.WriteAllBytes(path, RenderPng(matrix, title));
    }
}

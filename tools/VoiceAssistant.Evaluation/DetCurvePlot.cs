using System;
using System.Collections.Generic;
using System.Globalization;
using ScottPlot;
using VoiceAssistant.Audio;

namespace VoiceAssistant.Evaluation
{
    /// <summary>PNG of a DET curve (false rejects in % against false accepts per hour) with the operating point marked.</summary>
    public static class DetCurvePlot
    {
        /// <summary>Renders the curve as PNG bytes.</summary>
        /// <param name="curve">Points of <see cref="DetCurve.Sweep"/>.</param>
        /// <param name="operatingPoint">The chosen point to mark, or null.</param>
        /// <param name="title">Plot title.</param>
        /// <param name="width">Image width in pixels.</param>
        /// <param name="height">Image height in pixels.</param>
        public static byte[] RenderPng(IReadOnlyList<DetPoint> curve, DetPoint operatingPoint, string title, int width = 720, int height = 540)
        {
            ArgumentNullException.ThrowIfNull(curve);
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (DetPoint p in curve)
            {
                if (!double.IsNaN(p.FalseRejectRate) && !double.IsNaN(p.FalseAcceptsPerHour))
                {
                    xs.Add(p.FalseAcceptsPerHour);
                    ys.Add(100 * p.FalseRejectRate);
                }
            }

            var plot = new Plot();
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.LegendText = "threshold sweep";
            line.MarkerSize = 4;
            if (operatingPoint != null)
            {
                var marker = plot.Add.Marker(operatingPoint.FalseAcceptsPerHour, 100 * operatingPoint.FalseRejectRate);
                marker.MarkerShape = MarkerShape.FilledCircle;
                marker.MarkerSize = 14;
                marker.Color = Colors.Red;
                marker.LegendText = string.Create(CultureInfo.InvariantCulture, $"operating point: threshold {operatingPoint.Threshold}, {100 * operatingPoint.FalseRejectRate:0.0}% false rejects, {operatingPoint.FalseAcceptsPerHour:0.0} false accepts/h");
            }

            plot.ShowLegend(Alignment.UpperRight);
            plot.XLabel("false accepts per hour");
            plot.YLabel("false rejects (%)");
            plot.Title(title);
            plot.Axes.SetLimitsY(0, Math.Max(10, Max(ys) * 1.05));
            plot.Axes.SetLimitsX(0, Math.Max(10, Max(xs) * 1.05));
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }

        /// <summary>Writes the PNG atomically.</summary>
        /// <param name="curve">Points.</param>
        /// <param name="operatingPoint">Marked point, or null.</param>
        /// <param name="title">Title.</param>
        /// <param name="path">Destination .png.</param>
        public static void Save(IReadOnlyList<DetPoint> curve, DetPoint operatingPoint, string title, string path) =>
            AtomicFile.WriteAllBytes(path, RenderPng(curve, operatingPoint, title));

        private static double Max(List<double> values)
        {
            double max = 0;
            foreach (double v in values)
            {
                max = Math.Max(max, v);
            }

            return max;
        }
    }
}

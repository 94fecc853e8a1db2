using System;
using System.Collections.Generic;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Features;
using Xunit;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>
    /// The whole kernel: raw bytes in random chunks through the native engine (PCM, framing, MFCC, quantiser, window)
    /// against PcmConverter + FeatureStream + FeatureQuantizer + FeatureWindow. After every push: the new-row count,
    /// every float of every new row, the 1960-byte int8 window and the number of rows held.
    /// </summary>
    public class StreamEqualityTests
    {
        private readonly ITestOutputHelper output;

        public StreamEqualityTests(ITestOutputHelper output)
        {
            this.output = output;
            NativeApi.Require();
        }

        private static readonly (float Scale, int ZeroPoint)[] Quantisations = { (1f, 0), (0.5f, -20), (2.5f, 100), (0.0390625f, -128) };

        /// <summary>Streams one source; returns (rows, pushes, window comparisons).</summary>
        private static (int Rows, int Pushes) Compare(Source source, Layout layout, float scale, int zeroPoint, Random rng)
        {
            string what = $"{source} / {layout} / scale {scale} zp {zeroPoint}";
            byte[] raw = layout.Encode(source.Samples, source.Samples.Length);
            int[] config = { layout.SlotBytes, layout.Channels, layout.Channel, layout.Shift, 1, 49, 40, BitConverter.SingleToInt32Bits(scale), zeroPoint };
            Assert.Equal(0, NativeApi.va_engine_configure(config, config.Length));

            var converter = new PcmConverter(PcmEqualityTests.Settings(layout.SlotBytes, layout.Channels, layout.Channel, layout.Shift));
            var window = new FeatureWindow();
            var stream = new FeatureStream(new FeatureQuantizer(scale, zeroPoint), window);
            var samples = new short[8 * 320];
            var managedRows = new float[20 * 40];
            var nativeRows = new float[20 * 40];
            var managedWindow = new sbyte[1960];
            var nativeWindow = new sbyte[1960];
            int rows = 0;
            int pushes = 0;
            int pos = 0;
            while (pos < raw.Length)
            {
                int count = Math.Min(Chunking.Next(rng, 320 * layout.FrameBytes), raw.Length - pos);
                byte[] chunk = raw.AsSpan(pos, count).ToArray();
                pos += count;

                int n = converter.Convert(chunk, 0, count, samples, 0);
                int expectedRows = stream.Push(samples, 0, n, managedRows, 0);
                int nativeCount = NativeApi.va_engine_push_audio_rows(chunk, count, nativeRows, 20);
                Assert.True(expectedRows == nativeCount, $"{what}: push {pushes} gave {nativeCount} rows, managed {expectedRows}");
                BitCompare.Require(BitCompare.Floats(managedRows, nativeRows, expectedRows * 40, $"{what}: rows of push {pushes}"));

                window.CopyTo(managedWindow);
                int held = NativeApi.va_engine_get_features(nativeWindow, nativeWindow.Length);
                Assert.True(window.FilledRows == held, $"{what}: native holds {held} rows, managed {window.FilledRows}");
                BitCompare.Require(BitCompare.SBytes(managedWindow, nativeWindow, 1960, $"{what}: window after push {pushes}"));
                rows += expectedRows;
                pushes++;
            }

            Assert.Equal(Mfcc.RowsFor(source.Samples.Length), rows);
            return (rows, pushes);
        }

        private void CompareAll(List<Source> sources, Layout[] layouts, int seed)
        {
            var rng = new Random(seed);
            int rows = 0;
            int pushes = 0;
            int runs = 0;
            foreach (Source source in sources)
            {
                foreach (Layout layout in layouts)
                {
                    var (scale, zeroPoint) = Quantisations[runs % Quantisations.Length];
                    var (r, p) = Compare(source, layout, scale, zeroPoint, rng);
                    rows += r;
                    pushes += p;
                    runs++;
                }
            }

            output.WriteLine($"{runs} streams ({sources.Count} sources × {layouts.Length} layouts): {rows} rows ({rows * 40} floats, {rows * 40} int8), "
                + $"{pushes} pushes each followed by a 1960-byte window comparison");
        }

        [Fact]
        public void RealClipsInEveryLayout()
        {
            CompareAll(Sources.RealClips(), Layout.All, 11);
        }

        [Fact]
        public void SyntheticSignalsInEveryLayout()
        {
            CompareAll(Sources.Synthetic(), Layout.All, 12);
        }

        [Fact]
        public void ResetAndReconfigureStartFromAnEmptyWindow()
        {
            Source clip = Sources.Synthetic()[6]; // full-scale noise
            var rng = new Random(13);
            Compare(clip, Layout.All[0], 1f, 0, rng);
            Assert.Equal(0, NativeApi.va_engine_reset());
            var win = new sbyte[1960];
            Assert.Equal(0, NativeApi.va_engine_get_features(win, win.Length));
            Assert.All(win, v => Assert.Equal(0, v));
            Compare(clip, Layout.All[4], 0.5f, -20, rng); // configure clears too
        }
    }
}

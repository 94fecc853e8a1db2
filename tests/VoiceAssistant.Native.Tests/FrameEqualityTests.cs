using System;
using System.Collections.Generic;
using VoiceAssistant.Core.Features;
using Xunit;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>Every MFCC frame of every source (all 480-sample windows at the 320-sample hop): managed == native.</summary>
    public class FrameEqualityTests
    {
        private readonly ITestOutputHelper output;

        public FrameEqualityTests(ITestOutputHelper output)
        {
            this.output = output;
            NativeApi.Require();
        }

        /// <summary>Compares every frame of the clip; returns the number of frames compared.</summary>
        internal static int CompareClip(short[] clip, string name)
        {
            var managed = new float[Mfcc.RowsFor(clip.Length) * 40];
            int rows = new Mfcc().ComputeClip(clip, managed);
            var window = new short[480];
            var native = new float[managed.Length];
            var row = new float[40];
            for (int r = 0; r < rows; r++)
            {
                Array.Copy(clip, r * 320, window, 0, 480);
                Assert.Equal(0, NativeApi.va_mfcc_compute_frame(window, row));
                row.CopyTo(native, r * 40);
            }

            BitCompare.Require(BitCompare.Floats(managed, native, managed.Length, "MFCC of " + name));
            return rows;
        }

        private int CompareAll(List<Source> sources)
        {
            int frames = 0;
            foreach (Source s in sources)
            {
                frames += CompareClip(s.Samples, s.Name);
            }

            output.WriteLine($"{sources.Count} sources, {frames} frames, {frames * 40} coefficients bit-equal");
            return frames;
        }

        [Fact]
        public void RealClips()
        {
            Assert.True(CompareAll(Sources.RealClips()) > 2000);
        }

        [Fact]
        public void SyntheticSignals()
        {
            Assert.True(CompareAll(Sources.Synthetic()) > 600);
        }

        [Fact]
        public void RandomFullScaleWindows()
        {
            // Independent random windows at every amplitude scale (2^0 .. 2^15).
            var rng = new Random(5);
            var list = new List<Source>();
            for (int t = 0; t < 512; t++)
            {
                int amp = 1 << (t % 16);
                var w = new short[480];
                for (int i = 0; i < w.Length; i++)
                {
                    w[i] = (short)Math.Clamp(rng.Next(-amp, amp + 1), short.MinValue, short.MaxValue);
                }

                list.Add(new Source($"random window {t}", w));
            }

            Assert.Equal(512, CompareAll(list));
        }
    }
}

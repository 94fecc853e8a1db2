using System;
using VoiceAssistant.Core.Features;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Features
{
    public class FeatureStreamTests
    {
        private static float[] Batch(short[] clip)
        {
            var f = new float[Mfcc.RowsFor(clip.Length) * 40];
            new Mfcc().ComputeClip(clip, f);
            return f;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        public void RandomChunkingEqualsBatchBitForBit(int seed)
        {
            short[] clip = Signals.Noise(16000 + 1000 * seed, seed, 0.4);
            float[] batch = Batch(clip);
            var quantizer = new FeatureQuantizer(0.1f, -20);
            var window = new FeatureWindow();
            var stream = new FeatureStream(quantizer, window);
            var streamed = new float[batch.Length];
            var rng = new Random(seed);
            int pos = 0, rows = 0;
            while (pos < clip.Length)
            {
                int chunk = Math.Min(clip.Length - pos, rng.Next(4) == 0 ? rng.Next(0, 2000) : rng.Next(0, 40));
                int expectedRows = stream.RowsAfter(chunk);
                int n = stream.Push(clip, pos, chunk, streamed, rows * 40);
                Assert.Equal(expectedRows, n);
                rows += n;
                Assert.Equal(rows, stream.RowsProduced);
                pos += chunk;
            }

            Assert.Equal(Mfcc.RowsFor(clip.Length), rows);
            for (int i = 0; i < batch.Length; i++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(batch[i]), BitConverter.SingleToInt32Bits(streamed[i]));
            }

            // The window holds the quantised last 49 batch rows, oldest first.
            var win = new sbyte[1960];
            window.CopyTo(win);
            int first = rows - 49;
            for (int i = 0; i < 1960; i++)
            {
                Assert.Equal(quantizer.Quantize(batch[first * 40 + i]), win[i]);
            }
        }

        [Fact]
        public void OneSecondInHopsGives49Rows()
        {
            short[] clip = Signals.Noise(16000, 9, 0.2);
            var stream = new FeatureStream(null, null);
            int rows = 0;
            for (int pos = 0; pos < clip.Length; pos += 320)
            {
                int n = stream.Push(clip, pos, 320);
                rows += n;
                Assert.Equal(pos == 0 ? 0 : 1, n); // first row needs 480 samples: after the second hop
            }

            Assert.Equal(49, rows);
            // 49 rows consume 480 + 48·320 = 15840 samples; 160 unread plus the 160-sample overlap stay buffered.
            Assert.Equal(320, stream.BufferedSamples);
        }

        [Fact]
        public void WindowKeepsNewest49RowsOldestFirst()
        {
            var window = new FeatureWindow();
            var row = new sbyte[40];
            var all = new sbyte[1960];
            window.CopyTo(all);
            Assert.All(all, v => Assert.Equal(0, v));

            for (int r = 1; r <= 3; r++)
            {
                Array.Fill(row, (sbyte)r);
                window.Push(row, 0);
            }

            window.CopyTo(all);
            Assert.Equal(3, window.FilledRows);
            for (int f = 0; f < 49; f++)
            {
                Assert.Equal(f < 46 ? 0 : f - 45, all[f * 40 + 17]);
            }

            for (int r = 4; r <= 60; r++)
            {
                for (int c = 0; c < 40; c++)
                {
                    row[c] = (sbyte)(r + c);
                }

                window.Push(row, 0);
            }

            Assert.True(window.IsFull);
            var dest = new sbyte[1965];
            window.CopyTo(dest, 5);
            for (int f = 0; f < 49; f++)
            {
                for (int c = 0; c < 40; c++)
                {
                    Assert.Equal((sbyte)(12 + f + c), dest[5 + f * 40 + c]); // rows 12..60
                }
            }

            window.Reset();
            window.CopyTo(all);
            Assert.Equal(0, window.FilledRows);
            Assert.All(all, v => Assert.Equal(0, v));
        }

        [Fact]
        public void PushingAllocatesNothingAfterWarmUp()
        {
            short[] clip = Signals.Noise(32000, 4, 0.3);
            var stream = new FeatureStream(new FeatureQuantizer(0.1f, 0), new FeatureWindow());
            var rows = new float[40 * 10];
            var copy = new sbyte[1960];
            stream.Push(clip, 0, 3200, rows, 0);
            stream.Window.CopyTo(copy);
            int produced = 0;
            long allocated = SteadyStateAllocation.Bytes(() =>
            {
                produced = 0;
                for (int pos = 3200; pos + 320 <= clip.Length; pos += 320)
                {
                    produced += stream.Push(clip, pos, 320);
                    produced += stream.Push(clip, pos, 0, rows, 0);
                    stream.Window.CopyTo(copy);
                }
            });
            Assert.Equal(90, produced);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void ResetStartsFramingAfresh()
        {
            short[] first = Signals.Noise(1000, 5, 0.3);
            short[] clip = Signals.Noise(2000, 6, 0.3);
            float[] batch = Batch(clip);
            var stream = new FeatureStream(null, null);
            stream.Push(first, 0, first.Length);
            stream.Reset();
            Assert.Equal(0, stream.BufferedSamples);
            var rows = new float[batch.Length];
            Assert.Equal(batch.Length / 40, stream.Push(clip, 0, clip.Length, rows, 0));
            for (int i = 0; i < batch.Length; i++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(batch[i]), BitConverter.SingleToInt32Bits(rows[i]));
            }
        }

        [Fact]
        public void TooSmallRowBufferIsRejected()
        {
            var stream = new FeatureStream(null, null);
            Assert.Throws<ArgumentException>(() => stream.Push(new short[800], 0, 800, new float[40], 0));
            Assert.Throws<ArgumentException>(() => new FeatureStream(new FeatureQuantizer(1f, 0), null));
        }
    }
}

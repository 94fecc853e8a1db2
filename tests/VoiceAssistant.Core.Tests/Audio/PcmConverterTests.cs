using System;
using System.Buffers.Binary;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Audio
{
    public class PcmConverterTests
    {
        private static AssistantSettings Layout(int slotBytes, int channels, int channel, int shift)
        {
            return new AssistantSettings { SlotBytes = slotBytes, ChannelsPerFrame = channels, Channel = channel, SampleShift = shift };
        }

        private static short[] ConvertAll(AssistantSettings settings, byte[] raw)
        {
            var converter = new PcmConverter(settings);
            var output = new short[PcmConverter.MaxSamples(raw.Length, settings.FrameBytes)];
            int n = converter.Convert(raw, 0, raw.Length, output, 0);
            Assert.Equal(0, converter.PendingBytes);
            return output.AsSpan(0, n).ToArray();
        }

        // Independent reference: reads the slot with BinaryPrimitives / sbyte casts, shifts, clamps.
        private static short Reference(byte[] raw, int slotStart, int slotBytes, int shift)
        {
            long value = slotBytes switch
            {
                2 => BinaryPrimitives.ReadInt16LittleEndian(raw.AsSpan(slotStart, 2)),
                3 => raw[slotStart] | (raw[slotStart + 1] << 8) | ((sbyte)raw[slotStart + 2] * 65536),
                _ => BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(slotStart, 4)),
            };
            long shifted = (long)Math.Floor(value / Math.Pow(2, shift));
            return (short)Math.Clamp(shifted, short.MinValue, short.MaxValue);
        }

        private static short[] ReferenceAll(AssistantSettings s, byte[] raw)
        {
            int frames = raw.Length / s.FrameBytes;
            var result = new short[frames];
            for (int f = 0; f < frames; f++)
            {
                result[f] = Reference(raw, f * s.FrameBytes + s.Channel * s.SlotBytes, s.SlotBytes, s.SampleShift);
            }

            return result;
        }

        [Fact]
        public void Mono16BitIsReadAsSignedLittleEndian()
        {
            byte[] raw = { 0x34, 0x12, 0xFF, 0xFF, 0x00, 0x80, 0xFF, 0x7F, 0x00, 0x00, 0xCC, 0xED };
            Assert.Equal(new short[] { 0x1234, -1, -32768, 32767, 0, -4660 }, ConvertAll(Layout(2, 1, 0, 0), raw));
        }

        [Fact]
        public void Mono16BitWithShiftIsArithmetic()
        {
            byte[] raw = { 0xFF, 0xFF, 0x00, 0x80, 0x03, 0x00, 0xFD, 0xFF };
            // -1>>1 = -1, -32768>>1 = -16384, 3>>1 = 1, -3>>1 = -2 (floor).
            Assert.Equal(new short[] { -1, -16384, 1, -2 }, ConvertAll(Layout(2, 1, 0, 1), raw));
        }

        [Fact]
        public void Inmp441TopSixteenBitsWithShift16()
        {
            // 24-bit samples left-justified in a 32-bit little-endian slot: 0x123456 -> 00 56 34 12.
            byte[] raw =
            {
                0x00, 0x56, 0x34, 0x12, // +0x123456 -> 0x1234
                0x00, 0xAA, 0xCB, 0xED, // -0x123456 (0xEDCBAA) -> 0xEDCB = -4661
                0x00, 0xFF, 0xFF, 0x7F, // max 24-bit -> 32767
                0x00, 0x00, 0x00, 0x80, // min 24-bit -> -32768
                0x00, 0xFF, 0xFF, 0xFF, // -1 -> -1
                0x00, 0x00, 0x10, 0x00, // 0x001000 -> 0x10
            };
            Assert.Equal(new short[] { 0x1234, -4661, 32767, -32768, -1, 16 }, ConvertAll(Layout(4, 1, 0, 16), raw));
        }

        [Fact]
        public void Inmp441WithShift14GainsFourTimesAndSaturates()
        {
            byte[] raw =
            {
                0x00, 0x56, 0x34, 0x12, // 0x12345600 >> 14 = 0x48D1 = 18641 (4 x 0x1234 + 1)
                0x00, 0xAA, 0xCB, 0xED, // -0x12345600 >> 14 = floor(-18641.3) = -18642
                0x00, 0x00, 0x00, 0x40, // 0x40000000 >> 14 = 65536 -> saturates to 32767
                0x00, 0x00, 0x00, 0xC0, // 0xC0000000 >> 14 = -65536 -> saturates to -32768
                0x00, 0x00, 0x10, 0x00, // 0x00100000 >> 14 = 64
                0x00, 0xFF, 0xFF, 0xFF, // 0xFFFFFF00 >> 14 = -1
                0x00, 0x00, 0xF0, 0xFF, // 0xFFF00000 >> 14 = -64
                0x00, 0xFF, 0x1F, 0x00, // 0x001FFF00 >> 14 = 127 (truncated low bits)
                0x00, 0x00, 0x00, 0x02, // 0x02000000 >> 14 = 2048
            };
            Assert.Equal(new short[] { 18641, -18642, 32767, -32768, 64, -1, -64, 127, 2048 }, ConvertAll(Layout(4, 1, 0, 14), raw));
        }

        [Fact]
        public void Inmp441Shift14SaturationBoundaries()
        {
            // 32767 << 14 = 0x1FFFC000 is the largest unsaturated value; one LSB step above still maps to 32767,
            // 0x20000000 is the first saturated one. -32768 << 14 = 0xE0000000 is exact; below saturates.
            byte[] raw = new byte[5 * 4];
            BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(0), 0x1FFFC000);
            BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(4), 0x1FFFFF00);
            BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(8), 0x20000000);
            BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(12), unchecked((int)0xE0000000));
            BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(16), unchecked((int)0xDFFFFF00));
            Assert.Equal(new short[] { 32767, 32767, 32767, -32768, -32768 }, ConvertAll(Layout(4, 1, 0, 14), raw));
        }

        [Fact]
        public void Sph0645EighteenBitSamples()
        {
            // 18-bit samples occupy bits 31..14 of the 32-bit slot.
            byte[] raw =
            {
                0x00, 0xC0, 0xFF, 0x7F, // +0x1FFFF (max) -> 0x7FFFC000
                0x00, 0x00, 0x00, 0x80, // -0x20000 (min) -> 0x80000000
                0x00, 0xC0, 0x48, 0x00, // +0x123 -> 0x0048C000
                0x00, 0x40, 0xB7, 0xFF, // -0x123 -> 0xFFB74000
                0x00, 0xC0, 0xFF, 0xFF, // -1 -> 0xFFFFC000
            };
            // Shift 16: top 16 of 18 bits (floor division by 4).
            Assert.Equal(new short[] { 32767, -32768, 72, -73, -1 }, ConvertAll(Layout(4, 1, 0, 16), raw));
            // Shift 14: the full 18-bit value, saturated.
            Assert.Equal(new short[] { 32767, -32768, 291, -291, -1 }, ConvertAll(Layout(4, 1, 0, 14), raw));
        }

        [Fact]
        public void Packed24Bit()
        {
            byte[] raw =
            {
                0x56, 0x34, 0x12, // 0x123456
                0xAA, 0xCB, 0xED, // -0x123456
                0xFF, 0xFF, 0xFF, // -1
                0x00, 0x00, 0x80, // -0x800000
                0xFF, 0xFF, 0x7F, // 0x7FFFFF
                0x80, 0x00, 0x00, // 128
            };
            Assert.Equal(new short[] { 0x1234, -4661, -1, -32768, 32767, 0 }, ConvertAll(Layout(3, 1, 0, 8), raw));
            // Shift 0 saturates anything outside int16.
            Assert.Equal(new short[] { 32767, -32768, -1, -32768, 32767, 128 }, ConvertAll(Layout(3, 1, 0, 0), raw));
        }

        [Fact]
        public void StereoPicksTheConfiguredChannel()
        {
            byte[] raw = { 0x11, 0x11, 0x22, 0x22, 0x33, 0x33, 0x44, 0xC4 };
            Assert.Equal(new short[] { 0x1111, 0x3333 }, ConvertAll(Layout(2, 2, 0, 0), raw));
            Assert.Equal(new short[] { 0x2222, unchecked((short)0xC444) }, ConvertAll(Layout(2, 2, 1, 0), raw));
        }

        [Fact]
        public void Stereo32BitRightChannel()
        {
            byte[] raw =
            {
                0x00, 0x00, 0x00, 0x7F, 0x00, 0x56, 0x34, 0x12,
                0x00, 0x00, 0x00, 0x80, 0x00, 0xAA, 0xCB, 0xED,
            };
            Assert.Equal(new short[] { 0x1234, -4661 }, ConvertAll(Layout(4, 2, 1, 16), raw));
            Assert.Equal(new short[] { 0x7F00, -32768 }, ConvertAll(Layout(4, 2, 0, 16), raw));
        }

        [Fact]
        public void Stereo24BitPackedRightChannel()
        {
            byte[] raw = { 0x01, 0x02, 0x03, 0x56, 0x34, 0x12, 0x04, 0x05, 0x06, 0xAA, 0xCB, 0xED };
            Assert.Equal(new short[] { 0x1234, -4661 }, ConvertAll(Layout(3, 2, 1, 8), raw));
        }

        public static TheoryData<int, int, int, int> AllLayouts()
        {
            var data = new TheoryData<int, int, int, int>();
            foreach (int slot in new[] { 2, 3, 4 })
            {
                foreach (int channels in new[] { 1, 2 })
                {
                    for (int channel = 0; channel < channels; channel++)
                    {
                        foreach (int shift in new[] { 0, 3, 8, 14, 16, 31 })
                        {
                            data.Add(slot, channels, channel, shift);
                        }
                    }
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(AllLayouts))]
        public void RandomBytesMatchTheReferenceForEveryLayout(int slot, int channels, int channel, int shift)
        {
            var s = Layout(slot, channels, channel, shift);
            var rng = new Random(slot * 1000 + channels * 100 + channel * 50 + shift);
            var raw = new byte[s.FrameBytes * 257];
            rng.NextBytes(raw);
            Assert.Equal(ReferenceAll(s, raw), ConvertAll(s, raw));
        }

        [Theory]
        [InlineData(2, 1, 0)]
        [InlineData(3, 1, 0)]
        [InlineData(4, 2, 1)]
        [InlineData(3, 2, 0)]
        public void SplittingAtEveryByteBoundaryGivesTheSameSamples(int slot, int channels, int channel)
        {
            var s = Layout(slot, channels, channel, 8);
            var raw = new byte[s.FrameBytes * 7 + (s.FrameBytes - 1)];
            new Random(42).NextBytes(raw);
            short[] expected = ReferenceAll(s, raw);

            for (int split = 0; split <= raw.Length; split++)
            {
                var converter = new PcmConverter(s);
                var output = new short[expected.Length];
                int n = converter.Convert(raw, 0, split, output, 0);
                n += converter.Convert(raw, split, raw.Length - split, output, n);
                Assert.Equal(expected.Length, n);
                Assert.Equal(expected, output);
                Assert.Equal(raw.Length % s.FrameBytes, converter.PendingBytes);
            }
        }

        [Theory]
        [InlineData(2, 1)]
        [InlineData(3, 2)]
        [InlineData(4, 2)]
        public void ThreeWaySplitsAndSingleBytes(int slot, int channels)
        {
            var s = Layout(slot, channels, channels - 1, 12);
            var raw = new byte[s.FrameBytes * 5];
            new Random(7).NextBytes(raw);
            short[] expected = ReferenceAll(s, raw);

            for (int a = 0; a <= raw.Length; a++)
            {
                for (int b = a; b <= raw.Length; b++)
                {
                    var converter = new PcmConverter(s);
                    var output = new short[expected.Length];
                    int n = converter.Convert(raw, 0, a, output, 0);
                    n += converter.Convert(raw, a, b - a, output, n);
                    n += converter.Convert(raw, b, raw.Length - b, output, n);
                    Assert.Equal(expected, output.AsSpan(0, n).ToArray());
                }
            }

            var single = new PcmConverter(s);
            var one = new short[expected.Length];
            int written = 0;
            for (int i = 0; i < raw.Length; i++)
            {
                int expectedNow = single.SamplesFor(1);
                int got = single.Convert(raw, i, 1, one, written);
                Assert.Equal(expectedNow, got);
                Assert.Equal((i + 1) % s.FrameBytes == 0 ? 1 : 0, got);
                written += got;
            }

            Assert.Equal(expected, one);
        }

        [Fact]
        public void MaxSamplesBoundsEveryPendingState()
        {
            foreach (int frameBytes in new[] { 2, 3, 4, 6, 8 })
            {
                for (int count = 0; count < 40; count++)
                {
                    int bound = PcmConverter.MaxSamples(count, frameBytes);
                    for (int pending = 0; pending < frameBytes; pending++)
                    {
                        Assert.True((pending + count) / frameBytes <= bound);
                    }

                    // And it is tight: some pending state reaches it.
                    Assert.Equal(bound, (frameBytes - 1 + count) / frameBytes);
                }
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => PcmConverter.MaxSamples(-1, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => PcmConverter.MaxSamples(1, 0));
        }

        [Fact]
        public void OutputOffsetIsHonoured()
        {
            var converter = new PcmConverter(Layout(2, 1, 0, 0));
            var output = new short[] { 9, 9, 9, 9 };
            int n = converter.Convert(new byte[] { 0x01, 0x00, 0x02, 0x00 }, 0, 4, output, 1);
            Assert.Equal(2, n);
            Assert.Equal(new short[] { 9, 1, 2, 9 }, output);
        }

        [Fact]
        public void OffsetIntoRawIsHonoured()
        {
            var converter = new PcmConverter(Layout(2, 1, 0, 0));
            var output = new short[1];
            Assert.Equal(1, converter.Convert(new byte[] { 0xAA, 0x05, 0x00, 0xBB }, 1, 2, output, 0));
            Assert.Equal(5, output[0]);
        }

        [Fact]
        public void ResetDropsThePartialFrame()
        {
            var converter = new PcmConverter(Layout(4, 1, 0, 16));
            var output = new short[2];
            Assert.Equal(0, converter.Convert(new byte[] { 0x00, 0x00, 0x00 }, 0, 3, output, 0));
            Assert.Equal(3, converter.PendingBytes);
            converter.Reset();
            Assert.Equal(0, converter.PendingBytes);
            Assert.Equal(1, converter.Convert(new byte[] { 0x00, 0x56, 0x34, 0x12 }, 0, 4, output, 0));
            Assert.Equal(0x1234, output[0]);
        }

        [Fact]
        public void TooSmallOutputThrowsWithoutConsumingBytes()
        {
            var converter = new PcmConverter(Layout(2, 1, 0, 0));
            var ex = Assert.Throws<ArgumentException>(() => converter.Convert(new byte[6], 0, 6, new short[2], 0));
            Assert.Contains("output", ex.Message);
            Assert.Equal(0, converter.PendingBytes);
            Assert.Throws<ArgumentException>(() => converter.Convert(new byte[2], 0, 2, new short[2], 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => converter.Convert(new byte[2], 1, 2, new short[2], 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => converter.Convert(new byte[2], -1, 1, new short[2], 0));
            Assert.Throws<ArgumentNullException>(() => converter.Convert(null, 0, 0, new short[2], 0));
            Assert.Throws<ArgumentNullException>(() => converter.Convert(new byte[2], 0, 2, null, 0));
        }

        [Theory]
        [InlineData(1, 1, 0, 0, "SlotBytes")]
        [InlineData(5, 1, 0, 0, "SlotBytes")]
        [InlineData(2, 0, 0, 0, "ChannelsPerFrame")]
        [InlineData(2, 3, 0, 0, "ChannelsPerFrame")]
        [InlineData(2, 1, 1, 0, "Channel")]
        [InlineData(2, 2, 2, 0, "Channel")]
        [InlineData(2, 2, -1, 0, "Channel")]
        [InlineData(4, 1, 0, -1, "SampleShift")]
        [InlineData(4, 1, 0, 32, "SampleShift")]
        public void InvalidLayoutsAreRejectedWithAClearMessage(int slot, int channels, int channel, int shift, string property)
        {
            var ex = Assert.Throws<ArgumentException>(() => new PcmConverter(Layout(slot, channels, channel, shift)));
            Assert.StartsWith(property + " must be", ex.Message);
        }

        [Fact]
        public void NullSettingsAreRejected()
        {
            Assert.Throws<ArgumentNullException>(() => new PcmConverter(null));
        }

        [Fact]
        public void DefaultSettingsAre16BitMono()
        {
            var converter = new PcmConverter(new AssistantSettings());
            Assert.Equal(2, converter.FrameBytes);
        }

        [Fact]
        public void ConvertDoesNotAllocate()
        {
            var s = Layout(4, 2, 1, 14);
            var converter = new PcmConverter(s);
            var raw = new byte[s.HopBytes + 5];
            new Random(3).NextBytes(raw);
            var output = new short[PcmConverter.MaxSamples(raw.Length, s.FrameBytes)];
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                for (int i = 0; i < 50; i++)
                {
                    converter.Convert(raw, 0, raw.Length, output, 0);
                    converter.Convert(raw, 0, 3, output, 0);
                }
            }));
        }
    }
}

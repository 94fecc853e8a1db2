using System;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Settings;
using Xunit;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>PCM conversion: every sample of every layout, managed == native, whole buffers and streamed.</summary>
    public class PcmEqualityTests
    {
        private readonly ITestOutputHelper output;

        public PcmEqualityTests(ITestOutputHelper output)
        {
            this.output = output;
            NativeApi.Require();
        }

        internal static AssistantSettings Settings(int slotBytes, int channels, int channel, int shift)
        {
            return new AssistantSettings { SlotBytes = slotBytes, ChannelsPerFrame = channels, Channel = channel, SampleShift = shift };
        }

        private static int CompareWhole(byte[] raw, int slotBytes, int channels, int channel, int shift, string what)
        {
            var converter = new PcmConverter(Settings(slotBytes, channels, channel, shift));
            int frames = raw.Length / converter.FrameBytes;
            var managed = new short[frames];
            Assert.Equal(frames, converter.Convert(raw, 0, raw.Length, managed, 0));
            var native = new short[frames];
            Assert.Equal(frames, NativeApi.va_pcm_convert(raw, raw.Length, slotBytes, channels, channel, shift, native, frames));
            BitCompare.Require(BitCompare.Shorts(managed, native, frames, what));
            return frames;
        }

        [Fact]
        public void EveryFormatAndShiftOnRandomBytes()
        {
            // Random bytes hit every bit pattern of a slot: sign extension, shifts 0..31, saturation both ways.
            var rng = new Random(3);
            long samples = 0;
            int formats = 0;
            for (int slotBytes = 2; slotBytes <= 4; slotBytes++)
            {
                for (int channels = 1; channels <= 2; channels++)
                {
                    for (int channel = 0; channel < channels; channel++)
                    {
                        for (int shift = 0; shift <= 31; shift++)
                        {
                            var raw = new byte[4096 * slotBytes * channels + rng.Next(slotBytes * channels)];
                            rng.NextBytes(raw);
                            samples += CompareWhole(raw, slotBytes, channels, channel, shift, $"slot {slotBytes} ch {channels}/{channel} >>{shift}");
                            formats++;
                        }
                    }
                }
            }

            output.WriteLine($"{formats} formats, {samples} samples equal");
        }

        [Fact]
        public void RealAndSyntheticAudioInEveryLayoutStreamedInRandomChunks()
        {
            var rng = new Random(4);
            long samples = 0;
            var sources = Sources.Synthetic();
            sources.AddRange(Sources.RealClips());
            foreach (Layout layout in Layout.All)
            {
                foreach (Source source in sources)
                {
                    byte[] raw = layout.Encode(source.Samples, source.Name.Length);
                    samples += CompareWhole(raw, layout.SlotBytes, layout.Channels, layout.Channel, layout.Shift, $"{layout} / {source}");
                    samples += CompareStreamed(raw, layout, rng, $"{layout} / {source} streamed");
                }
            }

            output.WriteLine($"{Layout.All.Length} layouts × {sources.Count} sources: {samples} samples equal (whole and streamed)");
        }

        private static int CompareStreamed(byte[] raw, Layout layout, Random rng, string what)
        {
            var converter = new PcmConverter(Settings(layout.SlotBytes, layout.Channels, layout.Channel, layout.Shift));
            Assert.Equal(0, NativeApi.va_pcm_stream_configure(layout.SlotBytes, layout.Channels, layout.Channel, layout.Shift));
            var managed = new short[raw.Length / layout.FrameBytes + 1];
            var native = new short[managed.Length];
            var tmp = new short[8 * 320]; // > the samples of the largest chunk (6 hops) plus a carried frame
            int m = 0;
            int n = 0;
            int pos = 0;
            while (pos < raw.Length)
            {
                int count = Math.Min(Chunking.Next(rng, 320 * layout.FrameBytes), raw.Length - pos);
                byte[] chunk = raw.AsSpan(pos, count).ToArray();
                m += converter.Convert(chunk, 0, count, managed, m);
                int got = NativeApi.va_pcm_stream_convert(chunk, count, tmp, tmp.Length);
                Assert.True(got >= 0, $"{what}: status {got}");
                Array.Copy(tmp, 0, native, n, got);
                n += got;
                Assert.Equal(m, n);
                pos += count;
            }

            BitCompare.Require(BitCompare.Shorts(managed, native, m, what));
            return m;
        }
    }
}

using System;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Audio
{
    public class MicrophoneHealthMonitorTests
    {
        // 32-bit stereo slots, microphone in slot 0, top 16 bits (the board default layout).
        private static AssistantSettings Stereo32() => new AssistantSettings { SlotBytes = 4, ChannelsPerFrame = 2, Channel = 0, SampleShift = 16, DeadMicrophoneSeconds = 2 };

        // One hop: frame i has left = value(i) << 16, right = 0x7FFF0000 (a live-looking other channel).
        private static byte[] Hop(Func<int, int> left)
        {
            var raw = new byte[320 * 8];
            for (int i = 0; i < 320; i++)
            {
                BitConverter.GetBytes(left(i) << 16).CopyTo(raw, i * 8);
                BitConverter.GetBytes(0x7FFF0000).CopyTo(raw, i * 8 + 4);
            }

            return raw;
        }

        [Fact]
        public void ThinnedDetectorReportsAfterTheRealTime()
        {
            // 16 samples per hop × 50 hops/s = 800 samples/s: 2 s → 1600 samples → hop 100.
            var m = new MicrophoneHealthMonitor(Stereo32(), 16);
            byte[] silent = Hop(_ => 0);
            for (int hop = 1; hop < 100; hop++)
            {
                Assert.Equal(MicrophoneChange.None, m.ProcessHop(silent, 0, silent.Length));
            }

            Assert.Equal(MicrophoneChange.BecameDead, m.ProcessHop(silent, 0, silent.Length));
            Assert.True(m.IsDead);
            byte[] live = Hop(i => i % 7 - 3);
            Assert.Equal(MicrophoneChange.Recovered, m.ProcessHop(live, 0, live.Length));
        }

        [Fact]
        public void StartupSecondMeasuresTheLevelOfTheSelectedChannel()
        {
            var m = new MicrophoneHealthMonitor(Stereo32(), 8);
            for (int hop = 0; hop < 49; hop++)
            {
                byte[] raw = Hop(i => hop - 20 + i);   // first 8 samples: hop-20 .. hop-13
                m.ProcessHop(raw, 0, raw.Length);
                Assert.False(m.HopEndsStartup);
            }

            byte[] last = Hop(i => 100);
            m.ProcessHop(last, 0, last.Length);
            Assert.True(m.HopEndsStartup);
            Assert.Equal((-20, 100), (m.StartupMinimum, m.StartupMaximum));
            Assert.False(m.StartupSilent);
            m.ProcessHop(last, 0, last.Length);
            Assert.False(m.HopEndsStartup);
        }

        [Fact]
        public void SilentStartupGivesAWiringHint()
        {
            var m = new MicrophoneHealthMonitor(Stereo32(), 8);
            byte[] silent = Hop(_ => 0);
            for (int hop = 0; hop < MicrophoneHealthMonitor.StartupHops; hop++)
            {
                m.ProcessHop(silent, 0, silent.Length);
            }

            Assert.True(m.StartupSilent);
            Assert.Contains("try Channel=1", m.SilentHint());
        }

        [Fact]
        public void ArgumentsAreChecked()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new MicrophoneHealthMonitor(Stereo32(), 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MicrophoneHealthMonitor(Stereo32(), 321));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DeadMicrophoneDetector(Stereo32(), 16001));
            var m = new MicrophoneHealthMonitor(Stereo32(), 8);
            Assert.Throws<ArgumentException>(() => m.ProcessHop(new byte[63], 0, 63));
            Assert.Equal(1600, new DeadMicrophoneDetector(Stereo32(), 800).ThresholdSamples);
        }

        [Fact]
        public void ProcessingAHopDoesNotAllocate()
        {
            var m = new MicrophoneHealthMonitor(Stereo32(), 16);
            byte[] raw = Hop(i => i);
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    m.ProcessHop(raw, 0, raw.Length);
                }
            }));
        }
    }
}

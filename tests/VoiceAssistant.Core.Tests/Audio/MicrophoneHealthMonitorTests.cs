using System;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Audio
{
    public class MicrophoneHealthMonitorTests
    {
        private static AssistantSettings Stereo32() => new AssistantSettings { SlotBytes = 4, ChannelsPerFrame = 2, Channel = 0, SampleShift = 16, DeadMicrophoneSeconds = 2 };

        [Fact]
        public void ConstantHopsMakeTheMicrophoneDeadAfterTheRealTime()
        {
            // 2 s at 16 kHz = 32,000 samples = 100 hops of 320 identical samples.
            var m = new MicrophoneHealthMonitor(Stereo32());
            for (int hop = 1; hop < 100; hop++)
            {
                Assert.Equal(MicrophoneChange.None, m.ProcessHop(320, 0, 0));
            }

            Assert.Equal(MicrophoneChange.BecameDead, m.ProcessHop(320, 0, 0));
            Assert.True(m.IsDead);
            Assert.Equal(MicrophoneChange.None, m.ProcessHop(320, 0, 0));
            Assert.Equal(MicrophoneChange.Recovered, m.ProcessHop(320, -3, 3));
            Assert.False(m.IsDead);
        }

        [Fact]
        public void AStuckValueMustStayTheSameAcrossHops()
        {
            // 99 hops stuck at 5, then one at 6: a new run starts, so 99 more hops at 6 are needed (hop 199).
            var m = new MicrophoneHealthMonitor(Stereo32());
            for (int hop = 1; hop <= 99; hop++)
            {
                Assert.Equal(MicrophoneChange.None, m.ProcessHop(320, 5, 5));
            }

            for (int hop = 100; hop < 199; hop++)
            {
                Assert.Equal(MicrophoneChange.None, m.ProcessHop(320, 6, 6));
            }

            Assert.Equal(MicrophoneChange.BecameDead, m.ProcessHop(320, 6, 6));

            // A varying hop in the middle of a run starts it again; a hop without samples changes nothing.
            var n = new MicrophoneHealthMonitor(Stereo32());
            for (int hop = 1; hop <= 60; hop++)
            {
                n.ProcessHop(320, 0, 0);
            }

            n.ProcessHop(320, 0, 1);
            n.ProcessHop(0, 0, 0);
            for (int hop = 1; hop < 100; hop++)
            {
                Assert.Equal(MicrophoneChange.None, n.ProcessHop(320, 0, 0));
            }

            Assert.Equal(MicrophoneChange.BecameDead, n.ProcessHop(320, 0, 0));
        }

        [Fact]
        public void StartupSecondMeasuresTheRangeOfItsHops()
        {
            var m = new MicrophoneHealthMonitor(Stereo32());
            for (int hop = 0; hop < 49; hop++)
            {
                m.ProcessHop(320, hop - 20, hop - 13);   // -20..-13 up to 28..35
                Assert.False(m.HopEndsStartup);
            }

            m.ProcessHop(320, 100, 100);
            Assert.True(m.HopEndsStartup);
            Assert.Equal((-20, 100), (m.StartupMinimum, m.StartupMaximum));
            Assert.False(m.StartupSilent);
            m.ProcessHop(320, -500, 500);
            Assert.False(m.HopEndsStartup);
            Assert.Equal((-20, 100), (m.StartupMinimum, m.StartupMaximum));
        }

        [Fact]
        public void SilentStartupGivesAWiringHint()
        {
            var m = new MicrophoneHealthMonitor(Stereo32());
            for (int hop = 0; hop < MicrophoneHealthMonitor.StartupHops; hop++)
            {
                m.ProcessHop(320, 0, 0);
            }

            Assert.True(m.StartupSilent);
            Assert.Contains("try Channel=1", m.SilentHint());
        }

        [Fact]
        public void ArgumentsAreChecked()
        {
            Assert.Throws<ArgumentNullException>(() => new MicrophoneHealthMonitor(null));
        }

        [Fact]
        public void ProcessingAHopDoesNotAllocate()
        {
            var m = new MicrophoneHealthMonitor(Stereo32());
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    m.ProcessHop(320, i % 2, 1);
                }
            }));
        }
    }
}

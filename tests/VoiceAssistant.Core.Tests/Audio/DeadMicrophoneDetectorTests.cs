using System;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Core.Tests.Audio
{
    public class DeadMicrophoneDetectorTests
    {
        // Default settings: 2 s at 16 kHz.
        private const int Threshold = 32000;

        private static short[] Constant(int count, short value)
        {
            var a = new short[count];
            Array.Fill(a, value);
            return a;
        }

        private static MicrophoneChange Feed(DeadMicrophoneDetector d, short[] samples)
        {
            return d.Process(samples, 0, samples.Length);
        }

        [Fact]
        public void ThresholdIsDeadSecondsTimesSampleRate()
        {
            Assert.Equal(Threshold, new DeadMicrophoneDetector(new AssistantSettings()).ThresholdSamples);
            Assert.Equal(5 * 16000, new DeadMicrophoneDetector(new AssistantSettings { DeadMicrophoneSeconds = 5 }).ThresholdSamples);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1234)]
        [InlineData(-32768)]
        [InlineData(32767)]
        public void ConstantSamplesKillTheMicrophoneAfterExactlyTheThreshold(short value)
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings());
            Assert.Equal(MicrophoneChange.None, Feed(d, Constant(Threshold - 1, value)));
            Assert.False(d.IsDead);
            Assert.Equal(MicrophoneChange.BecameDead, Feed(d, Constant(1, value)));
            Assert.True(d.IsDead);
            Assert.Equal(MicrophoneChange.None, Feed(d, Constant(10000, value)));
            Assert.True(d.IsDead);
        }

        [Fact]
        public void RunsSpanChunksOfAnySize()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings());
            var chunk = Constant(320, 7);
            int fed = 0;
            int becameDeadAt = -1;
            while (fed < 40000)
            {
                if (Feed(d, chunk) == MicrophoneChange.BecameDead)
                {
                    becameDeadAt = fed + chunk.Length;
                }

                fed += chunk.Length;
            }

            // 32000 is a multiple of 320: the chunk that brings the run to 32000 reports the change.
            Assert.Equal(Threshold, becameDeadAt);
        }

        [Fact]
        public void OneDifferentSampleRestartsTheRun()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings());
            Feed(d, Constant(Threshold - 1, 0));
            Feed(d, Constant(1, 1));
            Assert.Equal(1, d.ConstantRunSamples);
            Assert.Equal(MicrophoneChange.None, Feed(d, Constant(Threshold - 1, 0)));
            Assert.False(d.IsDead);
            Assert.Equal(MicrophoneChange.BecameDead, Feed(d, Constant(1, 0)));
        }

        [Fact]
        public void VaryingSignalNeverDies()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings());
            var noise = new short[Threshold * 3];
            for (int i = 0; i < noise.Length; i++)
            {
                noise[i] = (short)(i % 2); // even LSB toggling counts as alive
            }

            Assert.Equal(MicrophoneChange.None, Feed(d, noise));
            Assert.False(d.IsDead);
            Assert.Equal(1, d.ConstantRunSamples);
        }

        [Fact]
        public void RecoversAsSoonAsSamplesVary()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings());
            Feed(d, Constant(Threshold, 0));
            Assert.True(d.IsDead);
            Assert.Equal(MicrophoneChange.Recovered, Feed(d, new short[] { 0, 0, 5 }));
            Assert.False(d.IsDead);
            Assert.Equal(MicrophoneChange.None, Feed(d, new short[] { 6, 7 }));
        }

        [Fact]
        public void StuckAtANewValueNeedsTheFullTimeAgain()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings());
            Feed(d, Constant(Threshold, 0));
            Assert.Equal(MicrophoneChange.Recovered, Feed(d, Constant(Threshold - 1, 99)));
            Assert.Equal(MicrophoneChange.BecameDead, Feed(d, Constant(1, 99)));
        }

        [Fact]
        public void NetChangeOverOneChunk()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings());
            // Dead in the middle of the chunk, alive again at its end: no net change.
            var chunk = Constant(Threshold + 10, 0);
            chunk[^1] = 1;
            Assert.Equal(MicrophoneChange.None, Feed(d, chunk));
            Assert.False(d.IsDead);

            // Dead, then a chunk that recovers and dies again on another value: no net change.
            Feed(d, Constant(Threshold, 3));
            Assert.True(d.IsDead);
            Assert.Equal(MicrophoneChange.None, Feed(d, Constant(Threshold, 4)));
            Assert.True(d.IsDead);
        }

        [Fact]
        public void OffsetAndCountSelectTheChunk()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings { DeadMicrophoneSeconds = 1 });
            var buffer = Constant(16000 + 2, 0);
            buffer[0] = 5;
            buffer[^1] = 5;
            Assert.Equal(MicrophoneChange.BecameDead, d.Process(buffer, 1, 16000));
            Assert.Equal(MicrophoneChange.None, d.Process(buffer, 1, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => d.Process(buffer, 1, buffer.Length));
            Assert.Throws<ArgumentOutOfRangeException>(() => d.Process(buffer, -1, 1));
            Assert.Throws<ArgumentNullException>(() => d.Process(null, 0, 0));
        }

        [Fact]
        public void ResetRevivesAndRestartsCounting()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings());
            Feed(d, Constant(Threshold, 0));
            d.Reset();
            Assert.False(d.IsDead);
            Assert.Equal(0, d.ConstantRunSamples);
            Assert.Equal(MicrophoneChange.None, Feed(d, Constant(Threshold - 1, 0)));
            Assert.Equal(MicrophoneChange.BecameDead, Feed(d, Constant(1, 0)));
        }

        [Fact]
        public void RunLengthIsCappedSoEndlessSilenceCannotOverflow()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings { DeadMicrophoneSeconds = 1 });
            var chunk = Constant(1 << 20, 0);
            for (int i = 0; i < 10; i++)
            {
                Feed(d, chunk);
            }

            Assert.True(d.IsDead);
            Assert.Equal(16000, d.ConstantRunSamples);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(int.MaxValue)]
        public void InvalidSecondsAreRejected(int seconds)
        {
            var ex = Assert.Throws<ArgumentException>(() => new DeadMicrophoneDetector(new AssistantSettings { DeadMicrophoneSeconds = seconds }));
            Assert.StartsWith("DeadMicrophoneSeconds must be", ex.Message);
        }

        [Fact]
        public void ProcessDoesNotAllocate()
        {
            var d = new DeadMicrophoneDetector(new AssistantSettings());
            var chunk = Constant(320, 0);
            Assert.Equal(0, SteadyStateAllocation.Bytes(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    Feed(d, chunk);
                }
            }));
        }
    }
}

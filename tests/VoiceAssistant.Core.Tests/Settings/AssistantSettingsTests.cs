using VoiceAssistant.Core.Settings;
using Xunit;

namespace VoiceAssistant.Core.Tests.Settings
{
    public class AssistantSettingsTests
    {
        [Fact]
        public void DerivedConstantsFollowTheSpecification()
        {
            // 30 ms window, 20 ms hop at 16 kHz; one second of audio gives 49 rows of 40 features.
            Assert.Equal(480, AssistantSettings.WindowSamples);
            Assert.Equal(320, AssistantSettings.HopSamples);
            Assert.Equal(20, AssistantSettings.HopMilliseconds);
            Assert.Equal(1 + (16000 - 480) / 320, AssistantSettings.WindowFrames);
            Assert.Equal(1960, AssistantSettings.WindowFeatures);
            Assert.Equal(257, AssistantSettings.SpectrumBins);
        }

        [Fact]
        public void HopBytesFollowTheMicrophoneLayout()
        {
            var s = new AssistantSettings { SlotBytes = 4, ChannelsPerFrame = 2 };
            Assert.Equal(8 * 320, s.HopBytes);
        }
    }
}

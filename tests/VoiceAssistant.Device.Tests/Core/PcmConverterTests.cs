using nanoFramework.TestFramework;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Device.Tests.Core
{
    [TestClass]
    public class PcmConverterTests
    {
        [TestMethod]
        public void Stereo32SlotOneShift16()
        {
            var settings = new AssistantSettings { SlotBytes = 4, ChannelsPerFrame = 2, Channel = 1, SampleShift = 16 };
            Convert(settings, DeviceVectors.PcmStereo32Raw, 8);
        }

        [TestMethod]
        public void Packed24Shift8()
        {
            var settings = new AssistantSettings { SlotBytes = 3, ChannelsPerFrame = 1, Channel = 0, SampleShift = 8 };
            Convert(settings, DeviceVectors.PcmPacked24Raw, 3);
        }

        private static void Convert(AssistantSettings settings, byte[] raw, int frameBytes)
        {
            // In odd chunks, so partial frames are carried between calls as on the board.
            var converter = new PcmConverter(settings);
            var output = new short[DeviceVectors.PcmExpected.Length];
            int produced = 0;
            int offset = 0;
            int chunk = 5;
            while (offset < raw.Length)
            {
                int n = raw.Length - offset < chunk ? raw.Length - offset : chunk;
                produced += converter.Convert(raw, offset, n, output, produced);
                offset += n;
                chunk = chunk * 3 % 29 + 1;
            }

            Assert.AreEqual(raw.Length / frameBytes, produced, "samples");
            Check.Equal(DeviceVectors.PcmExpected, output, produced, "pcm");
        }
    }
}

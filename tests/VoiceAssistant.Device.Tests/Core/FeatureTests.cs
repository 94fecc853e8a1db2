using nanoFramework.TestFramework;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Device.Tests.Core
{
    [TestClass]
    public class FeatureTests
    {
        // Float results are bit-identical across x86 runtimes; the chip's FPU may differ in the last bits.
        private const float Absolute = 1e-3f;
        private const float Relative = 1e-4f;

        [TestMethod]
        public void MfccRowsMatchTheHostWithinFloatTolerance()
        {
            var mfcc = new Mfcc();
            var row = new float[AssistantSettings.CoefficientCount];
            float worst = 0f;
            for (int r = 0; r < DeviceVectors.MfccRowCount; r++)
            {
                mfcc.ComputeFrame(DeviceVectors.Clip, DeviceVectors.MfccRows[r] * AssistantSettings.HopSamples, row, 0);
                float d = Check.Close(DeviceVectors.MfccExpected, r * AssistantSettings.CoefficientCount, row, 0, AssistantSettings.CoefficientCount, Absolute, Relative, "row " + DeviceVectors.MfccRows[r].ToString());
                if (d > worst)
                {
                    worst = d;
                }
            }

            OutputHelper.WriteLine("MFCC largest difference " + worst.ToString());
        }

        [TestMethod]
        public void WindowMatchesTheHostWithinOneStep()
        {
            sbyte[] window = Stream(16000);
            int worst = Check.WithinSteps(DeviceVectors.WindowExpected, 0, window, 0, AssistantSettings.WindowFeatures, 1, "window");
            OutputHelper.WriteLine("window largest difference " + worst.ToString());
        }

        [TestMethod]
        public void StreamingEqualsBatch()
        {
            sbyte[] batch = Stream(16000);
            sbyte[] odd = Stream(77);
            sbyte[] hops = Stream(AssistantSettings.HopSamples);
            Check.WithinSteps(batch, 0, odd, 0, AssistantSettings.WindowFeatures, 0, "chunks of 77");
            Check.WithinSteps(batch, 0, hops, 0, AssistantSettings.WindowFeatures, 0, "hops");
        }

        private static sbyte[] Stream(int chunk)
        {
            var stream = new FeatureStream(new FeatureQuantizer(DeviceVectors.WindowScale, DeviceVectors.WindowZeroPoint), new FeatureWindow());
            short[] clip = DeviceVectors.Clip;
            for (int offset = 0; offset < clip.Length; offset += chunk)
            {
                int n = clip.Length - offset < chunk ? clip.Length - offset : chunk;
                stream.Push(clip, offset, n);
            }

            var window = new sbyte[AssistantSettings.WindowFeatures];
            stream.Window.CopyTo(window);
            return window;
        }
    }
}

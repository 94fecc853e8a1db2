using System;
using nanoFramework.TestFramework;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Interop;

namespace VoiceAssistant.Device.Tests.Interop
{
    /// <summary>
    /// The native kernel and TFLM on the chip (custom firmware image). On an image without the interop (the virtual
    /// nanoCLR, stock firmware) every test is skipped with the reason.
    /// </summary>
    [TestClass]
    public class InteropTests
    {
        // The native side holds one global kernel; one spotter per test run, reconfigured per test.
        private static NativeKeywordSpotter _spotter;
        private static string _missing;

        [Setup]
        public void CreateSpotter()
        {
            try
            {
                _spotter = new NativeKeywordSpotter(new AssistantSettings(), new string[] { "a", "b" }, DeviceVectors.WindowScale, DeviceVectors.WindowZeroPoint);
            }
            catch (NativeSpotterException e)
            {
                if (e.Status != InteropStatus.MissingFirmware)
                {
                    throw;
                }

                _missing = e.Message;
            }
        }

        [TestMethod]
        public void NativeFeaturesEqualTheCoreWithinOneStep()
        {
            RequireInterop();
            var spotter = new NativeKeywordSpotter(new AssistantSettings(), new string[] { "a", "b" }, DeviceVectors.WindowScale, DeviceVectors.WindowZeroPoint);
            byte[] raw = ToPcm16(DeviceVectors.Clip);
            int rows = 0;
            for (int offset = 0; offset < raw.Length; offset += 640)
            {
                rows += spotter.PushAudio(raw, offset, 640);
            }

            Assert.AreEqual(AssistantSettings.WindowFrames, rows, "rows");
            var window = new sbyte[AssistantSettings.WindowFeatures];
            Assert.AreEqual(AssistantSettings.WindowFrames, spotter.GetFeatures(window));

            var core = new FeatureStream(new FeatureQuantizer(DeviceVectors.WindowScale, DeviceVectors.WindowZeroPoint), new FeatureWindow());
            core.Push(DeviceVectors.Clip, 0, DeviceVectors.Clip.Length);
            var expected = new sbyte[AssistantSettings.WindowFeatures];
            core.Window.CopyTo(expected);
            int worst = Check.WithinSteps(expected, 0, window, 0, AssistantSettings.WindowFeatures, 1, "native window");
            OutputHelper.WriteLine("native vs core largest int8 difference " + worst.ToString());
        }

        [TestMethod]
        public void LevelsAreTheRangeOfTheLastPush()
        {
            RequireInterop();
            var spotter = new NativeKeywordSpotter(new AssistantSettings(), new string[] { "a", "b" }, 1f, 0);

            // 16-bit mono samples 700, -1200, 5 (little-endian), then the last one alone.
            var raw = new byte[] { 0xBC, 0x02, 0x50, 0xFB, 0x05, 0x00 };
            var levels = new int[2];
            spotter.PushAudio(raw, 0, raw.Length);
            Assert.AreEqual(3, spotter.GetLevels(levels), "samples");
            Assert.AreEqual(-1200, levels[0], "minimum");
            Assert.AreEqual(700, levels[1], "maximum");
            spotter.PushAudio(raw, 4, 2);
            Assert.AreEqual(1, spotter.GetLevels(levels), "samples of the last push");
            Assert.AreEqual(5, levels[0], "minimum of the last push");
            Assert.AreEqual(5, levels[1], "maximum of the last push");
        }

        [TestMethod]
        public void BadModelIsRefusedWithAMessage()
        {
            RequireInterop();
            var spotter = new NativeKeywordSpotter(new AssistantSettings(), new string[] { "a", "b" }, 1f, 0);
            var garbage = new byte[256];
            for (int i = 0; i < garbage.Length; i++)
            {
                garbage[i] = (byte)(i * 31 + 7);
            }

            try
            {
                spotter.LoadModel(garbage, 16 * 1024);
                Assert.IsTrue(false, "a garbage model was accepted");
            }
            catch (NativeSpotterException e)
            {
                OutputHelper.WriteLine("refused: " + e.Message);
                Assert.IsTrue(e.Status == InteropStatus.ModelInvalid || e.Status == InteropStatus.NotBuiltWithTflm, "status " + InteropStatus.Name(e.Status));
                Assert.IsTrue(e.Message.IndexOf("LoadModel failed") == 0, e.Message);
            }
        }

        [TestMethod]
        public void ShippedModelScoresEqualTheHost()
        {
            RequireInterop();
            if (DeviceVectors.ModelExpectedScores.Length == 0)
            {
                Assert.SkipTest("no model cases: regenerate the vectors with the shipped model (README)");
            }

            int labels = DeviceVectors.ModelLabelCount;
            var names = new string[labels];
            for (int i = 0; i < labels; i++)
            {
                names[i] = "l" + i.ToString();
            }

            var spotter = new NativeKeywordSpotter(new AssistantSettings(), names, DeviceVectors.ModelInputScale, DeviceVectors.ModelInputZeroPoint);
            spotter.LoadModel(DeviceVectors.ModelBytes, DeviceVectors.ModelArenaBytes);
            OutputHelper.WriteLine("arena used " + spotter.ArenaBytesUsed.ToString());
            var clip = new short[AssistantSettings.SampleRate];
            var scores = new sbyte[labels];
            int worst = 0;
            for (int c = 0; c < DeviceVectors.ModelCases; c++)
            {
                spotter.Reset();
                ModelCaseClip(c, clip);
                byte[] raw = ToPcm16(clip);
                spotter.PushAudio(raw, 0, raw.Length);
                spotter.Invoke(scores);

                // Bit-exact with TFLM's reference kernels; ESP-NN kernels may differ by one step.
                int d = Check.WithinSteps(DeviceVectors.ModelExpectedScores, c * labels, scores, 0, labels, 1, "case " + c.ToString());
                worst = d > worst ? d : worst;
            }

            OutputHelper.WriteLine("model scores largest difference " + worst.ToString());
        }

        // The generator scored these three cases: the sample clip, the clip divided by 4 (truncating), silence.
        private static void ModelCaseClip(int modelCase, short[] clip)
        {
            for (int i = 0; i < clip.Length; i++)
            {
                short v = DeviceVectors.Clip[i];
                clip[i] = modelCase == 0 ? v : modelCase == 1 ? (short)(v / 4) : (short)0;
            }
        }

        private static void RequireInterop()
        {
            if (_missing != null)
            {
                Assert.SkipTest(_missing);
            }
        }

        private static byte[] ToPcm16(short[] samples)
        {
            var raw = new byte[samples.Length * 2];
            for (int i = 0; i < samples.Length; i++)
            {
                raw[2 * i] = (byte)samples[i];
                raw[2 * i + 1] = (byte)(samples[i] >> 8);
            }

            return raw;
        }
    }
}

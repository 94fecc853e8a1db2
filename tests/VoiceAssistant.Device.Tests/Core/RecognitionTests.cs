using nanoFramework.TestFramework;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Recognition;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Device.Tests.Core
{
    [TestClass]
    public class RecognitionTests
    {
        private static readonly string[] Labels = { "silence", "unknown", "yes", "no" };

        [TestMethod]
        public void RecognizerSequenceMatchesTheHost()
        {
            var recognizer = new CommandRecognizer(Labels, new AssistantSettings());
            var row = new sbyte[Labels.Length];
            int commands = 0;
            for (int i = 0; i < DeviceVectors.RecognizerSteps; i++)
            {
                System.Array.Copy(DeviceVectors.RecognizerScores, i * Labels.Length, row, 0, Labels.Length);
                recognizer.Process(row, DeviceVectors.RecognizerTimes[i]);
                RecognitionResult r = recognizer.Result;
                string at = "step " + i.ToString();
                Assert.AreEqual(DeviceVectors.RecognizerLabel[i], r.LabelIndex, at + " label");
                Assert.AreEqual(DeviceVectors.RecognizerScore[i], r.Score, at + " score");
                Assert.AreEqual(DeviceVectors.RecognizerNew[i], r.IsNewCommand ? 1 : 0, at + " new");
                commands += r.IsNewCommand ? 1 : 0;
            }

            Assert.IsTrue(commands >= 2, "the sequence should trigger yes and no");
        }

        [TestMethod]
        public void WakeWordArmsThenCommandActsThenTimeout()
        {
            var settings = new AssistantSettings { WakeLabel = "yes", WakeTimeoutMs = 3000 };
            var led = new RecordingLed();
            var reporter = new RecordingReporter();
            var states = new AssistantStateMachine(settings, CommandActionMap.CreateDefault(), led, reporter);
            Assert.AreEqual((int)AssistantState.Idle, (int)states.State);
            Assert.AreEqual((int)CommandOutcome.Ignored, (int)states.OnCommand("no", 100), "not armed");
            Assert.AreEqual((int)CommandOutcome.Woke, (int)states.OnCommand("yes", 200));
            Assert.AreEqual("WAKE 200", reporter.Last);
            Assert.AreEqual((int)LedState.Listening, (int)led.State);
            Assert.AreEqual((int)CommandOutcome.Performed, (int)states.OnCommand("no", 1000));
            Assert.AreEqual((int)CommandOutcome.Woke, (int)states.OnCommand("yes", 2000));
            Assert.IsFalse(states.Tick(4999));
            Assert.IsTrue(states.Tick(5000));
            Assert.AreEqual("IDLE 5000", reporter.Last);
        }

        [TestMethod]
        public void DirectModeLedFollowsYesAndNo()
        {
            var led = new RecordingLed();
            var states = new AssistantStateMachine(new AssistantSettings(), CommandActionMap.CreateDefault(), led, new RecordingReporter());
            Assert.AreEqual((int)CommandOutcome.Performed, (int)states.OnCommand("yes", 0));
            Assert.AreEqual((int)LedState.On, (int)led.State);
            Assert.AreEqual((int)CommandOutcome.Performed, (int)states.OnCommand("no", 10));
            Assert.AreEqual((int)LedState.Off, (int)led.State);
            Assert.AreEqual((int)CommandOutcome.Ignored, (int)states.OnCommand("silence", 20));
        }

        [TestMethod]
        public void DetectionLinesRoundTrip()
        {
            string line = DetectionFormatter.FormatDetection("yes", 231, 12340);
            Assert.AreEqual("DETECT yes 231 12340", line);
            string label;
            int score;
            int time;
            Assert.IsTrue(DetectionFormatter.TryParseDetection(line + "\r\n", out label, out score, out time));
            Assert.AreEqual("yes", label);
            Assert.AreEqual(231, score);
            Assert.AreEqual(12340, time);
        }

        [TestMethod]
        public void HopTimingReportsLag()
        {
            var monitor = new HopTimingMonitor(2);
            monitor.RecordHop(30000);
            Assert.IsTrue(monitor.RecordHop(15000));
            Assert.AreEqual("LAG 22500 30000 1/2 5000", monitor.FormatReport());
        }
    }
}

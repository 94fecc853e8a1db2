using System;
using System.Threading;
using VoiceAssistant.App.Hardware;
using VoiceAssistant.Core;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Loop;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Interop;

namespace VoiceAssistant.App
{
    /// <summary>
    /// Wiring only: settings → model check → native keyword spotter → the core's hop loop over the I2S microphone and
    /// the LED. Any failure ends in <see cref="Halt"/>: a clear message repeated on serial and the LED error pattern, never a reboot loop.
    /// </summary>
    public static class Program
    {
        /// <summary>Version of this app, printed at start-up: the product's one version (VERSION).</summary>
        public const string AppVersion = ProductVersion.Text;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            var reporter = new SerialReporter();
            var led = new StatusLed(GpioLedOutput.Open(BoardConfig.LedPin, BoardConfig.LedActiveHigh, reporter), reporter);
            try
            {
                Run(reporter, led);
            }
            catch (NativeSpotterException e)
            {
                Halt(reporter, led, Explain(e));
            }
            catch (Exception e)
            {
                Halt(reporter, led, "unexpected " + e.GetType().Name + ": " + e.Message);
            }
        }

        private static void Run(IReporter reporter, StatusLed led)
        {
            AssistantSettings settings = BoardConfig.CreateSettings();
            ModelInfo info = ShippedModel.CreateInfo();
            byte[] model = ShippedModel.Bytes;
            reporter.WriteLine("VoiceAssistant " + AppVersion + " featureVersion " + AssistantSettings.FeatureVersion.ToString()
                + " native contract " + NativeContract.Version.ToString());
            reporter.WriteLine("MODEL sha256 " + info.ModelSha256 + " bytes " + model.Length.ToString() + " labels " + Join(info.Labels)
                + " featureVersion " + info.FeatureVersion.ToString());
            reporter.WriteLine(BoardConfig.Describe());

            // Checked before anything native runs: a model for other features or labels is refused with the reason.
            string problem = ModelCompatibility.Check(info, settings, model);
            if (problem != null)
            {
                Halt(reporter, led, "model incompatible: " + problem);
            }

            info.ApplyRecognizerTuning(settings);
            var spotter = new NativeKeywordSpotter(settings, info.Labels, info.InputScale, info.InputZeroPoint);
            spotter.LoadModel(model, info.ArenaBytes);
            var native = new int[InfoLayout.Length];
            spotter.GetInfo(native);
            reporter.WriteLine("NATIVE contract " + native[InfoLayout.NativeVersion].ToString() + " featureVersion "
                + native[InfoLayout.FeatureVersion].ToString() + " flags " + native[InfoLayout.Flags].ToString());
            reporter.WriteLine("ARENA requested " + info.ArenaBytes.ToString() + " used " + spotter.ArenaBytesUsed.ToString());

            HopLoop loop = HopLoop.Wire(settings, info.Labels, new I2sMicrophone(settings), spotter, led, reporter, new SystemClock());
            reporter.WriteLine("READY threshold " + settings.DetectionThreshold.ToString() + " hop bytes " + settings.HopBytes.ToString()
                + " invoke every " + settings.InvokeEveryRows.ToString() + " row(s)");
            loop.Run();
        }

        private static string Explain(NativeSpotterException e)
        {
            switch (e.Status)
            {
                case InteropStatus.MissingFirmware:
                    return e.Message;
                case InteropStatus.ArenaTooSmall:
                    return "tensor arena too small: raise arenaBytes in the model manifest and regenerate (" + e.Message + ")";
                case InteropStatus.OutOfMemory:
                    return "not enough native memory for the model and arena (" + e.Message + ")";
                case InteropStatus.NotBuiltWithTflm:
                    return "this firmware image was built without TensorFlow Lite Micro; flash an image built with VA_WITH_TFLM (" + e.Message + ")";
                case InteropStatus.ModelInvalid:
                    return "model could not be loaded (" + e.Message + ")";
                default:
                    return e.Message;
            }
        }

        /// <summary>Stops the assistant: repeats <paramref name="message"/> every 10 s and blinks the error pattern; never returns.</summary>
        private static void Halt(IReporter reporter, StatusLed led, string message)
        {
            led.SetFault(LedPattern.Error);

            int timeMs = 0;
            while (true)
            {
                if (timeMs % 10000 == 0)
                {
                    reporter.WriteLine("ERROR " + message);
                }

                led.Update(timeMs);

                Thread.Sleep(50);
                timeMs += 50;
            }
        }

        private static string Join(string[] labels)
        {
            string s = string.Empty;
            for (int i = 0; i < labels.Length; i++)
            {
                s = i == 0 ? labels[i] : s + "," + labels[i];
            }

            return s;
        }
    }
}

using System;
using VoiceAssistant.App.Hardware;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.Interop;

namespace VoiceAssistant.App
{
    /// <summary>
    /// The per-hop loop: read one hop → native PushAudio (conversion + features) → every N new rows native Invoke →
    /// recogniser/states/actions → LED. Checks the microphone on a few samples per hop and reports when the loop
    /// falls behind real time. Nothing is allocated per hop (report lines only when something is reported).
    /// </summary>
    internal sealed class CaptureLoop
    {
        private readonly I2sMicrophone _microphone;
        private readonly NativeKeywordSpotter _spotter;
        private readonly CommandPipeline _pipeline;
        private readonly GpioLed _led;
        private readonly IReporter _reporter;
        private readonly MicrophoneHealthMonitor _health;
        private readonly HopTimingMonitor _timing;
        private readonly sbyte[] _scores;
        private readonly int _invokeEveryRows;

        /// <summary>Creates the loop over already opened parts.</summary>
        public CaptureLoop(AssistantSettings settings, I2sMicrophone microphone, NativeKeywordSpotter spotter, CommandPipeline pipeline, GpioLed led, IReporter reporter)
        {
            _microphone = microphone;
            _spotter = spotter;
            _pipeline = pipeline;
            _led = led;
            _reporter = reporter;
            _health = new MicrophoneHealthMonitor(settings, BoardConfig.HealthSamplesPerHop);
            _timing = new HopTimingMonitor(BoardConfig.TimingWindowHops);
            _scores = new sbyte[spotter.Labels.Length];
            _invokeEveryRows = settings.InvokeEveryRows < 1 ? 1 : settings.InvokeEveryRows;
        }

        /// <summary>Runs forever; a native failure propagates as <see cref="NativeSpotterException"/>.</summary>
        public void Run()
        {
            byte[] buffer = _microphone.Buffer;
            int rowsSinceInvoke = 0;
            int hop = 0;
            while (true)
            {
                _microphone.ReadHop();
                long start = DateTime.UtcNow.Ticks;

                // Audio time, not wall time: timestamps stay exact even when the loop lags (wraps after ~24 days).
                int timeMs = hop * AssistantSettings.HopMilliseconds;
                hop++;

                rowsSinceInvoke += _spotter.PushAudio(buffer, 0, buffer.Length);
                CheckMicrophone(buffer);
                if (rowsSinceInvoke >= _invokeEveryRows)
                {
                    rowsSinceInvoke = 0;
                    _spotter.Invoke(_scores);
                    _pipeline.Process(_scores, timeMs);
                }
                else
                {
                    _pipeline.Tick(timeMs);
                }

                _led.Update(timeMs);
                long busyTicks = DateTime.UtcNow.Ticks - start;
                if (_timing.RecordHop((int)(busyTicks / 10)))
                {
                    _reporter.WriteLine(_timing.FormatReport() + " (loop behind real time: audio is being dropped)");
                }
            }
        }

        private void CheckMicrophone(byte[] buffer)
        {
            MicrophoneChange change = _health.ProcessHop(buffer, 0, buffer.Length);
            if (_health.HopEndsStartup)
            {
                _reporter.WriteLine("MIC level " + _health.StartupMinimum.ToString() + ".." + _health.StartupMaximum.ToString());
                if (_health.StartupSilent)
                {
                    _reporter.WriteLine("MIC warning: " + _health.SilentHint());
                }
            }

            if (change == MicrophoneChange.BecameDead)
            {
                _reporter.WriteLine("MIC dead: " + _health.SilentHint());
                _led.SetFault(LedPattern.Microphone);
            }
            else if (change == MicrophoneChange.Recovered)
            {
                _reporter.WriteLine("MIC alive again");
                _led.SetFault(LedPattern.Off);
            }
        }
    }
}

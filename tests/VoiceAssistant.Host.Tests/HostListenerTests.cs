using System;
using System.Collections.Generic;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;
using VoiceAssistant.TestSupport;
using Xunit;

namespace VoiceAssistant.Host.Tests
{
    /// <summary>The host main loop's cadence and timestamps, with a scripted spotter (one row per 320 samples).</summary>
    public class HostListenerTests
    {
        private static readonly string[] Labels = { "_silence_", "_unknown_", "yes", "no" };

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void InvokesEveryNRowsOnceTheWindowIsFullAtTheAudioTime(int every)
        {
            var settings = new AssistantSettings { InvokeEveryRows = every };
            var spotter = new ScriptedSpotter(_ => 2);
            var lines = new List<string>();
            var pipeline = new CommandPipeline(Labels, settings, new NullLed(), new Reporter(lines));
            var listener = new HostListener(spotter, pipeline, settings);

            // 3 s of audio in odd-sized pieces: the listener must still hand the spotter whole hops.
            byte[] raw = new byte[3 * 16000 * 2];
            for (int at = 0; at < raw.Length;)
            {
                int n = Math.Min(7001, raw.Length - at);
                listener.Feed(raw, at, n);
                at += n;
            }

            Assert.Equal(3000, listener.ElapsedMs);
            Assert.All(spotter.PushSizes, n => Assert.True(n <= settings.HopBytes));

            // Rows 49..150 exist (1 + (48000 - 480) / 320 = 149 rows with the spotter's simple count: 150 hops).
            int rows = 3 * 16000 / 320;
            Assert.Equal(((rows - 49) / every) + 1, listener.Invocations);
            Assert.Equal(980, spotter.InvokeTimes[0]);
            Assert.Equal(every * 20, spotter.InvokeTimes[1] - spotter.InvokeTimes[0]);

            // "yes" at full score throughout: reported at the recogniser's third result, then again only after the
            // suppression time, with the audio time of the inference.
            var times = new List<int>();
            foreach (string line in lines)
            {
                Assert.True(DetectionFormatter.TryParseDetection(line, out string label, out _, out int ms), line);
                Assert.Equal("yes", label);
                times.Add(ms);
            }

            Assert.Contains((long)times[0], spotter.InvokeTimes);
            Assert.True(times[0] >= spotter.InvokeTimes[2]);
            Assert.Equal(2, times.Count);
            Assert.True(times[1] - times[0] > settings.SuppressionMs);
        }

        private sealed class ScriptedSpotter : ScriptedSpotterBase
        {
            private readonly Func<int, int> topLabel;
            private int pending;
            private long bytes;

            public ScriptedSpotter(Func<int, int> topLabel)
                : base(HostListenerTests.Labels) => this.topLabel = topLabel;

            public List<int> PushSizes { get; } = new List<int>();

            public List<long> InvokeTimes { get; } = new List<long>();

            public override int PushAudio(byte[] raw, int offset, int count)
            {
                PushSizes.Add(count);
                bytes += count;
                pending += count;
                int rows = pending / 640;
                pending %= 640;
                return rows;
            }

            public override void Invoke(sbyte[] scores)
            {
                long ms = bytes * 1000 / 32000;
                InvokeTimes.Add(ms);
                Array.Fill(scores, (sbyte)-128);
                scores[topLabel((int)ms)] = 127;
            }

            public override void Reset()
            {
            }
        }

        private sealed class NullLed : ILed
        {
            public void SetState(LedState state)
            {
            }
        }

        private sealed class Reporter : IReporter
        {
            private readonly List<string> lines;

            public Reporter(List<string> lines) => this.lines = lines;

            public void WriteLine(string line) => lines.Add(line);
        }
    }
}

using System;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Loop;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Host
{
    /// <summary>
    /// The device's loop on the PC: the core <see cref="HopLoop"/> — the very loop the board's app runs — fed with
    /// raw bytes pushed in pieces of any size (a WAV file read in chunks). Every whole hop runs one loop step:
    /// features, the model once the window is full and every <see cref="AssistantSettings.InvokeEveryRows"/> rows,
    /// recogniser, actions and LED, timestamped with the audio time at the end of the hop.
    /// </summary>
    /// <remarks>Allocates only at construction. Not thread-safe. A trailing partial hop is never processed (the
    /// board's microphone delivers whole hops).</remarks>
    public sealed class HostListener
    {
        private readonly HopLoop loop;
        private readonly PushedHops hops;

        /// <summary>Creates the loop over an existing pipeline (its LED and reporter are the pipeline's).</summary>
        /// <param name="spotter">Keyword spotter (its PCM layout is <paramref name="settings"/>').</param>
        /// <param name="pipeline">Recogniser and actions.</param>
        /// <param name="settings">Microphone layout and <see cref="AssistantSettings.InvokeEveryRows"/>.</param>
        /// <exception cref="ArgumentException"><see cref="AssistantSettings.InvokeEveryRows"/> is below 1.</exception>
        public HostListener(IKeywordSpotter spotter, CommandPipeline pipeline, AssistantSettings settings)
        {
            ArgumentNullException.ThrowIfNull(spotter);
            ArgumentNullException.ThrowIfNull(pipeline);
            ArgumentNullException.ThrowIfNull(settings);
            hops = new PushedHops(settings.HopBytes);
            loop = new HopLoop(settings, hops, spotter, pipeline, new StatusLed(null, null), NoReporter.Instance, null);
        }

        /// <summary>
        /// Creates the assistant exactly as the board's app wires it (<see cref="HopLoop.Wire"/>): every line (DETECT,
        /// LED, MIC) goes to <paramref name="reporter"/>, the LED's levels to <paramref name="ledOutput"/>.
        /// </summary>
        /// <param name="spotter">Keyword spotter (its labels are the model's).</param>
        /// <param name="settings">Settings, recogniser tuning applied.</param>
        /// <param name="ledOutput">The LED, or null.</param>
        /// <param name="reporter">Where lines go.</param>
        /// <exception cref="ArgumentException"><see cref="AssistantSettings.InvokeEveryRows"/> is below 1.</exception>
        public HostListener(IKeywordSpotter spotter, AssistantSettings settings, ILedOutput ledOutput, IReporter reporter)
        {
            ArgumentNullException.ThrowIfNull(spotter);
            ArgumentNullException.ThrowIfNull(settings);
            ArgumentNullException.ThrowIfNull(reporter);
            hops = new PushedHops(settings.HopBytes);
            loop = HopLoop.Wire(settings, spotter.Labels, hops, spotter, new StatusLed(ledOutput, reporter), reporter, null);
        }

        /// <summary>Model invocations so far.</summary>
        public int Invocations => loop.Invocations;

        /// <summary>Milliseconds of audio processed so far (whole hops).</summary>
        public long ElapsedMs => loop.ElapsedMs;

        /// <summary>
        /// Feeds raw bytes in any piece size, running one loop step per completed hop.
        /// </summary>
        /// <param name="raw">Raw PCM in the settings' layout.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Byte count.</param>
        /// <returns>Detections reported during this call.</returns>
        public int Feed(byte[] raw, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(raw);
            if (offset < 0 || count < 0 || offset > raw.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "offset/count outside the raw buffer");
            }

            int before = loop.Detections;
            for (int end = offset + count; offset < end;)
            {
                offset += hops.Append(raw, offset, end - offset);
                if (hops.IsFull)
                {
                    loop.RunHop();
                }
            }

            return loop.Detections - before;
        }

        /// <summary>One hop buffer filled by <see cref="Feed"/> and handed to the loop when whole.</summary>
        private sealed class PushedHops : IAudioSource
        {
            private readonly byte[] hop;
            private int filled;

            public PushedHops(int hopBytes) => hop = new byte[hopBytes];

            public bool IsFull => filled == hop.Length;

            public int Append(byte[] raw, int offset, int count)
            {
                int take = Math.Min(hop.Length - filled, count);
                Buffer.BlockCopy(raw, offset, hop, filled, take);
                filled += take;
                return take;
            }

            public bool Read(byte[] buffer, int count)
            {
                if (filled != hop.Length || count != hop.Length)
                {
                    return false;
                }

                Buffer.BlockCopy(hop, 0, buffer, 0, count);
                filled = 0;
                return true;
            }
        }

        private sealed class NoReporter : IReporter
        {
            public static readonly NoReporter Instance = new NoReporter();

            public void WriteLine(string line)
            {
            }
        }
    }
}

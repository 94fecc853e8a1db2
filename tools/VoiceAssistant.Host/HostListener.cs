using System;
using VoiceAssistant.Core.Actions;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Host
{
    /// <summary>
    /// The device's main loop on the PC: raw microphone bytes go to an <see cref="IKeywordSpotter"/> one hop at a
    /// time, the model runs every <see cref="AssistantSettings.InvokeEveryRows"/> new feature rows once the
    /// 49-row window is full, and its scores go through the core <see cref="CommandPipeline"/> (recogniser, DETECT
    /// lines, state machine, LED) timestamped with the audio time of the newest sample.
    /// </summary>
    /// <remarks>Allocates only at construction. Not thread-safe.</remarks>
    public sealed class HostListener
    {
        private readonly IKeywordSpotter spotter;
        private readonly CommandPipeline pipeline;
        private readonly AssistantSettings settings;
        private readonly sbyte[] scores;
        private long bytes;
        private long rows;
        private int rowsSinceInvoke;

        /// <summary>Creates the loop.</summary>
        /// <param name="spotter">Keyword spotter (its PCM layout is <paramref name="settings"/>').</param>
        /// <param name="pipeline">Recogniser and actions.</param>
        /// <param name="settings">Microphone layout and <see cref="AssistantSettings.InvokeEveryRows"/>.</param>
        public HostListener(IKeywordSpotter spotter, CommandPipeline pipeline, AssistantSettings settings)
        {
            this.spotter = spotter ?? throw new ArgumentNullException(nameof(spotter));
            this.pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
            this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
            if (settings.InvokeEveryRows < 1)
            {
                throw new ArgumentException("InvokeEveryRows must be at least 1", nameof(settings));
            }

            scores = new sbyte[spotter.Labels.Length];
        }

        /// <summary>Model invocations so far.</summary>
        public int Invocations { get; private set; }

        /// <summary>Milliseconds of audio consumed so far.</summary>
        public long ElapsedMs => bytes / settings.FrameBytes * 1000 / AssistantSettings.SampleRate;

        /// <summary>
        /// Feeds raw bytes in hop-sized pieces (as the I2S reader delivers them), running the model and the
        /// pipeline whenever enough new rows arrived.
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

            int detections = 0;
            int hop = settings.HopBytes;
            for (int end = offset + count; offset < end;)
            {
                // Up to the next hop boundary of the whole stream, so odd-sized calls still deliver whole hops.
                int take = (int)Math.Min(hop - (bytes % hop), end - offset);
                int newRows = spotter.PushAudio(raw, offset, take);
                offset += take;
                bytes += take;
                rows += newRows;
                rowsSinceInvoke += newRows;
                if (rows >= AssistantSettings.WindowFrames && rowsSinceInvoke >= settings.InvokeEveryRows)
                {
                    rowsSinceInvoke = 0;
                    spotter.Invoke(scores);
                    Invocations++;
                    if (pipeline.Process(scores, (int)ElapsedMs))
                    {
                        detections++;
                    }
                }
            }

            return detections;
        }
    }
}

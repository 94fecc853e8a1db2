using System;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Core.Audio
{
    /// <summary>
    /// Converts raw little-endian PCM bytes (as an I2S driver or a WAV file delivers them) into int16
    /// samples of one channel, following the microphone layout in <see cref="AssistantSettings"/>.
    /// </summary>
    /// <remarks>
    /// Exact per-sample rule (the native kernel reproduces it operation for operation):
    /// the slot's <c>SlotBytes</c> bytes form a signed little-endian integer, sign-extended to int32;
    /// the sample is that value arithmetically shifted right by <c>SampleShift</c>, then saturated to
    /// [-32768, 32767]. Only the slot at index <c>Channel</c> of each frame is used.
    /// The converter is streaming: bytes may arrive in any count, and an incomplete trailing frame is
    /// kept and completed by the next call. No allocation happens after construction.
    /// </remarks>
    public sealed class PcmConverter
    {
        /// <summary>Largest frame the converter supports: two 4-byte slots.</summary>
        public const int MaxFrameBytes = 8;

        private readonly int _slotBytes;
        private readonly int _frameBytes;
        private readonly int _channelOffset;
        private readonly int _shift;
        private readonly int _extendShift;
        private readonly byte[] _pending;
        private int _pendingCount;

        /// <summary>Creates a converter for the microphone layout in <paramref name="settings"/>.</summary>
        /// <param name="settings">Settings giving SlotBytes, ChannelsPerFrame, Channel and SampleShift.</param>
        /// <exception cref="ArgumentException">The layout is not supported.</exception>
        public PcmConverter(AssistantSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            Validate(settings);
            _slotBytes = settings.SlotBytes;
            _frameBytes = settings.FrameBytes;
            _channelOffset = settings.Channel * settings.SlotBytes;
            _shift = settings.SampleShift;
            _extendShift = 32 - 8 * settings.SlotBytes;
            _pending = new byte[MaxFrameBytes];
        }

        /// <summary>Raw bytes in one frame (all channels).</summary>
        public int FrameBytes
        {
            get { return _frameBytes; }
        }

        /// <summary>Bytes of an incomplete frame kept from the previous call (0 .. FrameBytes-1).</summary>
        public int PendingBytes
        {
            get { return _pendingCount; }
        }

        /// <summary>
        /// Checks that a microphone layout is supported; throws an <see cref="ArgumentException"/> naming
        /// the offending property otherwise.
        /// </summary>
        /// <param name="settings">Settings to check.</param>
        public static void Validate(AssistantSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (settings.SlotBytes < 2 || settings.SlotBytes > 4)
            {
                throw new ArgumentException("SlotBytes must be 2, 3 or 4 but is " + settings.SlotBytes.ToString(), "settings");
            }

            if (settings.ChannelsPerFrame < 1 || settings.ChannelsPerFrame > 2)
            {
                throw new ArgumentException("ChannelsPerFrame must be 1 or 2 but is " + settings.ChannelsPerFrame.ToString(), "settings");
            }

            if (settings.Channel < 0 || settings.Channel >= settings.ChannelsPerFrame)
            {
                throw new ArgumentException("Channel must be in 0.." + (settings.ChannelsPerFrame - 1).ToString() + " but is " + settings.Channel.ToString(), "settings");
            }

            if (settings.SampleShift < 0 || settings.SampleShift > 31)
            {
                throw new ArgumentException("SampleShift must be in 0..31 but is " + settings.SampleShift.ToString(), "settings");
            }
        }

        /// <summary>
        /// Upper bound of the samples one <see cref="Convert"/> call can write for <paramref name="byteCount"/>
        /// new bytes, whatever is pending: use it to size output buffers.
        /// </summary>
        /// <param name="byteCount">Number of raw bytes passed to one call.</param>
        /// <param name="frameBytes">Bytes per frame (<see cref="AssistantSettings.FrameBytes"/>).</param>
        public static int MaxSamples(int byteCount, int frameBytes)
        {
            if (byteCount < 0)
            {
                throw new ArgumentOutOfRangeException("byteCount");
            }

            if (frameBytes < 1)
            {
                throw new ArgumentOutOfRangeException("frameBytes");
            }

            // Up to frameBytes-1 pending bytes can complete one extra frame.
            return (byteCount + frameBytes - 1) / frameBytes;
        }

        /// <summary>Exact number of samples the next <see cref="Convert"/> call writes for <paramref name="byteCount"/> bytes.</summary>
        /// <param name="byteCount">Number of raw bytes that will be passed.</param>
        public int SamplesFor(int byteCount)
        {
            if (byteCount < 0)
            {
                throw new ArgumentOutOfRangeException("byteCount");
            }

            return (_pendingCount + byteCount) / _frameBytes;
        }

        /// <summary>
        /// Converts <paramref name="count"/> raw bytes, writing one sample per completed frame.
        /// </summary>
        /// <param name="raw">Raw little-endian bytes.</param>
        /// <param name="offset">Index of the first byte to use.</param>
        /// <param name="count">Number of bytes to use (any value, frames may be split across calls).</param>
        /// <param name="output">Destination for the samples.</param>
        /// <param name="outputOffset">Index of the first sample to write.</param>
        /// <returns>Number of samples written.</returns>
        /// <exception cref="ArgumentException">The output cannot hold <see cref="SamplesFor"/>(count) samples.</exception>
        public int Convert(byte[] raw, int offset, int count, short[] output, int outputOffset)
        {
            if (raw == null)
            {
                throw new ArgumentNullException("raw");
            }

            if (output == null)
            {
                throw new ArgumentNullException("output");
            }

            if (offset < 0 || count < 0 || offset > raw.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "offset/count outside the raw buffer");
            }

            int samples = (_pendingCount + count) / _frameBytes;
            if (outputOffset < 0 || outputOffset > output.Length - samples)
            {
                throw new ArgumentException("output too small: " + samples.ToString() + " samples needed from outputOffset", "output");
            }

            int written = 0;
            int pos = offset;
            int end = offset + count;

            if (_pendingCount > 0)
            {
                // Complete the split frame first.
                int need = _frameBytes - _pendingCount;
                if (need > count)
                {
                    need = count;
                }

                for (int i = 0; i < need; i++)
                {
                    _pending[_pendingCount + i] = raw[pos + i];
                }

                _pendingCount += need;
                pos += need;
                if (_pendingCount < _frameBytes)
                {
                    return 0;
                }

                output[outputOffset] = DecodeSlot(_pending, _channelOffset);
                written = 1;
                _pendingCount = 0;
            }

            int frameBytes = _frameBytes;
            int slot = pos + _channelOffset;
            int outIndex = outputOffset + written;
            while (end - pos >= frameBytes)
            {
                output[outIndex] = DecodeSlot(raw, slot);
                outIndex++;
                pos += frameBytes;
                slot += frameBytes;
            }

            written = outIndex - outputOffset;

            // Keep the incomplete trailing frame for the next call.
            while (pos < end)
            {
                _pending[_pendingCount] = raw[pos];
                _pendingCount++;
                pos++;
            }

            return written;
        }

        /// <summary>Forgets any pending partial frame.</summary>
        public void Reset()
        {
            _pendingCount = 0;
        }

        private short DecodeSlot(byte[] buffer, int index)
        {
            // Little-endian assembly of SlotBytes bytes, then sign extension from bit 8*SlotBytes-1.
            int value = 0;
            for (int b = _slotBytes - 1; b >= 0; b--)
            {
                value = (value << 8) | buffer[index + b];
            }

            value = (value << _extendShift) >> _extendShift;
            value >>= _shift;
            if (value > 32767)
            {
                return 32767;
            }

            if (value < -32768)
            {
                return -32768;
            }

            return (short)value;
        }
    }
}

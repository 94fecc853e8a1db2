#include "pcm.h"

namespace va
{
bool pcm_format_valid(const PcmFormat &format)
{
    return format.slotBytes >= 2 && format.slotBytes <= 4 && format.channelsPerFrame >= 1 &&
           format.channelsPerFrame <= 2 && format.channel >= 0 && format.channel < format.channelsPerFrame &&
           format.sampleShift >= 0 && format.sampleShift <= 31;
}

int16_t pcm_slot_to_sample(const uint8_t *slot, int slotBytes, int sampleShift)
{
    uint32_t bits = 0;
    for (int i = 0; i < slotBytes; i++)
    {
        bits |= static_cast<uint32_t>(slot[i]) << (8 * i);
    }
    // Sign-extend from slotBytes*8 bits: move the top bit to bit 31, then shift back arithmetically.
    const int unused = 32 - 8 * slotBytes;
    const int32_t value = static_cast<int32_t>(bits << unused) >> unused;
    const int32_t sample = value >> sampleShift; // arithmetic (g++ guarantees it; C++20 defines it)
    if (sample > 32767)
    {
        return 32767;
    }
    if (sample < -32768)
    {
        return -32768;
    }
    return static_cast<int16_t>(sample);
}

void PcmConverter::configure(const PcmFormat &format)
{
    format_ = format;
    frameBytes_ = format.slotBytes * format.channelsPerFrame;
    pending_ = 0;
}

void PcmConverter::reset()
{
    pending_ = 0;
}

int PcmConverter::convert(const uint8_t *raw, size_t count, int16_t *out, int capacity, size_t *consumed)
{
    size_t used = 0;
    int written = 0;
    const int slotOffset = format_.channel * format_.slotBytes;

    // Complete a frame begun in an earlier call.
    if (pending_ > 0 && written < capacity)
    {
        while (pending_ < frameBytes_ && pending_ < kMaxFrameBytes && used < count)
        {
            carry_[pending_++] = raw[used++];
        }
        if (pending_ == frameBytes_)
        {
            out[written++] = pcm_slot_to_sample(carry_ + slotOffset, format_.slotBytes, format_.sampleShift);
            pending_ = 0;
        }
    }

    const size_t frame = static_cast<size_t>(frameBytes_);
    while (written < capacity && count - used >= frame)
    {
        out[written++] = pcm_slot_to_sample(raw + used + slotOffset, format_.slotBytes, format_.sampleShift);
        used += frame;
    }

    // Carry an incomplete trailing frame to the next call.
    if (pending_ == 0 && count - used < frame)
    {
        while (used < count && pending_ < kMaxFrameBytes)
        {
            carry_[pending_++] = raw[used++];
        }
    }

    *consumed = used;
    return written;
}
} // namespace va

// Raw little-endian PCM (as the I2S driver or a WAV delivers it) to int16 samples. Same operations as the
// C# core's converter: slot -> sign-extended int32 -> arithmetic shift -> saturate to int16.
#ifndef VA_PCM_H
#define VA_PCM_H

#include <cstddef>
#include <cstdint>

namespace va
{
struct PcmFormat
{
    int slotBytes = 2;        // 2, 3 or 4
    int channelsPerFrame = 1; // 1 or 2
    int channel = 0;          // slot that carries the microphone, < channelsPerFrame
    int sampleShift = 0;      // 0..31
};

// True when the format is one the converter supports.
bool pcm_format_valid(const PcmFormat &format);

// One slot (slotBytes little-endian bytes) to a sample. Exposed for tests.
int16_t pcm_slot_to_sample(const uint8_t *slot, int slotBytes, int sampleShift);

// Converts a byte stream of frames, carrying a partial trailing frame to the next call.
class PcmConverter
{
  public:
    static constexpr int kMaxFrameBytes = 8;

    // Format must be valid (checked by the caller); clears the carried bytes.
    void configure(const PcmFormat &format);
    void reset();

    // Consumes bytes from raw[0..count) until `capacity` samples were written or the input ends; returns the
    // samples written and sets *consumed to the bytes used. Bytes of an incomplete final frame are consumed
    // and carried.
    int convert(const uint8_t *raw, size_t count, int16_t *out, int capacity, size_t *consumed);

    int frameBytes() const { return frameBytes_; }
    int pendingBytes() const { return pending_; }

  private:
    PcmFormat format_{};
    int frameBytes_ = 2;
    uint8_t carry_[kMaxFrameBytes] = {};
    int pending_ = 0;
};
} // namespace va

#endif

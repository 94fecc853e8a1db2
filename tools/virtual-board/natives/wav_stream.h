// Streaming reader of the one WAV layout the virtual microphone plays: 16 kHz, mono, 16-bit PCM (what a real
// INMP441 on the board hears, after `sox in.wav -r 16000 -c 1 -b 16 out.wav`). Anything else is refused with a
// reason, never guessed at.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace va_virtual_board
{

class WavStream
{
  public:
    WavStream() = default;
    ~WavStream();
    WavStream(const WavStream &) = delete;
    WavStream &operator=(const WavStream &) = delete;

    // Opens `path` and checks its header. On failure returns false and sets `error` to one line.
    bool Open(const char *path, std::string &error);

    // Reads up to `count` samples; returns how many were read (fewer only at the end of the data).
    size_t Read(int16_t *samples, size_t count);

    // Bytes the header's data chunk promised and bytes that were actually there (differ for a truncated file).
    uint64_t PromisedDataBytes() const { return promised_; }
    uint64_t DeliveredDataBytes() const { return delivered_; }

  private:
    std::FILE *file_ = nullptr;
    uint64_t promised_ = 0;
    uint64_t delivered_ = 0;
};

} // namespace va_virtual_board

// Cuts the sample stream into analysis windows: the first after kWindowSamples samples, then one every
// kHopSamples (16000 samples -> 49 windows).
#ifndef VA_FRAMER_H
#define VA_FRAMER_H

#include <cstdint>

#include "generated/feature_constants.h"

namespace va
{
// The generated AssistantSettings constants (kWindowSamples, kCoefficientCount, ...) as va::k*.
using namespace voice_assistant::features;

class Framer
{
  public:
    void reset() { fill_ = 0; }

    // Adds one sample; returns true when a full window is ready in window() (valid until the next push).
    bool push(int16_t sample)
    {
        if (fill_ == kWindowSamples)
        {
            slide();
        }
        buffer_[fill_++] = sample;
        return fill_ == kWindowSamples;
    }

    const int16_t *window() const { return buffer_; }

    int fill() const { return fill_; }

    // Windows that n samples (from reset) produce.
    static int windows_for_samples(long n)
    {
        return n < kWindowSamples ? 0 : static_cast<int>((n - kWindowSamples) / kHopSamples + 1);
    }

  private:
    // Keeps the last (window - hop) samples, which start the next window.
    void slide()
    {
        constexpr int keep = kWindowSamples - kHopSamples;
        for (int i = 0; i < keep; i++)
        {
            buffer_[i] = buffer_[kHopSamples + i];
        }
        fill_ = keep;
    }

    int16_t buffer_[kWindowSamples] = {};
    int fill_ = 0;
};
} // namespace va

#endif

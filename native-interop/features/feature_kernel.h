// Raw PCM in, int8 feature rows into the sliding window. Fixed-size state, no heap, no exceptions.
#ifndef VA_FEATURE_KERNEL_H
#define VA_FEATURE_KERNEL_H

#include <cstddef>
#include <cstdint>

#include "feature_window.h"
#include "framer.h"
#include "pcm.h"
#include "generated/feature_constants.h"
#include "va_status.h"

namespace va
{
// The generated AssistantSettings constants (kWindowSamples, kCoefficientCount, ...) as va::k*.
using namespace voice_assistant::features;

// Computes kCoefficientCount floats from one window; the production one is mfcc_compute_frame.
typedef Status (*FrameFeatureFn)(const int16_t *window, float *coefficients);

class FeatureKernel
{
  public:
    FeatureKernel();

    // Validates and applies the format and quantisation; clears audio and rows.
    Status configure(const PcmFormat &format, float inputScale, int inputZeroPoint);

    // Replaces the quantisation (e.g. with a loaded model's input parameters); keeps buffered audio.
    Status set_quantization(float inputScale, int inputZeroPoint);

    // Converts and frames `count` bytes; returns the number of new rows (>= 0) or a negative Status.
    int push_audio(const uint8_t *raw, size_t count) { return push_audio(raw, count, nullptr, 0); }

    // As above; when `rows` is not null each new row's kCoefficientCount floats are also written there
    // (like the C# FeatureStream.Push overload with float rows). `rowsCapacity` (in rows) must be at least
    // rows_after(count), else kBadArgument and nothing is consumed.
    int push_audio(const uint8_t *raw, size_t count, float *rows, int rowsCapacity);

    // Lowest and highest sample of the last push_audio call and how many samples it converted (0: none, and both
    // levels 0). The microphone check reads them instead of converting samples again in managed code.
    int16_t last_push_minimum() const { return pushSamples_ > 0 ? pushMin_ : 0; }
    int16_t last_push_maximum() const { return pushSamples_ > 0 ? pushMax_ : 0; }
    int last_push_samples() const { return pushSamples_; }

    // Rows that pushing `count` more bytes will produce.
    int rows_after(size_t count) const;

    void reset();

    bool configured() const { return configured_; }
    int rows_available() const { return window_.rows_available(); }
    int total_rows() const { return totalRows_; }
    float input_scale() const { return scale_; }
    int input_zero_point() const { return zeroPoint_; }
    const FeatureWindow &window() const { return window_; }

    // Message for the last failure (static text).
    const char *last_error() const { return lastError_; }

    // Test seam: the per-window feature function (defaults to mfcc_compute_frame).
    void set_frame_function(FrameFeatureFn fn) { frameFn_ = fn; }

  private:
    static constexpr int kChunkSamples = 64;

    Status fail(Status status, const char *message)
    {
        lastError_ = message;
        return status;
    }

    PcmConverter converter_;
    Framer framer_;
    FeatureWindow window_;
    FrameFeatureFn frameFn_;
    float coefficients_[kCoefficientCount] = {};
    int8_t row_[kCoefficientCount] = {};
    int16_t chunk_[kChunkSamples] = {};
    float scale_ = 1.0f;
    int zeroPoint_ = 0;
    int totalRows_ = 0;
    int pushSamples_ = 0;
    int16_t pushMin_ = 0;
    int16_t pushMax_ = 0;
    bool configured_ = false;
    const char *lastError_ = "";
};
} // namespace va

#endif

#include "feature_kernel.h"

#include "mfcc.h"
#include "quantize.h"

namespace va
{
FeatureKernel::FeatureKernel() : frameFn_(mfcc_compute_frame)
{
    reset();
}

Status FeatureKernel::configure(const PcmFormat &format, float inputScale, int inputZeroPoint)
{
    configured_ = false;
    if (!pcm_format_valid(format))
    {
        return fail(kBadArgument, "audio format: slotBytes 2..4, channels 1..2, channel < channels, shift 0..31");
    }
    const Status q = set_quantization(inputScale, inputZeroPoint);
    if (q != kOk)
    {
        return q;
    }
    converter_.configure(format);
    reset();
    configured_ = true;
    return kOk;
}

Status FeatureKernel::set_quantization(float inputScale, int inputZeroPoint)
{
    if (!(inputScale > 0.0f) || inputScale != inputScale || inputScale > 3.40282347e+38f)
    {
        return fail(kBadArgument, "input scale must be a positive finite float");
    }
    if (inputZeroPoint < -128 || inputZeroPoint > 127)
    {
        return fail(kBadArgument, "input zero point must be in -128..127");
    }
    scale_ = inputScale;
    zeroPoint_ = inputZeroPoint;
    return kOk;
}

void FeatureKernel::reset()
{
    converter_.reset();
    framer_.reset();
    window_.reset();
    totalRows_ = 0;
    pushSamples_ = 0;
}

int FeatureKernel::rows_after(size_t count) const
{
    const size_t samples = (static_cast<size_t>(converter_.pendingBytes()) + count) /
                           static_cast<size_t>(converter_.frameBytes());
    const long total = static_cast<long>(framer_.fill()) + static_cast<long>(samples);
    if (framer_.fill() == kWindowSamples)
    {
        // The full window was emitted already; the next sample slides it.
        return Framer::windows_for_samples(total - kHopSamples);
    }
    return Framer::windows_for_samples(total);
}

int FeatureKernel::push_audio(const uint8_t *raw, size_t count, float *rows, int rowsCapacity)
{
    if (!configured_)
    {
        return fail(kNotConfigured, "configure before pushing audio");
    }
    if (raw == nullptr && count > 0)
    {
        return fail(kBadArgument, "audio buffer is null");
    }
    if (rows != nullptr && rows_after(count) > rowsCapacity)
    {
        return fail(kBadArgument, "rows buffer too small for the rows this push produces");
    }

    int newRows = 0;
    size_t offset = 0;
    pushSamples_ = 0;
    pushMin_ = INT16_MAX;
    pushMax_ = INT16_MIN;
    while (offset < count)
    {
        size_t used = 0;
        const int n = converter_.convert(raw + offset, count - offset, chunk_, kChunkSamples, &used);
        offset += used;
        pushSamples_ += n;
        for (int i = 0; i < n; i++)
        {
            const int16_t sample = chunk_[i];
            if (sample < pushMin_)
            {
                pushMin_ = sample;
            }
            if (sample > pushMax_)
            {
                pushMax_ = sample;
            }
            if (!framer_.push(sample))
            {
                continue;
            }
            const Status s = frameFn_(framer_.window(), coefficients_);
            if (s != kOk)
            {
                // The audio stays consumed; the stream resumes cleanly after configure/reset.
                return fail(s, s == kNotImplemented ? "the feature computation is not in this build"
                                                    : "feature computation failed");
            }
            for (int c = 0; c < kCoefficientCount; c++)
            {
                row_[c] = quantize_feature(coefficients_[c], scale_, zeroPoint_);
            }
            window_.push(row_);
            if (rows != nullptr)
            {
                float *dst = rows + newRows * kCoefficientCount;
                for (int c = 0; c < kCoefficientCount; c++)
                {
                    dst[c] = coefficients_[c];
                }
            }
            newRows++;
            if (totalRows_ < 0x7FFFFFFF)
            {
                totalRows_++;
            }
        }
        if (used == 0 && n == 0)
        {
            break; // cannot happen with a valid format; guards against an endless loop
        }
    }
    return newRows;
}
} // namespace va

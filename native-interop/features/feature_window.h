// The model's input window: the newest kWindowFrames int8 rows of kCoefficientCount values, kept as a ring
// so pushing a row costs one row copy. Rows not yet produced read as 0.
#ifndef VA_FEATURE_WINDOW_H
#define VA_FEATURE_WINDOW_H

#include <cstdint>

#include "generated/feature_constants.h"

namespace va
{
// The generated AssistantSettings constants (kWindowSamples, kCoefficientCount, ...) as va::k*.
using namespace voice_assistant::features;

class FeatureWindow
{
  public:
    void reset()
    {
        for (int i = 0; i < kWindowFeatures; i++)
        {
            rows_[i] = 0;
        }
        next_ = 0;
        count_ = 0;
    }

    void push(const int8_t *row)
    {
        int8_t *dst = rows_ + next_ * kCoefficientCount;
        for (int i = 0; i < kCoefficientCount; i++)
        {
            dst[i] = row[i];
        }
        next_ = (next_ + 1) % kWindowFrames;
        if (count_ < kWindowFrames)
        {
            count_++;
        }
    }

    // Copies kWindowFeatures values, frame-major, oldest row first and the newest last; while fewer than
    // kWindowFrames rows exist the leading rows are 0.
    void copy_out(int8_t *dst) const
    {
        // With next_ the oldest slot once full (and the zero rows first before that), one rotation covers both.
        for (int r = 0; r < kWindowFrames; r++)
        {
            const int8_t *src = rows_ + ((next_ + r) % kWindowFrames) * kCoefficientCount;
            for (int i = 0; i < kCoefficientCount; i++)
            {
                dst[r * kCoefficientCount + i] = src[i];
            }
        }
    }

    int rows_available() const { return count_; }

  private:
    int8_t rows_[kWindowFeatures] = {};
    int next_ = 0;
    int count_ = 0;
};
} // namespace va

#endif

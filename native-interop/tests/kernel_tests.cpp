#include <gtest/gtest.h>

#include <vector>

#include "feature_kernel.h"
#include "mfcc.h"

namespace
{
// Test double for the MFCC seam: coefficient c = first sample of the window + c, so rows identify windows.
va::Status first_sample_features(const int16_t *window, float *coefficients)
{
    for (int c = 0; c < va::kCoefficientCount; c++)
    {
        coefficients[c] = static_cast<float>(window[0]) + static_cast<float>(c);
    }
    return va::kOk;
}

std::vector<uint8_t> mono16(int samples)
{
    std::vector<uint8_t> bytes;
    for (int i = 0; i < samples; i++)
    {
        const int16_t s = static_cast<int16_t>(i / 320); // window start / 320 = window index
        bytes.push_back(static_cast<uint8_t>(s & 0xFF));
        bytes.push_back(static_cast<uint8_t>((s >> 8) & 0xFF));
    }
    return bytes;
}

va::PcmFormat mono16_format()
{
    return va::PcmFormat{};
}
} // namespace

TEST(Kernel, OneSecondGives49RowsWhateverTheChunking)
{
    const std::vector<uint8_t> audio = mono16(16000);
    for (size_t chunk : {size_t(1), size_t(639), size_t(640), size_t(641), size_t(32000)})
    {
        va::FeatureKernel k;
        k.set_frame_function(first_sample_features);
        ASSERT_EQ(k.configure(mono16_format(), 1.0f, -100), va::kOk);
        int rows = 0;
        for (size_t pos = 0; pos < audio.size(); pos += chunk)
        {
            const int r = k.push_audio(audio.data() + pos, std::min(chunk, audio.size() - pos));
            ASSERT_GE(r, 0);
            rows += r;
        }
        EXPECT_EQ(rows, 49) << chunk;
        EXPECT_EQ(k.total_rows(), 49);
        std::vector<int8_t> out(va::kWindowFeatures);
        k.window().copy_out(out.data());
        for (int r = 0; r < va::kWindowFrames; r++)
        {
            for (int c = 0; c < va::kCoefficientCount; c++)
            {
                // window r starts at sample 320 r, whose value is r; feature r + c quantised with zp -100.
                ASSERT_EQ(out[static_cast<size_t>(r * va::kCoefficientCount + c)], r + c - 100) << r << "," << c;
            }
        }
    }
}

TEST(Kernel, NotConfiguredAndBadFormat)
{
    va::FeatureKernel k;
    const uint8_t b[2] = {0, 0};
    EXPECT_EQ(k.push_audio(b, 2), va::kNotConfigured);
    va::PcmFormat f;
    f.slotBytes = 5;
    EXPECT_EQ(k.configure(f, 1.0f, 0), va::kBadArgument);
    EXPECT_FALSE(k.configured());
    EXPECT_EQ(k.configure(va::PcmFormat{}, 0.0f, 0), va::kBadArgument);
    EXPECT_EQ(k.configure(va::PcmFormat{}, 1.0f, 128), va::kBadArgument);
}

TEST(Kernel, ProductionMfccRowsAndFloatRowsOut)
{
    va::FeatureKernel k; // production frame function: mfcc_compute_frame
    ASSERT_EQ(k.configure(va::PcmFormat{}, 1.0f, 0), va::kOk);
    const std::vector<uint8_t> audio = mono16(1120);
    float rows[2 * va::kCoefficientCount];
    EXPECT_EQ(k.rows_after(958), 0);
    EXPECT_EQ(k.push_audio(audio.data(), 958, rows, 0), 0); // 479 samples: no window yet
    EXPECT_EQ(k.rows_after(2), 1);
    EXPECT_EQ(k.push_audio(audio.data() + 958, 2, rows, 0), va::kBadArgument); // no room: nothing consumed
    EXPECT_EQ(k.push_audio(audio.data() + 958, 2, rows, 1), 1);
    EXPECT_EQ(k.rows_available(), 1);
    // The first window holds samples 0..479 (value i / 320): the float row equals the stateless frame
    // function's result on the same samples.
    int16_t first[va::kWindowSamples];
    for (int i = 0; i < va::kWindowSamples; i++)
    {
        first[i] = static_cast<int16_t>(i / 320);
    }
    float expected[va::kCoefficientCount];
    ASSERT_EQ(va::mfcc_compute_frame(first, expected), va::kOk);
    for (int c = 0; c < va::kCoefficientCount; c++)
    {
        EXPECT_EQ(rows[c], expected[c]) << c;
    }
    // 640 more bytes (320 samples) give exactly one row more; the row after that needs 320 more samples.
    EXPECT_EQ(k.rows_after(640), 1);
    EXPECT_EQ(k.rows_after(639), 0);
    EXPECT_EQ(k.push_audio(audio.data() + 960, 640, rows, 1), 1);
    EXPECT_EQ(k.rows_after(1278), 1);
    EXPECT_EQ(k.rows_after(1280), 2);
}

TEST(Kernel, ResetForgetsAudioAndRows)
{
    va::FeatureKernel k;
    k.set_frame_function(first_sample_features);
    ASSERT_EQ(k.configure(va::PcmFormat{}, 1.0f, 0), va::kOk);
    const std::vector<uint8_t> audio = mono16(800);
    EXPECT_EQ(k.push_audio(audio.data(), 959), 0); // 479.5 samples
    k.reset();
    EXPECT_EQ(k.push_audio(audio.data(), 2), 0);
    EXPECT_EQ(k.push_audio(audio.data() + 2, 958), 1); // exactly 480 after reset
    EXPECT_EQ(k.rows_available(), 1);
}

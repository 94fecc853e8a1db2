// Exercises the C ABI the .NET tests will P/Invoke, through the shared library itself.
#include <gtest/gtest.h>

#include <vector>

#include "../host/va_host_api.h"

TEST(HostApi, PcmConvertAndQuantize)
{
    const uint8_t raw[] = {0x00, 0x56, 0x34, 0x12, 0x00, 0x00, 0x00, 0x80};
    int16_t out[2];
    EXPECT_EQ(va_pcm_convert(raw, 8, 4, 1, 0, 16, out, 2), 2);
    EXPECT_EQ(out[0], 0x1234);
    EXPECT_EQ(out[1], -32768);
    EXPECT_EQ(va_pcm_convert(raw, 8, 5, 1, 0, 16, out, 2), -2);
    const float f[3] = {2.5f, -2.5f, 1000.0f};
    int8_t q[3];
    EXPECT_EQ(va_quantize(f, 3, 1.0f, 0, q), 3);
    EXPECT_EQ(q[0], 3);
    EXPECT_EQ(q[1], -3);
    EXPECT_EQ(q[2], 127);
}

TEST(HostApi, MfccFrameAndStages)
{
    std::vector<int16_t> w(480, 0);
    float c[40];
    EXPECT_EQ(va_mfcc_compute_frame(w.data(), c), 0);
    EXPECT_EQ(va_mfcc_compute_frame(nullptr, c), -2);
    const float in[2] = {4.0f, 1.0f};
    float out[2];
    EXPECT_EQ(va_float_math(0, in, 2, out), 2);
    EXPECT_EQ(out[0], 2.0f);
    EXPECT_EQ(va_float_math(1, in, 2, out), 2);
    EXPECT_EQ(out[1], 0.0f);
    EXPECT_EQ(va_float_math(2, in, 2, out), -2);
}

TEST(HostApi, PcmStreamCarriesPartialFrames)
{
    const uint8_t raw[] = {0x34, 0x12, 0xFF, 0x7F, 0x00};
    int16_t out[3];
    EXPECT_EQ(va_pcm_stream_configure(5, 1, 0, 0), -2);
    EXPECT_EQ(va_pcm_stream_convert(raw, 1, out, 3), -1); // the failed configure leaves it unconfigured
    ASSERT_EQ(va_pcm_stream_configure(2, 1, 0, 0), 0);
    EXPECT_EQ(va_pcm_stream_convert(raw, 1, out, 3), 0);
    EXPECT_EQ(va_pcm_stream_convert(raw + 1, 4, out, 1), -2); // two frames complete, room for one
    EXPECT_EQ(va_pcm_stream_convert(raw + 1, 4, out, 3), 2);
    EXPECT_EQ(out[0], 0x1234);
    EXPECT_EQ(out[1], 0x7FFF);
}

TEST(HostApi, EngineRoundTrip)
{
    EXPECT_EQ(va_host_abi_version(), 3);
    int32_t cfg[9] = {2, 1, 0, 0, 1, 49, 40, 0x3F800000 /* 1.0f */, 0};
    EXPECT_EQ(va_engine_configure(cfg, 9), 0);
    int32_t info[11];
    EXPECT_EQ(va_engine_get_info(info, 11), 0);
    EXPECT_EQ(info[4], 0x3F800000);
    const uint8_t raw[4] = {1, 0, 2, 0};
    EXPECT_EQ(va_engine_push_audio(raw, 4, 0, 4), 0);
    EXPECT_EQ(va_engine_reset(), 0);
    uint8_t msg[128];
    EXPECT_GE(va_engine_get_last_error(msg, 128), 0);
    std::vector<int8_t> win(1960);
    EXPECT_EQ(va_engine_get_features(win.data(), 1960), 0);
}

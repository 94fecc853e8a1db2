#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "va_engine.h"

namespace
{
std::vector<int> good_config()
{
    std::vector<int> c(va::kConfigLength, 0);
    c[va::kCfgSlotBytes] = 4;
    c[va::kCfgChannelsPerFrame] = 2;
    c[va::kCfgChannel] = 1;
    c[va::kCfgSampleShift] = 16;
    c[va::kCfgFeatureVersion] = va::kFeatureVersion;
    c[va::kCfgWindowFrames] = 49;
    c[va::kCfgCoefficientCount] = 40;
    c[va::kCfgInputScaleBits] = va::float_to_bits(0.5f);
    c[va::kCfgInputZeroPoint] = -128;
    return c;
}

std::string last_error(va::Engine &e)
{
    uint8_t buf[va::kMaxMessageBytes];
    const int n = e.get_last_error(buf, sizeof buf);
    return std::string(reinterpret_cast<const char *>(buf), static_cast<size_t>(n));
}
} // namespace

TEST(Engine, ConfigureValidatesLayoutAndShape)
{
    va::Engine e;
    std::vector<int> c = good_config();
    EXPECT_EQ(e.configure(c.data(), c.size() - 1), va::kBadArgument);
    EXPECT_EQ(e.configure(nullptr, 0), va::kBadArgument);
    c[va::kCfgFeatureVersion] = 99;
    EXPECT_EQ(e.configure(c.data(), c.size()), va::kFeatureMismatch);
    EXPECT_NE(last_error(e).find("feature version"), std::string::npos);
    c = good_config();
    c[va::kCfgWindowFrames] = 50;
    EXPECT_EQ(e.configure(c.data(), c.size()), va::kFeatureMismatch);
    c = good_config();
    c[va::kCfgChannel] = 2;
    EXPECT_EQ(e.configure(c.data(), c.size()), va::kBadArgument);
    c = good_config();
    EXPECT_EQ(e.configure(c.data(), c.size()), va::kOk);
}

TEST(Engine, InfoReportsTheContractLayout)
{
    va::Engine e;
    std::vector<int> info(va::kInfoLength, -7);
    EXPECT_EQ(e.get_info(info.data(), info.size() - 1), va::kBadArgument);
    ASSERT_EQ(e.get_info(info.data(), info.size()), va::kOk);
    EXPECT_EQ(info[va::kInfoNativeVersion], 2);
    EXPECT_EQ(info[va::kInfoFlags] & va::kFlagConfigured, 0);
    const std::vector<int> c = good_config();
    ASSERT_EQ(e.configure(c.data(), c.size()), va::kOk);
    ASSERT_EQ(e.get_info(info.data(), info.size()), va::kOk);
    EXPECT_EQ(info[va::kInfoFeatureVersion], va::kFeatureVersion);
    EXPECT_EQ(info[va::kInfoFlags], va::kFlagConfigured | va::kFlagHasMfcc); // no TFLM yet
    EXPECT_EQ(va::bits_to_float(info[va::kInfoInputScaleBits]), 0.5f);
    EXPECT_EQ(info[va::kInfoInputZeroPoint], -128);
    EXPECT_EQ(info[va::kInfoRowsAvailable], 0);
    EXPECT_EQ(info[va::kInfoLabelCount], 0);
    EXPECT_EQ(info[va::kInfoArenaBytesUsed], 0);
}

TEST(Engine, PushAudioChecksBounds)
{
    va::Engine e;
    uint8_t raw[16] = {};
    EXPECT_EQ(e.push_audio(raw, sizeof raw, 0, 8), va::kNotConfigured);
    const std::vector<int> c = good_config();
    ASSERT_EQ(e.configure(c.data(), c.size()), va::kOk);
    EXPECT_EQ(e.push_audio(raw, sizeof raw, -1, 4), va::kBadArgument);
    EXPECT_EQ(e.push_audio(raw, sizeof raw, 0, -1), va::kBadArgument);
    EXPECT_EQ(e.push_audio(raw, sizeof raw, 10, 7), va::kBadArgument);
    EXPECT_EQ(e.push_audio(raw, sizeof raw, 17, 0), va::kBadArgument);
    EXPECT_EQ(e.push_audio(nullptr, 0, 0, 0), va::kBadArgument);
    EXPECT_EQ(e.push_audio(raw, sizeof raw, 16, 0), 0);
    EXPECT_EQ(e.push_audio(raw, sizeof raw, 8, 8), 0);
}

TEST(Engine, LevelsAreTheLowestAndHighestSampleOfTheLastPush)
{
    va::Engine e;
    const std::vector<int> c = good_config();
    ASSERT_EQ(e.configure(c.data(), c.size()), va::kOk);
    int levels[2] = {-7, -7};
    EXPECT_EQ(e.get_levels(levels, 1), va::kBadArgument);
    EXPECT_EQ(e.get_levels(levels, 2), 0); // nothing pushed yet
    EXPECT_EQ(levels[0], 0);
    EXPECT_EQ(levels[1], 0);

    // Three stereo frames of 32-bit slots; the microphone is slot 1, its sample the slot's top 16 bits (shift 16):
    // 1000 (0x03E8), -2000 (0xF830), 300 (0x012C). Slot 0 carries the extremes, which must not count.
    const uint8_t raw[24] = {
        0x00, 0x00, 0xFF, 0x7F, 0x34, 0x12, 0xE8, 0x03, //
        0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x30, 0xF8, //
        0x00, 0x00, 0xFF, 0x7F, 0xFF, 0xFF, 0x2C, 0x01,
    };
    ASSERT_EQ(e.push_audio(raw, sizeof raw, 0, 24), 0);
    EXPECT_EQ(e.get_levels(levels, 2), 3);
    EXPECT_EQ(levels[0], -2000);
    EXPECT_EQ(levels[1], 1000);

    // Only the last push counts: the third frame alone.
    ASSERT_EQ(e.push_audio(raw, sizeof raw, 16, 8), 0);
    EXPECT_EQ(e.get_levels(levels, 2), 1);
    EXPECT_EQ(levels[0], 300);
    EXPECT_EQ(levels[1], 300);

    // Half a frame converts nothing: no samples, levels 0; reset forgets the last push.
    ASSERT_EQ(e.push_audio(raw, sizeof raw, 0, 4), 0);
    EXPECT_EQ(e.get_levels(levels, 2), 0);
    EXPECT_EQ(levels[0], 0);
    ASSERT_EQ(e.push_audio(raw, sizeof raw, 4, 4), 0); // completes the frame: 1000
    EXPECT_EQ(e.get_levels(levels, 2), 1);
    EXPECT_EQ(levels[1], 1000);
    ASSERT_EQ(e.reset(), va::kOk);
    EXPECT_EQ(e.get_levels(levels, 2), 0);
}

TEST(Engine, ModelCallsSayTflmIsMissing)
{
    va::Engine e;
    uint8_t model[32] = {};
    int8_t scores[4] = {};
    EXPECT_EQ(e.load_model(model, sizeof model, 30 * 1024), va::kNotBuiltWithTflm);
    EXPECT_NE(last_error(e).find("TensorFlow Lite Micro"), std::string::npos);
    EXPECT_EQ(e.invoke(scores, 4), va::kNotBuiltWithTflm);
    EXPECT_EQ(e.load_model(model, sizeof model, 0), va::kBadArgument);
    EXPECT_EQ(e.invoke(scores, 0), va::kBadArgument);
}

TEST(Engine, FeaturesAndErrorMessageCopyOut)
{
    va::Engine e;
    std::vector<int8_t> window(va::kWindowFeatures, 5);
    EXPECT_EQ(e.get_features(window.data(), window.size() - 1), va::kBadArgument);
    EXPECT_EQ(e.get_features(window.data(), window.size()), 0);
    EXPECT_EQ(window[0], 0);
    uint8_t small[4];
    EXPECT_EQ(e.get_last_error(small, sizeof small), 4); // truncated, no terminator
    EXPECT_EQ(e.get_last_error(nullptr, 0), 0);
}

// Expected values are derived by hand from the spec: slot -> sign-extended int32 -> arithmetic >> shift
// -> saturate to int16.
#include <gtest/gtest.h>

#include <vector>

#include "pcm.h"

namespace
{
std::vector<int16_t> convert_all(const va::PcmFormat &format, const std::vector<uint8_t> &bytes)
{
    va::PcmConverter c;
    c.configure(format);
    std::vector<int16_t> out(bytes.size());
    size_t used = 0;
    const int n = c.convert(bytes.data(), bytes.size(), out.data(), static_cast<int>(out.size()), &used);
    EXPECT_EQ(used, bytes.size());
    out.resize(static_cast<size_t>(n));
    return out;
}

va::PcmFormat fmt(int slot, int channels, int channel, int shift)
{
    va::PcmFormat f;
    f.slotBytes = slot;
    f.channelsPerFrame = channels;
    f.channel = channel;
    f.sampleShift = shift;
    return f;
}
} // namespace

TEST(Pcm, Int16MonoPassesThrough)
{
    EXPECT_EQ(convert_all(fmt(2, 1, 0, 0), {0xFF, 0x7F, 0x00, 0x80, 0x34, 0x12, 0xFF, 0xFF}),
              (std::vector<int16_t>{32767, -32768, 0x1234, -1}));
}

TEST(Pcm, Inmp441TopSixteenBitsWithShift16)
{
    // 24-bit 0x123456 left-aligned in a 32-bit slot = 0x12345600; 24-bit -1000 -> 0xFFFC1800 = -256000.
    EXPECT_EQ(convert_all(fmt(4, 1, 0, 16), {0x00, 0x56, 0x34, 0x12, 0x00, 0x18, 0xFC, 0xFF, 0x00, 0x00, 0x00, 0x80}),
              (std::vector<int16_t>{0x1234, -4, -32768})); // -256000/65536 = -3.9 floors to -4
}

TEST(Pcm, Inmp441Shift14AddsGainAndSaturates)
{
    // 0x12345600 >> 14 = 0x48D1 = 18641 (4x the shift-16 value plus the next two bits); 24-bit max
    // 0x7FFFFF00 >> 14 = 131071 saturates; -256000 >> 14 = -15.6 floors to -16; 0x00004000 >> 14 = 1;
    // 0x80000000 >> 14 = -131072 saturates.
    EXPECT_EQ(convert_all(fmt(4, 1, 0, 14), {0x00, 0x56, 0x34, 0x12, 0x00, 0xFF, 0xFF, 0x7F, 0x00, 0x18, 0xFC, 0xFF,
                                             0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80}),
              (std::vector<int16_t>{18641, 32767, -16, 1, -32768}));
}

TEST(Pcm, Sph0645EighteenBitMsbAligned)
{
    // 18-bit 131071 << 14 = 0x7FFFC000 -> >>16 = 32767; 18-bit -2 << 14 = 0xFFFF8000 = -32768 -> >>16 = -1.
    EXPECT_EQ(convert_all(fmt(4, 1, 0, 16), {0x00, 0xC0, 0xFF, 0x7F, 0x00, 0x80, 0xFF, 0xFF}),
              (std::vector<int16_t>{32767, -1}));
}

TEST(Pcm, StereoPicksTheConfiguredChannel)
{
    const std::vector<uint8_t> lr = {0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0xFC, 0xFF};
    EXPECT_EQ(convert_all(fmt(2, 2, 0, 0), lr), (std::vector<int16_t>{1, 3}));
    EXPECT_EQ(convert_all(fmt(2, 2, 1, 0), lr), (std::vector<int16_t>{2, -4}));
}

TEST(Pcm, Stereo32BitRightChannel)
{
    // Left slots hold garbage; right slots 0x00010000 (-> 1) and 0xFFFF0000 (-> -1).
    EXPECT_EQ(convert_all(fmt(4, 2, 1, 16), {0x11, 0x22, 0x33, 0x44, 0x00, 0x00, 0x01, 0x00, 0x55, 0x66, 0x77, 0x08,
                                             0x00, 0x00, 0xFF, 0xFF}),
              (std::vector<int16_t>{1, -1}));
}

TEST(Pcm, Packed24Bit)
{
    // 0x123456 >> 8 = 0x1234; 0xFFFFFF = -1 >> 8 = -1; 0x800000 = -8388608 >> 8 = -32768.
    EXPECT_EQ(convert_all(fmt(3, 1, 0, 8), {0x56, 0x34, 0x12, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x80}),
              (std::vector<int16_t>{0x1234, -1, -32768}));
    // Without a shift, 24-bit values saturate.
    EXPECT_EQ(convert_all(fmt(3, 1, 0, 0), {0x56, 0x34, 0x12, 0x00, 0x00, 0x80, 0x10, 0x00, 0x00}),
              (std::vector<int16_t>{32767, -32768, 16}));
}

TEST(Pcm, ChunkSplitsCarryPartialFrames)
{
    const va::PcmFormat f = fmt(4, 2, 1, 16);
    std::vector<uint8_t> bytes;
    for (int i = 0; i < 40; i++)
    {
        const int32_t right = (i * 977 - 20000) * 65536;
        const uint32_t u = static_cast<uint32_t>(right);
        const uint8_t frame[8] = {0xAA, 0xBB, 0xCC, 0xDD, static_cast<uint8_t>(u), static_cast<uint8_t>(u >> 8),
                                  static_cast<uint8_t>(u >> 16), static_cast<uint8_t>(u >> 24)};
        bytes.insert(bytes.end(), frame, frame + 8);
    }
    for (size_t chunk : {size_t(1), size_t(3), size_t(5), size_t(7), size_t(13)})
    {
        va::PcmConverter c;
        c.configure(f);
        std::vector<int16_t> got;
        int16_t out[16];
        for (size_t pos = 0; pos < bytes.size(); pos += chunk)
        {
            const size_t n = std::min(chunk, bytes.size() - pos);
            size_t done = 0;
            while (done < n)
            {
                size_t used = 0;
                const int k = c.convert(bytes.data() + pos + done, n - done, out, 16, &used);
                got.insert(got.end(), out, out + k);
                done += used;
            }
        }
        ASSERT_EQ(got.size(), 40u) << "chunk " << chunk;
        for (int i = 0; i < 40; i++)
        {
            EXPECT_EQ(got[static_cast<size_t>(i)], i * 977 - 20000) << "chunk " << chunk << " sample " << i;
        }
        EXPECT_EQ(c.pendingBytes(), 0);
    }
}

TEST(Pcm, CapacityLimitLeavesTheRestUnconsumed)
{
    va::PcmConverter c;
    c.configure(fmt(2, 1, 0, 0));
    const uint8_t bytes[] = {1, 0, 2, 0, 3, 0, 4};
    int16_t out[2];
    size_t used = 0;
    EXPECT_EQ(c.convert(bytes, sizeof bytes, out, 2, &used), 2);
    EXPECT_EQ(used, 4u);
    EXPECT_EQ(c.convert(bytes + used, sizeof bytes - used, out, 2, &used), 1);
    EXPECT_EQ(out[0], 3);
    EXPECT_EQ(c.pendingBytes(), 1);
}

TEST(Pcm, FormatValidation)
{
    EXPECT_TRUE(va::pcm_format_valid(fmt(2, 1, 0, 0)));
    EXPECT_TRUE(va::pcm_format_valid(fmt(4, 2, 1, 31)));
    EXPECT_FALSE(va::pcm_format_valid(fmt(1, 1, 0, 0)));
    EXPECT_FALSE(va::pcm_format_valid(fmt(5, 1, 0, 0)));
    EXPECT_FALSE(va::pcm_format_valid(fmt(2, 3, 0, 0)));
    EXPECT_FALSE(va::pcm_format_valid(fmt(2, 1, 1, 0)));
    EXPECT_FALSE(va::pcm_format_valid(fmt(2, 1, 0, 32)));
    EXPECT_FALSE(va::pcm_format_valid(fmt(2, 1, 0, -1)));
}

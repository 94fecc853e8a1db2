#include <gtest/gtest.h>

#include <vector>

#include "feature_window.h"
#include "framer.h"

namespace
{
void push_row(va::FeatureWindow &w, int id)
{
    int8_t row[va::kCoefficientCount];
    for (int c = 0; c < va::kCoefficientCount; c++)
    {
        row[c] = static_cast<int8_t>((id * 7 + c) % 251 - 125);
    }
    w.push(row);
}

int8_t expected(int id, int c)
{
    return static_cast<int8_t>((id * 7 + c) % 251 - 125);
}
} // namespace

TEST(Window, PartialWindowHasLeadingZeroRowsAndNewestLast)
{
    va::FeatureWindow w;
    w.reset();
    for (int id = 1; id <= 3; id++)
    {
        push_row(w, id);
    }
    EXPECT_EQ(w.rows_available(), 3);
    std::vector<int8_t> out(va::kWindowFeatures, 99);
    w.copy_out(out.data());
    for (int r = 0; r < va::kWindowFrames - 3; r++)
    {
        for (int c = 0; c < va::kCoefficientCount; c++)
        {
            ASSERT_EQ(out[static_cast<size_t>(r * va::kCoefficientCount + c)], 0);
        }
    }
    for (int k = 0; k < 3; k++)
    {
        const int r = va::kWindowFrames - 3 + k;
        for (int c = 0; c < va::kCoefficientCount; c++)
        {
            ASSERT_EQ(out[static_cast<size_t>(r * va::kCoefficientCount + c)], expected(k + 1, c));
        }
    }
}

TEST(Window, SlidesKeepingTheNewest49RowsOldestFirst)
{
    va::FeatureWindow w;
    w.reset();
    for (int id = 1; id <= 60; id++)
    {
        push_row(w, id);
    }
    EXPECT_EQ(w.rows_available(), va::kWindowFrames);
    std::vector<int8_t> out(va::kWindowFeatures);
    w.copy_out(out.data());
    for (int r = 0; r < va::kWindowFrames; r++)
    {
        const int id = 60 - va::kWindowFrames + 1 + r; // 12..60
        for (int c = 0; c < va::kCoefficientCount; c++)
        {
            ASSERT_EQ(out[static_cast<size_t>(r * va::kCoefficientCount + c)], expected(id, c)) << r;
        }
    }
    w.reset();
    EXPECT_EQ(w.rows_available(), 0);
    w.copy_out(out.data());
    for (int8_t v : out)
    {
        ASSERT_EQ(v, 0);
    }
}

TEST(Framing, CountsFollow480Then320)
{
    EXPECT_EQ(va::Framer::windows_for_samples(0), 0);
    EXPECT_EQ(va::Framer::windows_for_samples(479), 0);
    EXPECT_EQ(va::Framer::windows_for_samples(480), 1);
    EXPECT_EQ(va::Framer::windows_for_samples(799), 1);
    EXPECT_EQ(va::Framer::windows_for_samples(800), 2);
    EXPECT_EQ(va::Framer::windows_for_samples(16000), 49);
}

TEST(Framing, WindowsStartEvery320Samples)
{
    va::Framer f;
    std::vector<int> readyAt;
    for (int i = 0; i < 16000; i++)
    {
        if (f.push(static_cast<int16_t>(i % 30000)))
        {
            readyAt.push_back(i);
            const int start = i + 1 - va::kWindowSamples;
            ASSERT_EQ(start % va::kHopSamples, 0);
            for (int k = 0; k < va::kWindowSamples; k++)
            {
                ASSERT_EQ(f.window()[k], static_cast<int16_t>((start + k) % 30000));
            }
        }
    }
    ASSERT_EQ(readyAt.size(), 49u);
    EXPECT_EQ(readyAt.front(), 479);
    EXPECT_EQ(readyAt.back(), 479 + 48 * 320);
}

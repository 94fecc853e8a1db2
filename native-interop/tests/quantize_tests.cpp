// Expected values follow the spec by hand: v = f/scale, clamp ±1000, truncate, round half away from zero by
// the fraction, add zero point, saturate to int8.
#include <gtest/gtest.h>

#include <limits>

#include "quantize.h"

TEST(Quantize, RoundsHalfAwayFromZero)
{
    EXPECT_EQ(va::quantize_feature(0.5f, 1.0f, 0), 1);
    EXPECT_EQ(va::quantize_feature(-0.5f, 1.0f, 0), -1);
    EXPECT_EQ(va::quantize_feature(1.5f, 1.0f, 0), 2);
    EXPECT_EQ(va::quantize_feature(2.5f, 1.0f, 0), 3);
    EXPECT_EQ(va::quantize_feature(-2.5f, 1.0f, 0), -3);
    EXPECT_EQ(va::quantize_feature(0.49999997f, 1.0f, 0), 0);
    EXPECT_EQ(va::quantize_feature(-0.49999997f, 1.0f, 0), 0);
    EXPECT_EQ(va::quantize_feature(2.4f, 1.0f, 0), 2);
    EXPECT_EQ(va::quantize_feature(-2.6f, 1.0f, 0), -3);
}

TEST(Quantize, DividesByScaleAndAddsZeroPoint)
{
    EXPECT_EQ(va::quantize_feature(10.0f, 0.5f, -128), -108);
    EXPECT_EQ(va::quantize_feature(0.0f, 0.25f, -128), -128);
    EXPECT_EQ(va::quantize_feature(-3.0f, 2.0f, 5), 3); // -1.5 -> -2, +5
}

TEST(Quantize, Saturates)
{
    EXPECT_EQ(va::quantize_feature(200.0f, 1.0f, 0), 127);
    EXPECT_EQ(va::quantize_feature(-200.0f, 1.0f, 0), -128);
    EXPECT_EQ(va::quantize_feature(100.0f, 1.0f, 100), 127);
    EXPECT_EQ(va::quantize_feature(1e30f, 1e-10f, 0), 127);
    EXPECT_EQ(va::quantize_feature(-1e30f, 1e-10f, 127), -128); // clamped to -1000, +127 = -873 -> -128
    EXPECT_EQ(va::quantize_feature(std::numeric_limits<float>::infinity(), 1.0f, 0), 127);
}

TEST(Quantize, ClampIsAppliedBeforeTheZeroPoint)
{
    // ±1000 after clamping, then the zero point, then int8 saturation.
    EXPECT_EQ(va::quantize_feature(1000.4f, 1.0f, -128), 127);
    EXPECT_EQ(va::quantize_feature(-1000.4f, 1.0f, 127), -128);
}

TEST(Quantize, NanMapsToTheLowEnd)
{
    EXPECT_EQ(va::quantize_feature(std::numeric_limits<float>::quiet_NaN(), 1.0f, 0), -128);
}

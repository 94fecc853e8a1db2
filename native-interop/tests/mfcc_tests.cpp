// The MFCC port against independent references: values derived by hand (tone amplitude, log floor) and a
// double-precision MFCC written here from the TensorFlow speech_commands definitions (periodic Hann, direct
// DFT, triangular mel bands between 20 and 4000 Hz, ln, DCT-II). Bit equality with the C# core is proven
// separately by tests/VoiceAssistant.Native.Tests.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "mfcc.h"

namespace
{
constexpr double kPi = 3.14159265358979323846;
constexpr int kBins = 257;
constexpr double kHzPerBin = 16000.0 / 512.0;

double mel(double hz)
{
    return 1127.0 * std::log(1.0 + hz / 700.0);
}

// Peak of mel band j (TF: center_frequencies_[j]); j = -1 is the lower edge, j = 40 the upper.
double center(int j)
{
    const double lo = mel(20.0);
    const double hi = mel(4000.0);
    return lo + (hi - lo) / 41.0 * (j + 1);
}

double triangle(int j, double m)
{
    const double l = center(j - 1);
    const double c = center(j);
    const double r = center(j + 1);
    if (m <= l || m >= r)
    {
        return 0.0;
    }
    return m <= c ? (m - l) / (c - l) : (r - m) / (r - c);
}

struct Reference
{
    std::vector<double> magnitude = std::vector<double>(kBins);
    std::vector<double> logMel = std::vector<double>(40);
    std::vector<double> coefficients = std::vector<double>(40);
};

Reference reference_frame(const std::vector<int16_t> &s)
{
    Reference r;
    std::vector<double> x(512, 0.0);
    for (int n = 0; n < 480; n++)
    {
        x[n] = s[n] / 32768.0 * (0.5 - 0.5 * std::cos(2.0 * kPi * n / 480.0));
    }
    for (int k = 0; k < kBins; k++)
    {
        double re = 0.0;
        double im = 0.0;
        for (int n = 0; n < 512; n++)
        {
            re += x[n] * std::cos(2.0 * kPi * k * n / 512.0);
            im -= x[n] * std::sin(2.0 * kPi * k * n / 512.0);
        }
        r.magnitude[k] = std::sqrt(re * re + im * im);
    }
    const int start = static_cast<int>(1.5 + 20.0 / kHzPerBin);
    const int end = static_cast<int>(4000.0 / kHzPerBin);
    for (int j = 0; j < 40; j++)
    {
        double e = 0.0;
        for (int k = start; k <= end; k++)
        {
            e += triangle(j, mel(k * kHzPerBin)) * r.magnitude[k];
        }
        r.logMel[j] = std::log(e < 1e-12 ? 1e-12 : e);
    }
    for (int i = 0; i < 40; i++)
    {
        double sum = 0.0;
        for (int j = 0; j < 40; j++)
        {
            sum += std::sqrt(2.0 / 40.0) * std::cos(kPi * i * (j + 0.5) / 40.0) * r.logMel[j];
        }
        r.coefficients[i] = sum;
    }
    return r;
}

std::vector<int16_t> tone(double hz, double amplitude)
{
    std::vector<int16_t> s(480);
    for (int n = 0; n < 480; n++)
    {
        s[n] = static_cast<int16_t>(std::lround(amplitude * 32767.0 * std::sin(2.0 * kPi * hz * n / 16000.0)));
    }
    return s;
}

std::vector<int16_t> noise(unsigned seed, int amplitude)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> d(-amplitude, amplitude);
    std::vector<int16_t> s(480);
    for (auto &v : s)
    {
        v = static_cast<int16_t>(d(rng));
    }
    return s;
}

int argmax(const float *v, int n)
{
    int best = 0;
    for (int i = 1; i < n; i++)
    {
        if (v[i] > v[best])
        {
            best = i;
        }
    }
    return best;
}
} // namespace

TEST(FloatMath, SqrtWithinOneUlpAndSpecialValues)
{
    std::mt19937 rng(1);
    std::uniform_int_distribution<uint32_t> bits(1u, 0x7F7FFFFFu); // every positive finite float, denormals too
    for (int i = 0; i < 200000; i++)
    {
        const uint32_t b = bits(rng);
        float x;
        std::memcpy(&x, &b, sizeof x);
        const float got = va::float_sqrt(x);
        const float want = std::sqrt(x); // correctly rounded
        ASSERT_LE(std::fabs(got - want), std::fabs(std::nextafter(want, 0.0f) - want)) << x;
    }
    EXPECT_EQ(va::float_sqrt(4.0f), 2.0f);
    EXPECT_EQ(va::float_sqrt(0.0f), 0.0f);
    EXPECT_EQ(va::float_sqrt(-1.0f), 0.0f);
    EXPECT_EQ(va::float_sqrt(std::numeric_limits<float>::infinity()), std::numeric_limits<float>::infinity());
    EXPECT_TRUE(std::isnan(va::float_sqrt(std::numeric_limits<float>::quiet_NaN())));
}

TEST(FloatMath, LogAgainstDoubleAndSpecialValues)
{
    std::mt19937 rng(2);
    std::uniform_int_distribution<uint32_t> bits(1u, 0x7F7FFFFFu);
    for (int i = 0; i < 200000; i++)
    {
        const uint32_t b = bits(rng);
        float x;
        std::memcpy(&x, &b, sizeof x);
        const double want = std::log(static_cast<double>(x));
        const double err = std::fabs(va::float_log(x) - want);
        // The C# documentation's bound: 1e-6 absolute for |ln x| < 8, about 3e-7 |ln x| beyond.
        ASSERT_LE(err, std::fabs(want) < 8.0 ? 1e-6 : 3.5e-7 * std::fabs(want)) << x;
    }
    EXPECT_EQ(va::float_log(1.0f), 0.0f);
    EXPECT_EQ(va::float_log(0.0f), -std::numeric_limits<float>::infinity());
    EXPECT_EQ(va::float_log(-2.0f), -std::numeric_limits<float>::infinity());
    EXPECT_EQ(va::float_log(std::numeric_limits<float>::infinity()), std::numeric_limits<float>::infinity());
    EXPECT_NEAR(va::float_log(1e-12f), -27.6310211, 2e-5);
}

TEST(Fft, MatchesADoubleDft)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> d(-1.0f, 1.0f);
    std::vector<float> x(512);
    for (auto &v : x)
    {
        v = d(rng);
    }
    static va::Mfcc m;
    std::vector<float> re(kBins);
    std::vector<float> im(kBins);
    m.fft_forward(x.data(), re.data(), im.data());
    for (int k = 0; k < kBins; k++)
    {
        double wr = 0.0;
        double wi = 0.0;
        for (int n = 0; n < 512; n++)
        {
            wr += x[n] * std::cos(2.0 * kPi * k * n / 512.0);
            wi -= x[n] * std::sin(2.0 * kPi * k * n / 512.0);
        }
        // |X| ~ sqrt(512 / 3) ~ 13; float FFT error ~ 1e-5.
        ASSERT_NEAR(re[k], wr, 1e-4) << k;
        ASSERT_NEAR(im[k], wi, 1e-4) << k;
    }
}

TEST(Mfcc, ToneLandsInItsBinAndBand)
{
    // 1000 Hz is exactly bin 32 of a 512-point FFT at 16 kHz. By hand: |X[32]| = A/2 * sum(hann) =
    // 0.5 / 2 * 240 = 60 (A = 0.5; the periodic Hann over 480 samples sums to 240).
    static va::Mfcc m;
    float c[40];
    m.compute_frame(tone(1000.0, 0.5).data(), c);
    EXPECT_EQ(argmax(m.magnitude(), kBins), 32);
    EXPECT_NEAR(m.magnitude()[32], 60.0, 0.05);
    // The band whose triangle peaks nearest mel(1000 Hz) collects the most energy.
    int nearest = 0;
    for (int j = 1; j < 40; j++)
    {
        if (std::fabs(center(j) - mel(1000.0)) < std::fabs(center(nearest) - mel(1000.0)))
        {
            nearest = j;
        }
    }
    EXPECT_EQ(argmax(m.log_mel(), 40), nearest);

    for (double hz : {300.0, 1500.0, 3000.0})
    {
        m.compute_frame(tone(hz, 0.3).data(), c);
        EXPECT_EQ(argmax(m.magnitude(), kBins), static_cast<int>(std::lround(hz / kHzPerBin))) << hz;
    }
}

TEST(Mfcc, SilenceGivesTheLogFloorEverywhere)
{
    // By hand: every band 0 -> floored to 1e-12, ln = -27.631021; c0 = sqrt(2/40) * 40 * ln(1e-12) =
    // -247.1399; c_i = 0 for i > 0 (the cosines of a DCT-II row sum to 0).
    static va::Mfcc m;
    const std::vector<int16_t> silence(480, 0);
    float c[40];
    m.compute_frame(silence.data(), c);
    for (int j = 0; j < 40; j++)
    {
        EXPECT_EQ(m.log_mel()[j], va::float_log(1e-12f)) << j;
        EXPECT_NEAR(m.log_mel()[j], -27.631021, 2e-5);
    }
    EXPECT_NEAR(c[0], -247.1399, 2e-3);
    for (int i = 1; i < 40; i++)
    {
        EXPECT_NEAR(c[i], 0.0, 1e-4) << i;
    }
}

TEST(Mfcc, FramesMatchADoublePrecisionMfcc)
{
    // Float32 vs double: log mel energies agree to ~1e-6 where every band has energy, the coefficients to a
    // few 1e-6; 5e-5 still catches a wrong table entry or operation.
    static va::Mfcc m;
    const std::vector<std::vector<int16_t>> frames = {noise(7, 16000), noise(8, 300), tone(440.0, 0.8)};
    for (size_t f = 0; f < frames.size(); f++)
    {
        std::vector<int16_t> s = frames[f];
        if (f == 2)
        {
            const std::vector<int16_t> n = noise(9, 200); // noise in every band keeps the logs well conditioned
            for (int i = 0; i < 480; i++)
            {
                s[i] = static_cast<int16_t>(s[i] + n[i]);
            }
        }
        float c[40];
        m.compute_frame(s.data(), c);
        const Reference r = reference_frame(s);
        for (int k = 0; k < kBins; k++)
        {
            ASSERT_NEAR(m.magnitude()[k], r.magnitude[k], 1e-4 + 1e-5 * r.magnitude[k]) << f << " bin " << k;
        }
        for (int i = 0; i < 40; i++)
        {
            ASSERT_NEAR(c[i], r.coefficients[i], 5e-5) << f << " coefficient " << i;
        }
    }
    // The production frame function is the same computation.
    float a[40];
    float b[40];
    ASSERT_EQ(va::mfcc_compute_frame(frames[0].data(), a), va::kOk);
    m.compute_frame(frames[0].data(), b);
    for (int i = 0; i < 40; i++)
    {
        EXPECT_EQ(a[i], b[i]);
    }
    EXPECT_TRUE(va::mfcc_available());
}

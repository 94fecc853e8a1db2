// Op-for-op port of the C# MFCC (see mfcc.h). Keep every expression shaped as in the C# source: the same
// operands, the same association (a * b * c is (a * b) * c), the same loop order. Compile with
// -ffp-contract=off.
#include "mfcc.h"

#include <limits>

#include "generated/feature_tables.h"

namespace va
{
namespace
{
// FloatMath's private constants.
constexpr float kLn2Hi = 0.693145752f;
constexpr float kLn2Lo = 1.42860677e-06f;
constexpr float kTwo16 = 65536.0f;
constexpr float kInvTwo16 = 1.0f / 65536.0f;
constexpr float kMaxFinite = 3.40282347e+38f;

// FloatMath.ReduceToOneTwo: x = m * 2^e with m in [1, 2), exact scalings only.
float reduce_to_one_two(float x, int *exponent)
{
    float m = x;
    int e = 0;
    while (m >= kTwo16)
    {
        m = m * kInvTwo16;
        e = e + 16;
    }
    while (m < kInvTwo16)
    {
        m = m * kTwo16;
        e = e - 16;
    }
    while (m >= 16.0f)
    {
        m = m * 0.0625f;
        e = e + 4;
    }
    while (m < 0.0625f)
    {
        m = m * 16.0f;
        e = e - 4;
    }
    while (m >= 2.0f)
    {
        m = m * 0.5f;
        e = e + 1;
    }
    while (m < 1.0f)
    {
        m = m * 2.0f;
        e = e - 1;
    }
    *exponent = e;
    return m;
}

// FloatMath.PowerOfTwo.
float power_of_two(int e)
{
    float r = 1.0f;
    while (e >= 16)
    {
        r = r * kTwo16;
        e = e - 16;
    }
    while (e <= -16)
    {
        r = r * kInvTwo16;
        e = e + 16;
    }
    while (e > 0)
    {
        r = r * 2.0f;
        e = e - 1;
    }
    while (e < 0)
    {
        r = r * 0.5f;
        e = e + 1;
    }
    return r;
}

Mfcc g_mfcc; // static storage: no heap; zero-initialised
} // namespace

float float_sqrt(float x)
{
    if (x <= 0.0f)
    {
        return 0.0f;
    }
    if (!(x <= kMaxFinite))
    {
        return x; // +inf or NaN
    }
    int e;
    float m = reduce_to_one_two(x, &e);
    if ((e & 1) != 0)
    {
        m = m * 2.0f;
        e = e - 1;
    }
    float y = 0.70710678f + 0.33333333f * m;
    y = 0.5f * (y + m / y);
    y = 0.5f * (y + m / y);
    y = 0.5f * (y + m / y);
    return y * power_of_two(e / 2);
}

float float_log(float x)
{
    if (x <= 0.0f)
    {
        return -std::numeric_limits<float>::infinity();
    }
    if (!(x <= kMaxFinite))
    {
        return x; // +inf or NaN
    }
    int e;
    float m = reduce_to_one_two(x, &e);
    if (m > 1.41421354f)
    {
        m = m * 0.5f;
        e = e + 1;
    }
    const float s = (m - 1.0f) / (m + 1.0f);
    const float z = s * s;
    float p = 0.222222222f;
    p = 0.285714298f + z * p;
    p = 0.400000006f + z * p;
    p = 0.666666687f + z * p;
    p = 2.0f + z * p;
    p = s * p;
    const float ef = static_cast<float>(e);
    return ef * kLn2Hi + (p + ef * kLn2Lo);
}

void Mfcc::fft_forward(const float *input, float *outRe, float *outIm)
{
    for (int n = 0; n < kHalf; n++)
    {
        const int r = kBitReverse[n];
        re_[r] = input[2 * n];
        im_[r] = input[2 * n + 1];
    }
    complex_in_place();
    split(outRe, outIm);
}

void Mfcc::complex_in_place()
{
    for (int len = 2; len <= kHalf; len = len * 2)
    {
        const int half = len / 2;
        const int stride = kHalf / len;
        for (int b = 0; b < kHalf; b = b + len)
        {
            for (int j = 0; j < half; j++)
            {
                const float wr = kFftTwiddleRe[j * stride];
                const float wi = kFftTwiddleIm[j * stride];
                const int p = b + j;
                const int q = p + half;
                const float xr = re_[q];
                const float xi = im_[q];
                const float tr = wr * xr - wi * xi;
                const float ti = wr * xi + wi * xr;
                const float pr = re_[p];
                const float pi = im_[p];
                re_[q] = pr - tr;
                im_[q] = pi - ti;
                re_[p] = pr + tr;
                im_[p] = pi + ti;
            }
        }
    }
}

void Mfcc::split(float *outRe, float *outIm)
{
    for (int k = 0; k <= kHalf; k++)
    {
        const int kk = k & (kHalf - 1);
        const int nk = (kHalf - k) & (kHalf - 1);
        const float a = re_[kk];
        const float b = im_[kk];
        const float c = re_[nk];
        const float d = im_[nk];
        const float er = 0.5f * (a + c);
        const float ei = 0.5f * (b - d);
        const float orr = 0.5f * (b + d);
        const float oii = 0.5f * (c - a);
        const float wr = kSplitTwiddleRe[k];
        const float wi = kSplitTwiddleIm[k];
        outRe[k] = er + (wr * orr - wi * oii);
        outIm[k] = ei + (wr * oii + wi * orr);
    }
}

void mel_filterbank(const float *magnitude, float *mel)
{
    for (int c = 0; c < kMelBands; c++)
    {
        mel[c] = 0.0f;
    }
    for (int i = kMelStartIndex; i <= kMelEndIndex; i++)
    {
        const float v = magnitude[i];
        const float weighted = v * kMelWeights[i];
        int band = kMelBandMapper[i];
        if (band >= 0)
        {
            mel[band] = mel[band] + weighted;
        }
        band = band + 1;
        if (band < kMelBands)
        {
            mel[band] = mel[band] + (v - weighted);
        }
    }
}

void dct(const float *input, float *output)
{
    int row = 0;
    for (int i = 0; i < kCoefficientCount; i++)
    {
        float sum = 0.0f;
        for (int j = 0; j < kMelBands; j++)
        {
            sum = sum + kDctMatrix[row + j] * input[j];
        }
        output[i] = sum;
        row = row + kMelBands;
    }
}

void Mfcc::compute_frame(const int16_t *window, float *coefficients)
{
    for (int n = 0; n < kWindowSamples; n++)
    {
        frame_[n] = static_cast<float>(window[n]) * kSampleScale * kHannWindow[n];
    }
    for (int n = kWindowSamples; n < kFftLength; n++)
    {
        frame_[n] = 0.0f;
    }
    fft_forward(frame_, specRe_, specIm_);
    for (int k = 0; k < kSpectrumBins; k++)
    {
        const float a = specRe_[k];
        const float b = specIm_[k];
        magnitude_[k] = float_sqrt(a * a + b * b);
    }
    mel_filterbank(magnitude_, mel_);
    for (int c = 0; c < kMelBands; c++)
    {
        float v = mel_[c];
        if (v < kLogFloor)
        {
            v = kLogFloor;
        }
        mel_[c] = float_log(v);
    }
    dct(mel_, coefficients);
}

Status mfcc_compute_frame(const int16_t *window, float *coefficients)
{
    g_mfcc.compute_frame(window, coefficients);
    return kOk;
}

bool mfcc_available()
{
    return true;
}
} // namespace va

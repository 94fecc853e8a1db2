#include "depthwise_conv_s8.h"

namespace va
{
namespace
{
int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b)
{
    if (a == b && a == INT32_MIN)
    {
        return INT32_MAX;
    }
    const int64_t ab = static_cast<int64_t>(a) * static_cast<int64_t>(b);
    const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
    // Division, not a shift: gemmlowp truncates towards zero.
    return static_cast<int32_t>((ab + nudge) / (INT64_C(1) << 31));
}

int32_t rounding_divide_by_pot(int32_t x, int exponent)
{
    const int32_t mask = static_cast<int32_t>((INT64_C(1) << exponent) - 1);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

// MultiplyByQuantizedMultiplier, inlined into the kernel's per-output loop.
inline int32_t requantize(int32_t x, int32_t multiplier, int shift)
{
    const int leftShift = shift > 0 ? shift : 0;
    const int rightShift = shift > 0 ? 0 : -shift;
    // x * 2^leftShift wraps like TFLM's int32 multiply does on every target we build for.
    const int32_t scaled = static_cast<int32_t>(static_cast<uint32_t>(x) << leftShift);
    return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(scaled, multiplier), rightShift);
}

int clamp_begin(int origin) { return origin < 0 ? -origin : 0; }

int clamp_end(int origin, int taps, int extent) { return extent - origin < taps ? extent - origin : taps; }
} // namespace

int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift)
{
    return requantize(x, multiplier, shift);
}

void depthwise_conv_s8(const DepthwiseS8Params &p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                       int8_t *output)
{
    constexpr int C = kDepthwiseChannels;
    const int filterRowStride = p.filterWidth * C;
    for (int b = 0; b < p.batches; ++b)
    {
        const int8_t *image = input + b * p.inputHeight * p.inputWidth;
        for (int oy = 0; oy < p.outputHeight; ++oy)
        {
            // The reference skips taps outside the image one by one; the valid tap range of each output pixel is
            // a rectangle, so it is computed once and the taps inside need no test.
            const int inY = oy * p.strideHeight - p.padHeight;
            const int fyBegin = clamp_begin(inY);
            const int fyEnd = clamp_end(inY, p.filterHeight, p.inputHeight);
            for (int ox = 0; ox < p.outputWidth; ++ox)
            {
                const int inX = ox * p.strideWidth - p.padWidth;
                const int fxBegin = clamp_begin(inX);
                const int fxEnd = clamp_end(inX, p.filterWidth, p.inputWidth);
                // One input value feeds all 8 output channels: 8 accumulators in registers, the value loaded once.
                int32_t acc[C];
#pragma GCC unroll 8
                for (int c = 0; c < C; ++c)
                {
                    acc[c] = bias != nullptr ? bias[c] : 0;
                }
                for (int fy = fyBegin; fy < fyEnd; ++fy)
                {
                    const int8_t *in = image + (inY + fy) * p.inputWidth + inX;
                    const int8_t *w = filter + fy * filterRowStride;
#pragma GCC unroll 2
                    for (int fx = fxBegin; fx < fxEnd; ++fx)
                    {
                        const int32_t v = in[fx] + p.inputOffset;
                        const int8_t *wc = w + fx * C;
#pragma GCC unroll 8
                        for (int c = 0; c < C; ++c)
                        {
                            acc[c] += wc[c] * v;
                        }
                    }
                }
                int8_t *out = output + ((b * p.outputHeight + oy) * p.outputWidth + ox) * C;
                for (int c = 0; c < C; ++c)
                {
                    int32_t r = requantize(acc[c], p.outputMultiplier[c], p.outputShift[c]);
                    r += p.outputOffset;
                    r = r < p.activationMin ? p.activationMin : r;
                    r = r > p.activationMax ? p.activationMax : r;
                    out[c] = static_cast<int8_t>(r);
                }
            }
        }
    }
}
} // namespace va

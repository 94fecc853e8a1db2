// Int8 depthwise convolution for the keyword model's first layer (tinyConv: one input channel, depth multiplier 8,
// per-channel requantisation, dilation 1). Portable C++ without TFLM headers; the TFLM host registers it in place
// of the reference DepthwiseConv2D when a node has this shape (tflm/depthwise_conv_op.cpp) and falls back to the
// reference otherwise. Results equal reference_integer_ops::DepthwiseConvPerChannel bit for bit.
#ifndef VA_DEPTHWISE_CONV_S8_H
#define VA_DEPTHWISE_CONV_S8_H

#include <cstdint>

namespace va
{
// Output channels per input channel this kernel handles (tinyConv's depth multiplier).
constexpr int kDepthwiseChannels = 8;

// Shapes (NHWC; input depth 1, filter [1, filterHeight, filterWidth, 8], output depth 8) and the Prepare results:
// padding, offsets, activation range, per-channel multipliers and shifts (TFLM's conventions: shift < 0 is a
// right shift, inputOffset = -input zero point, outputOffset = output zero point).
struct DepthwiseS8Params
{
    int batches;
    int inputHeight;
    int inputWidth;
    int filterHeight;
    int filterWidth;
    int outputHeight;
    int outputWidth;
    int strideHeight;
    int strideWidth;
    int padHeight;
    int padWidth;
    int32_t inputOffset;
    int32_t outputOffset;
    int32_t activationMin;
    int32_t activationMax;
    const int32_t *outputMultiplier; // kDepthwiseChannels entries
    const int32_t *outputShift;      // kDepthwiseChannels entries
};

// TFLM's MultiplyByQuantizedMultiplier (double rounding, gemmlowp's SaturatingRoundingDoublingHighMul then
// RoundingDivideByPOT), the default when TFLITE_SINGLE_ROUNDING is not set.
int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift);

// Runs the convolution; bias may be null (no bias). No allocation, no scratch memory.
void depthwise_conv_s8(const DepthwiseS8Params &p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                       int8_t *output);
} // namespace va

#endif

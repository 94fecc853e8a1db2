#include "va_host_api.h"

#include "../engine/va_engine.h"
#include "../kernels/depthwise_conv_s8.h"
#include "../features/mfcc.h"
#include "../features/quantize.h"

namespace
{
va::Engine g_engine;
va::Mfcc g_stages;
va::PcmConverter g_pcm;
bool g_pcmConfigured = false;

bool make_format(int32_t slotBytes, int32_t channelsPerFrame, int32_t channel, int32_t sampleShift,
                 va::PcmFormat *format)
{
    format->slotBytes = slotBytes;
    format->channelsPerFrame = channelsPerFrame;
    format->channel = channel;
    format->sampleShift = sampleShift;
    return va::pcm_format_valid(*format);
}

size_t to_size(int32_t n)
{
    return n < 0 ? 0 : static_cast<size_t>(n);
}
} // namespace

extern "C" {

int32_t va_host_abi_version(void)
{
    return 3;
}

int32_t va_pcm_convert(const uint8_t *raw, int32_t count, int32_t slotBytes, int32_t channelsPerFrame,
                       int32_t channel, int32_t sampleShift, int16_t *out, int32_t outCapacity)
{
    va::PcmFormat format;
    if (!make_format(slotBytes, channelsPerFrame, channel, sampleShift, &format) || raw == nullptr || out == nullptr || count < 0 || outCapacity < 0)
    {
        return va::kBadArgument;
    }
    va::PcmConverter converter;
    converter.configure(format);
    size_t used = 0;
    return converter.convert(raw, to_size(count), out, outCapacity, &used);
}

int32_t va_quantize(const float *features, int32_t n, float scale, int32_t zeroPoint, int8_t *out)
{
    if (features == nullptr || out == nullptr || n < 0)
    {
        return va::kBadArgument;
    }
    for (int32_t i = 0; i < n; i++)
    {
        out[i] = va::quantize_feature(features[i], scale, zeroPoint);
    }
    return n;
}

int32_t va_mfcc_compute_frame(const int16_t *window, float *coefficients)
{
    if (window == nullptr || coefficients == nullptr)
    {
        return va::kBadArgument;
    }
    return va::mfcc_compute_frame(window, coefficients);
}

int32_t va_float_math(int32_t op, const float *in, int32_t n, float *out)
{
    if (in == nullptr || out == nullptr || n < 0 || op < 0 || op > 1)
    {
        return va::kBadArgument;
    }
    for (int32_t i = 0; i < n; i++)
    {
        out[i] = op == 0 ? va::float_sqrt(in[i]) : va::float_log(in[i]);
    }
    return n;
}

int32_t va_fft_forward(const float *input, float *outRe, float *outIm)
{
    if (input == nullptr || outRe == nullptr || outIm == nullptr)
    {
        return va::kBadArgument;
    }
    g_stages.fft_forward(input, outRe, outIm);
    return va::kSpectrumBins;
}

int32_t va_mel_filterbank(const float *magnitude, float *mel)
{
    if (magnitude == nullptr || mel == nullptr)
    {
        return va::kBadArgument;
    }
    va::mel_filterbank(magnitude, mel);
    return va::kMelBands;
}

int32_t va_dct(const float *input, float *output)
{
    if (input == nullptr || output == nullptr)
    {
        return va::kBadArgument;
    }
    va::dct(input, output);
    return va::kCoefficientCount;
}

int32_t va_pcm_stream_configure(int32_t slotBytes, int32_t channelsPerFrame, int32_t channel, int32_t sampleShift)
{
    va::PcmFormat format;
    g_pcmConfigured = make_format(slotBytes, channelsPerFrame, channel, sampleShift, &format);
    if (!g_pcmConfigured)
    {
        return va::kBadArgument;
    }
    g_pcm.configure(format);
    return va::kOk;
}

int32_t va_pcm_stream_convert(const uint8_t *raw, int32_t count, int16_t *out, int32_t outCapacity)
{
    if (!g_pcmConfigured)
    {
        return va::kNotConfigured;
    }
    if ((raw == nullptr && count > 0) || count < 0 || outCapacity < 0 ||
        (g_pcm.pendingBytes() + count) / g_pcm.frameBytes() > outCapacity)
    {
        return va::kBadArgument;
    }
    size_t used = 0;
    return g_pcm.convert(raw, to_size(count), out, outCapacity, &used);
}

int32_t va_engine_configure(const int32_t *config, int32_t length)
{
    return g_engine.configure(config, to_size(length));
}

int32_t va_engine_push_audio(const uint8_t *raw, int32_t length, int32_t offset, int32_t count)
{
    return g_engine.push_audio(raw, to_size(length), offset, count);
}

int32_t va_engine_reset(void)
{
    return g_engine.reset();
}

int32_t va_engine_get_info(int32_t *info, int32_t length)
{
    return g_engine.get_info(info, to_size(length));
}

int32_t va_engine_get_last_error(uint8_t *message, int32_t length)
{
    return g_engine.get_last_error(message, to_size(length));
}

int32_t va_engine_get_features(int8_t *window, int32_t length)
{
    return g_engine.get_features(window, to_size(length));
}

int32_t va_engine_push_audio_rows(const uint8_t *raw, int32_t count, float *rows, int32_t rowsCapacity)
{
    if (count < 0 || rows == nullptr || rowsCapacity < 0)
    {
        return va::kBadArgument;
    }
    return g_engine.kernel().push_audio(raw, to_size(count), rows, rowsCapacity);
}

int32_t va_depthwise_conv_s8(const int32_t *params, int32_t paramCount, const int8_t *input, int32_t inputLength,
                             const int8_t *filter, int32_t filterLength, const int32_t *bias,
                             const int32_t *multiplier, const int32_t *shift, int8_t *output, int32_t outputLength)
{
    constexpr int32_t kParamCount = 15;
    if (params == nullptr || paramCount != kParamCount || input == nullptr || filter == nullptr ||
        multiplier == nullptr || shift == nullptr || output == nullptr)
    {
        return va::kBadArgument;
    }
    for (int i = 0; i < 11; i++)
    {
        // Shapes and strides positive, paddings non-negative.
        if (params[i] < (i >= 9 ? 0 : 1))
        {
            return va::kBadArgument;
        }
    }
    va::DepthwiseS8Params p{params[0], params[1], params[2], params[3], params[4], params[5], params[6], params[7],
                            params[8], params[9], params[10], params[11], params[12], params[13], params[14],
                            multiplier, shift};
    const int64_t c = va::kDepthwiseChannels;
    if (static_cast<int64_t>(p.batches) * p.inputHeight * p.inputWidth != inputLength ||
        static_cast<int64_t>(p.filterHeight) * p.filterWidth * c != filterLength ||
        static_cast<int64_t>(p.batches) * p.outputHeight * p.outputWidth * c != outputLength)
    {
        return va::kBadArgument;
    }
    va::depthwise_conv_s8(p, input, filter, bias, output);
    return va::kOk;
}
}

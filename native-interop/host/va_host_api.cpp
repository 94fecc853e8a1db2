#include "va_host_api.h"

#include "../engine/va_engine.h"
#include "../features/mfcc.h"
#include "../features/quantize.h"

namespace
{
va::Engine g_engine;

size_t to_size(int32_t n)
{
    return n < 0 ? 0 : static_cast<size_t>(n);
}
} // namespace

extern "C" {

int32_t va_host_abi_version(void)
{
    return 1;
}

int32_t va_pcm_convert(const uint8_t *raw, int32_t count, int32_t slotBytes, int32_t channelsPerFrame,
                       int32_t channel, int32_t sampleShift, int16_t *out, int32_t outCapacity)
{
    va::PcmFormat format;
    format.slotBytes = slotBytes;
    format.channelsPerFrame = channelsPerFrame;
    format.channel = channel;
    format.sampleShift = sampleShift;
    if (!va::pcm_format_valid(format) || raw == nullptr || out == nullptr || count < 0 || outCapacity < 0)
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
}

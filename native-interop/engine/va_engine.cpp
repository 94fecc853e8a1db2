#include "va_engine.h"

#include <cstring>

#include "../features/mfcc.h"

namespace va
{
int float_to_bits(float value)
{
    int bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

float bits_to_float(int bits)
{
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

int Engine::configure(const int *config, size_t length)
{
    if (config == nullptr || length < static_cast<size_t>(kConfigLength))
    {
        return fail(kBadArgument, "config must hold ConfigLayout.Length entries");
    }
    if (config[kCfgFeatureVersion] != kFeatureVersion || config[kCfgWindowFrames] != kWindowFrames ||
        config[kCfgCoefficientCount] != kCoefficientCount)
    {
        return fail(kFeatureMismatch, "feature version or window shape differs from the firmware's kernel");
    }
    PcmFormat format;
    format.slotBytes = config[kCfgSlotBytes];
    format.channelsPerFrame = config[kCfgChannelsPerFrame];
    format.channel = config[kCfgChannel];
    format.sampleShift = config[kCfgSampleShift];
    const Status s = kernel_.configure(format, bits_to_float(config[kCfgInputScaleBits]), config[kCfgInputZeroPoint]);
    if (s != kOk)
    {
        return fail(s, kernel_.last_error());
    }
    return kOk;
}

int Engine::push_audio(const uint8_t *raw, size_t length, int offset, int count)
{
    if (raw == nullptr || offset < 0 || count < 0 || static_cast<size_t>(offset) > length ||
        static_cast<size_t>(count) > length - static_cast<size_t>(offset))
    {
        return fail(kBadArgument, "offset/count outside the audio array");
    }
    const int result = kernel_.push_audio(raw + offset, static_cast<size_t>(count));
    if (result < 0)
    {
        return fail(result, kernel_.last_error());
    }
    return result;
}

int Engine::load_model(const uint8_t *model, size_t length, int arenaBytes)
{
    if (model == nullptr || length == 0 || arenaBytes <= 0)
    {
        return fail(kBadArgument, "model must be non-empty and arenaBytes positive");
    }
    // Until native-interop/tflm/ exists no image contains TFLM: say so instead of pretending.
    return fail(kNotBuiltWithTflm, "this firmware was built without TensorFlow Lite Micro");
}

int Engine::invoke(int8_t *scores, size_t length)
{
    if (scores == nullptr || length == 0)
    {
        return fail(kBadArgument, "scores array is empty");
    }
    return fail(kNotBuiltWithTflm, "this firmware was built without TensorFlow Lite Micro");
}

int Engine::reset()
{
    kernel_.reset();
    return kOk;
}

int Engine::get_info(int *info, size_t length)
{
    if (info == nullptr || length < static_cast<size_t>(kInfoLength))
    {
        return fail(kBadArgument, "info must hold InfoLayout.Length entries");
    }
    int flags = 0;
    if (kernel_.configured())
    {
        flags |= kFlagConfigured;
    }
    if (mfcc_available())
    {
        flags |= kFlagHasMfcc;
    }
    info[kInfoNativeVersion] = kNativeContractVersion;
    info[kInfoFeatureVersion] = kFeatureVersion;
    info[kInfoFlags] = flags;
    info[kInfoArenaBytesUsed] = 0;
    info[kInfoInputScaleBits] = float_to_bits(kernel_.input_scale());
    info[kInfoInputZeroPoint] = kernel_.input_zero_point();
    info[kInfoRowsAvailable] = kernel_.rows_available();
    info[kInfoLabelCount] = 0;
    info[kInfoTotalRows] = kernel_.total_rows();
    info[kInfoOutputScaleBits] = 0;
    info[kInfoOutputZeroPoint] = 0;
    return kOk;
}

int Engine::get_last_error(uint8_t *message, size_t length) const
{
    const size_t n = std::strlen(lastError_);
    const size_t copy = n < length ? n : length;
    if (message != nullptr)
    {
        std::memcpy(message, lastError_, copy);
    }
    return static_cast<int>(message != nullptr ? copy : 0);
}

int Engine::get_features(int8_t *window, size_t length)
{
    if (window == nullptr || length < static_cast<size_t>(kWindowFeatures))
    {
        return fail(kBadArgument, "window must hold WindowFeatures (1960) entries");
    }
    kernel_.window().copy_out(window);
    return kernel_.rows_available();
}
} // namespace va

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
#if defined(VA_WITH_TFLM)
    // A loaded model's input quantisation takes precedence over the configured one.
    if (tflm_.loaded())
    {
        kernel_.set_quantization(tflm_.input_scale(), tflm_.input_zero_point());
    }
#endif
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
#if defined(VA_WITH_TFLM)
    const Status s = tflm_.load(model, length, arenaBytes, kWindowFeatures);
    if (s != kOk)
    {
        return fail(s, tflm_.last_error());
    }
    // Rows quantised with the configured scale would not match the model's: start the window afresh.
    const Status q = kernel_.set_quantization(tflm_.input_scale(), tflm_.input_zero_point());
    if (q != kOk)
    {
        tflm_.unload();
        return fail(kModelInvalid, "model input quantisation is unusable (scale must be positive, zero point int8)");
    }
    kernel_.reset();
    return kOk;
#else
    return fail(kNotBuiltWithTflm, "this firmware was built without TensorFlow Lite Micro");
#endif
}

int Engine::invoke(int8_t *scores, size_t length)
{
    if (scores == nullptr || length == 0)
    {
        return fail(kBadArgument, "scores array is empty");
    }
#if defined(VA_WITH_TFLM)
    if (!tflm_.loaded())
    {
        return fail(kModelNotLoaded, "Invoke before LoadModel");
    }
    kernel_.window().copy_out(invokeWindow_);
    const Status s = tflm_.invoke(invokeWindow_, scores, length);
    if (s != kOk)
    {
        return fail(s, tflm_.last_error());
    }
    return kOk;
#else
    return fail(kNotBuiltWithTflm, "this firmware was built without TensorFlow Lite Micro");
#endif
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
#if defined(VA_WITH_TFLM)
    flags |= kFlagBuiltWithTflm;
    if (tflm_.loaded())
    {
        flags |= kFlagModelLoaded;
    }
#endif
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
#if defined(VA_WITH_TFLM)
    if (tflm_.loaded())
    {
        info[kInfoArenaBytesUsed] = tflm_.arena_used_bytes();
        info[kInfoLabelCount] = tflm_.label_count();
        info[kInfoOutputScaleBits] = float_to_bits(tflm_.output_scale());
        info[kInfoOutputZeroPoint] = tflm_.output_zero_point();
    }
#endif
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

int Engine::get_levels(int *levels, size_t length)
{
    if (levels == nullptr || length < 2)
    {
        return fail(kBadArgument, "levels must hold 2 entries");
    }
    levels[0] = kernel_.last_push_minimum();
    levels[1] = kernel_.last_push_maximum();
    return kernel_.last_push_samples();
}
} // namespace va

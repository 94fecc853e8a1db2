// The state behind the interop methods, independent of nanoFramework types so it builds and is tested on
// the host: decodes the contract's int[] layouts, checks array bounds, owns the feature kernel and, in images
// built with VA_WITH_TFLM, the TFLM model (tflm/); without it LoadModel/Invoke return kNotBuiltWithTflm. The nanoFramework handlers only unwrap managed arrays and forward here.
#ifndef VA_ENGINE_H
#define VA_ENGINE_H

#include <cstddef>
#include <cstdint>

#include "../features/feature_kernel.h"
#if defined(VA_WITH_TFLM)
#include "../tflm/tflm_host.h"
#endif

namespace va
{
// Indices of the config array (VoiceAssistant.Interop.ConfigLayout).
enum ConfigIndex : int
{
    kCfgSlotBytes = 0,
    kCfgChannelsPerFrame = 1,
    kCfgChannel = 2,
    kCfgSampleShift = 3,
    kCfgFeatureVersion = 4,
    kCfgWindowFrames = 5,
    kCfgCoefficientCount = 6,
    kCfgInputScaleBits = 7,
    kCfgInputZeroPoint = 8,
    kConfigLength = 9,
};

// Indices of the info array (VoiceAssistant.Interop.InfoLayout).
enum InfoIndex : int
{
    kInfoNativeVersion = 0,
    kInfoFeatureVersion = 1,
    kInfoFlags = 2,
    kInfoArenaBytesUsed = 3,
    kInfoInputScaleBits = 4,
    kInfoInputZeroPoint = 5,
    kInfoRowsAvailable = 6,
    kInfoLabelCount = 7,
    kInfoTotalRows = 8,
    kInfoOutputScaleBits = 9,
    kInfoOutputZeroPoint = 10,
    kInfoLength = 11,
};

// Bits of info[kInfoFlags] (VoiceAssistant.Interop.InfoFlags).
enum InfoFlag : int
{
    kFlagConfigured = 1,
    kFlagModelLoaded = 2,
    kFlagBuiltWithTflm = 4,
    kFlagHasMfcc = 8,
};

// The managed int[] elements are 32-bit; the engine takes them as int (CLR_RT_TypedArray_INT32's element type,
// which differs from int32_t = long on the ESP32 toolchain).
static_assert(sizeof(int) == 4, "the contract's int[] arrays need a 32-bit int");

constexpr int kNativeContractVersion = 2; // NativeContract.Version
constexpr int kMaxMessageBytes = 128;     // NativeContract.MaxMessageBytes

int float_to_bits(float value);
float bits_to_float(int bits);

class Engine
{
  public:
    int configure(const int *config, size_t length);
    int push_audio(const uint8_t *raw, size_t length, int offset, int count);
    int load_model(const uint8_t *model, size_t length, int arenaBytes);
    int invoke(int8_t *scores, size_t length);
    int reset();
    int get_info(int *info, size_t length);
    int get_last_error(uint8_t *message, size_t length) const;
    int get_features(int8_t *window, size_t length);
    // Since contract 2: levels[0..1] = lowest and highest sample of the last push_audio; returns its sample count.
    int get_levels(int *levels, size_t length);

    FeatureKernel &kernel() { return kernel_; }

  private:
    int fail(int status, const char *message)
    {
        lastError_ = message;
        return status;
    }

    FeatureKernel kernel_;
    const char *lastError_ = "";
#if defined(VA_WITH_TFLM)
    TflmHost tflm_;
    int8_t invokeWindow_[kWindowFeatures] = {};
#endif
};
} // namespace va

#endif

// C ABI of the host build (shared library va_features_host) for P/Invoke from the xunit tests, which compare
// the native kernel with the C# core bit for bit. Every function returns a status (< 0) or a count.
#ifndef VA_HOST_API_H
#define VA_HOST_API_H

#include <stdint.h>

#if defined(_WIN32)
#define VA_API __declspec(dllexport)
#else
#define VA_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

// Version of this C ABI (bumped when a signature changes).
VA_API int32_t va_host_abi_version(void);

// Stateless: converts whole frames of raw PCM to int16 samples; returns samples written or a status.
VA_API int32_t va_pcm_convert(const uint8_t *raw, int32_t count, int32_t slotBytes, int32_t channelsPerFrame,
                              int32_t channel, int32_t sampleShift, int16_t *out, int32_t outCapacity);

// Quantises n floats with the kernel's exact rule.
VA_API int32_t va_quantize(const float *features, int32_t n, float scale, int32_t zeroPoint, int8_t *out);

// One MFCC frame (480 samples -> 40 floats); returns 0.
VA_API int32_t va_mfcc_compute_frame(const int16_t *window, float *coefficients);

// The MFCC's stages on their own, for stage-by-stage comparison with the C# core:
// op 0 = FloatMath.Sqrt, 1 = FloatMath.Log, element-wise over n floats; returns n (or a status).
VA_API int32_t va_float_math(int32_t op, const float *in, int32_t n, float *out);
// Fft.Forward: 512 real samples -> 257 (re, im); returns 257.
VA_API int32_t va_fft_forward(const float *input, float *outRe, float *outIm);
// MelFilterbank.Apply: 257 magnitudes -> 40 energies; returns 40.
VA_API int32_t va_mel_filterbank(const float *magnitude, float *mel);
// Dct.Apply: 40 log energies -> 40 coefficients; returns 40.
VA_API int32_t va_dct(const float *input, float *output);

// A streaming PCM converter (one global instance): configure clears the carried bytes; convert consumes
// every byte (outCapacity must cover the completed frames) and returns the samples written or a status.
VA_API int32_t va_pcm_stream_configure(int32_t slotBytes, int32_t channelsPerFrame, int32_t channel,
                                       int32_t sampleShift);
VA_API int32_t va_pcm_stream_convert(const uint8_t *raw, int32_t count, int16_t *out, int32_t outCapacity);

// The same engine the firmware runs (one global instance), with the contract's layouts.
VA_API int32_t va_engine_configure(const int32_t *config, int32_t length);
VA_API int32_t va_engine_push_audio(const uint8_t *raw, int32_t length, int32_t offset, int32_t count);
VA_API int32_t va_engine_reset(void);
VA_API int32_t va_engine_get_info(int32_t *info, int32_t length);
VA_API int32_t va_engine_get_last_error(uint8_t *message, int32_t length);
VA_API int32_t va_engine_get_features(int8_t *window, int32_t length);
// push_audio that also returns the new rows' floats (40 per row); rowsCapacity in rows.
VA_API int32_t va_engine_push_audio_rows(const uint8_t *raw, int32_t count, float *rows, int32_t rowsCapacity);

// Since version 3: va::depthwise_conv_s8 (kernels/depthwise_conv_s8.h). params: the 15 ints of DepthwiseS8Params in
// declaration order (batches .. activationMax); multiplier and shift: 8 each; bias: 8 or null. Lengths are checked
// against the shapes; returns 0 or BadArgument.
VA_API int32_t va_depthwise_conv_s8(const int32_t *params, int32_t paramCount, const int8_t *input, int32_t inputLength,
                                    const int8_t *filter, int32_t filterLength, const int32_t *bias,
                                    const int32_t *multiplier, const int32_t *shift, int8_t *output,
                                    int32_t outputLength);

#ifdef __cplusplus
}
#endif

#endif

// The MFCC of one analysis window: an op-for-op float32 port of the C# reference in
// firmware/VoiceAssistant.Core/Features/ (FloatMath, Fft, MelFilterbank, Dct, Mfcc), using the generated
// tables (generated/feature_tables.h) and constants (generated/feature_constants.h). Every float operation
// happens in the same order as in C#; the file must be compiled with -ffp-contract=off so that no a*b+c is
// fused, then the results equal the C# core's bit for bit (proven by tests/VoiceAssistant.Native.Tests).
#ifndef VA_MFCC_H
#define VA_MFCC_H

#include <cstdint>

#include "generated/feature_constants.h"
#include "va_status.h"

namespace va
{
// The generated AssistantSettings constants as va::k*.
using namespace voice_assistant::features;

// FloatMath.Sqrt: 0 for x <= 0, x for +inf/NaN, else range reduction + three Newton steps.
float float_sqrt(float x);

// FloatMath.Log: -inf for x <= 0, x for +inf/NaN, else range reduction + odd series in (m-1)/(m+1).
float float_log(float x);

// The MFCC work buffers (fixed size, about 7.4 KB) and the computation. Not re-entrant: one instance per
// thread. After compute_frame the intermediate stages stay readable (tests use them).
class Mfcc
{
  public:
    static constexpr int kHalf = kFftLength / 2;

    // One window of kWindowSamples int16 samples -> kCoefficientCount floats.
    void compute_frame(const int16_t *window, float *coefficients);

    // Real FFT of kFftLength samples into kSpectrumBins complex bins (Fft.Forward).
    void fft_forward(const float *input, float *outRe, float *outIm);

    const float *spectrum_re() const { return specRe_; }
    const float *spectrum_im() const { return specIm_; }
    const float *magnitude() const { return magnitude_; }
    // After compute_frame: the natural log of each floored mel energy (the DCT input).
    const float *log_mel() const { return mel_; }

  private:
    void complex_in_place();
    void split(float *outRe, float *outIm);

    float frame_[kFftLength];
    float re_[kHalf];
    float im_[kHalf];
    float specRe_[kSpectrumBins];
    float specIm_[kSpectrumBins];
    float magnitude_[kSpectrumBins];
    float mel_[kMelBands];
};

// Mel filterbank on kSpectrumBins magnitudes -> kMelBands energies (MelFilterbank.Apply).
void mel_filterbank(const float *magnitude, float *mel);

// DCT-II of kMelBands log energies -> kCoefficientCount coefficients (Dct.Apply).
void dct(const float *input, float *output);

// The production frame function of the kernel (FrameFeatureFn): uses one static Mfcc workspace.
Status mfcc_compute_frame(const int16_t *window, float *coefficients);

// True when this build contains a real mfcc_compute_frame (always, since the port).
bool mfcc_available();
} // namespace va

#endif

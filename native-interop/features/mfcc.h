// SEAM for the MFCC port. The C++ MFCC is written in a later task as an op-for-op port of the C# reference
// (firmware/VoiceAssistant.Core/Features/), using generated/feature_tables.h. Until then the definition in
// mfcc.cpp returns kNotImplemented and produces no numbers.
#ifndef VA_MFCC_H
#define VA_MFCC_H

#include <cstdint>

#include "va_status.h"

namespace va
{
// One analysis window (kWindowSamples int16 samples) -> kCoefficientCount float coefficients.
Status mfcc_compute_frame(const int16_t *window, float *coefficients);

// True when this build contains a real mfcc_compute_frame.
bool mfcc_available();
} // namespace va

#endif

// TEMPORARY: hand-written copy of the AssistantSettings constants the kernel needs. The feature task replaces
// this file by generated/feature_constants.h (emitted from AssistantSettings by the C# generator), so that
// C# and C++ agree by construction. Keep the names; do not add constants the generator will not emit.
#ifndef VA_CONSTANTS_H
#define VA_CONSTANTS_H

namespace va
{
constexpr int kFeatureVersion = 1;   // AssistantSettings.FeatureVersion
constexpr int kSampleRate = 16000;   // AssistantSettings.SampleRate
constexpr int kWindowSamples = 480;  // AssistantSettings.WindowSamples
constexpr int kHopSamples = 320;     // AssistantSettings.HopSamples
constexpr int kCoefficientCount = 40; // AssistantSettings.CoefficientCount
constexpr int kWindowFrames = 49;    // AssistantSettings.WindowFrames
constexpr int kWindowFeatures = kWindowFrames * kCoefficientCount; // AssistantSettings.WindowFeatures
} // namespace va

#endif

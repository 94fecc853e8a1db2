// Status codes of the native contract; values equal VoiceAssistant.Interop.InteropStatus.
#ifndef VA_STATUS_H
#define VA_STATUS_H

namespace va
{
enum Status : int
{
    kOk = 0,
    kNotConfigured = -1,
    kBadArgument = -2,
    kNotBuiltWithTflm = -3,
    kModelInvalid = -4,
    kArenaTooSmall = -5,
    kModelNotLoaded = -6,
    kFeatureMismatch = -7,
    kNotImplemented = -8,
    kInvokeFailed = -9,
    kOutOfMemory = -10,
};
} // namespace va

#endif

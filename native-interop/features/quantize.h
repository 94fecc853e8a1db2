// Float feature -> int8 model input. EXACT op-for-op twin of the C# core's quantiser (round half away from
// zero via the fractional part, clamp before the int cast so it is defined).
#ifndef VA_QUANTIZE_H
#define VA_QUANTIZE_H

#include <cstdint>

namespace va
{
inline int8_t quantize_feature(float feature, float scale, int zeroPoint)
{
    float v = feature / scale;
    if (!(v >= -1000.0f)) // also maps NaN to the low end
    {
        v = -1000.0f;
    }
    if (v > 1000.0f)
    {
        v = 1000.0f;
    }
    int t = static_cast<int>(v);
    const float frac = v - static_cast<float>(t);
    if (frac >= 0.5f)
    {
        t++;
    }
    else if (frac <= -0.5f)
    {
        t--;
    }
    t += zeroPoint;
    if (t > 127)
    {
        t = 127;
    }
    if (t < -128)
    {
        t = -128;
    }
    return static_cast<int8_t>(t);
}
} // namespace va

#endif

#include "mfcc.h"

namespace va
{
// Placeholder until the port exists (see mfcc.h): reports the gap rather than inventing features.
Status mfcc_compute_frame(const int16_t *window, float *coefficients)
{
    (void)window;
    (void)coefficients;
    return kNotImplemented;
}

bool mfcc_available()
{
    return false;
}
} // namespace va

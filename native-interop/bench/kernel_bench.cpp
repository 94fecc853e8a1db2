// Host driver for instruction counts (not a test): pushes N seconds of 16-bit mono audio through the feature
// kernel in 640-byte reads (one 20 ms hop each, as the I2S task delivers them). Run it under
// valgrind --tool=callgrind for two durations; the difference divided by the extra hops is the cost of one hop
// without the setup. See native-interop/README.md.
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "feature_kernel.h"

int main(int argc, char **argv)
{
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 1;
    const int samples = seconds * va::kSampleRate;

    // Speech-like test audio: a tone plus pseudo-random noise (LCG), so every band has energy.
    std::vector<uint8_t> audio(static_cast<size_t>(samples) * 2);
    uint32_t lcg = 12345;
    for (int i = 0; i < samples; i++)
    {
        lcg = lcg * 1664525u + 1013904223u;
        const int noise = static_cast<int>(lcg >> 20) - 2048;
        const int tone = (i / 8) % 2 == 0 ? 6000 : -6000;
        const int16_t s = static_cast<int16_t>(tone + noise);
        audio[2 * static_cast<size_t>(i)] = static_cast<uint8_t>(s & 0xFF);
        audio[2 * static_cast<size_t>(i) + 1] = static_cast<uint8_t>((s >> 8) & 0xFF);
    }

    static va::FeatureKernel kernel;
    if (kernel.configure(va::PcmFormat{}, 0.5f, -20) != va::kOk)
    {
        return 1;
    }
    int rows = 0;
    const size_t hopBytes = static_cast<size_t>(va::kHopSamples) * 2;
    for (size_t pos = 0; pos < audio.size(); pos += hopBytes)
    {
        const int r = kernel.push_audio(audio.data() + pos, hopBytes);
        if (r < 0)
        {
            return 2;
        }
        rows += r;
    }
    int8_t window[va::kWindowFeatures];
    kernel.window().copy_out(window);
    int checksum = 0;
    for (int i = 0; i < va::kWindowFeatures; i++)
    {
        checksum = checksum * 31 + window[i];
    }
    std::printf("%d s, %d rows, window checksum %d\n", seconds, rows, checksum);
    return 0;
}

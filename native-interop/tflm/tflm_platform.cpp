#include "tflm_platform.h"

#if defined(ESP_PLATFORM)
#include <esp_heap_caps.h>
#include <nanoCLR_Runtime.h> // CLR_Debug::Printf: nanoFramework's debug channel
#else
#include <cstdio>
#include <cstdlib>
#endif

namespace va
{
void *tflm_aligned_alloc(size_t bytes)
{
    const size_t rounded = (bytes + 15u) & ~static_cast<size_t>(15u);
#if defined(ESP_PLATFORM)
    return heap_caps_aligned_alloc(16, rounded, MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
#else
    return std::aligned_alloc(16, rounded);
#endif
}

void tflm_aligned_free(void *block)
{
#if defined(ESP_PLATFORM)
    heap_caps_free(block);
#else
    std::free(block);
#endif
}

void tflm_log_line(const char *line)
{
#if defined(ESP_PLATFORM)
    CLR_Debug::Printf("TFLM: %s\r\n", line);
#else
    std::fprintf(stderr, "TFLM: %s\n", line);
#endif
}
} // namespace va

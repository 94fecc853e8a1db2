// Native memory and logging for the TFLM host, per platform: ESP-IDF inside nanoCLR, or the host (tests).
#ifndef VA_TFLM_PLATFORM_H
#define VA_TFLM_PLATFORM_H

#include <cstddef>

namespace va
{
// 16-byte-aligned block from internal RAM (ESP-IDF: heap_caps_aligned_alloc with MALLOC_CAP_INTERNAL, never
// PSRAM or .bss); nullptr when out of memory.
void *tflm_aligned_alloc(size_t bytes);
void tflm_aligned_free(void *block);

// Writes one line of TFLM's log (nanoCLR: the debug output, not UART0's wire protocol; host: stderr).
void tflm_log_line(const char *line);
} // namespace va

#endif

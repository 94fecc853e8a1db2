// TFLM's platform logging hooks (tensorflow/lite/micro/debug_log.h), replacing TFLM's own debug_log.cc (leave that
// file out of the TFLM sources): MicroPrintf output goes to nanoFramework's debug channel instead of stderr/UART0,
// and the last line is kept so a failure's message can reach managed code through GetLastError.
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "tensorflow/lite/micro/debug_log.h"
#include "tflm_host.h"
#include "tflm_platform.h"

namespace
{
char g_line[128];
char g_last[128];
char g_allocation[128]; // first line since the last clear that reports an allocation failure
size_t g_used = 0;

// TFLM's allocators report exhaustion only as text ("Failed to allocate ...", "Arena size is too small ...").
bool is_allocation_failure(const char *line)
{
    return std::strstr(line, "allocate") != nullptr || std::strstr(line, "too small") != nullptr ||
           std::strstr(line, "Arena size") != nullptr;
}
} // namespace

namespace va
{
const char *tflm_last_log() { return g_last; }

const char *tflm_allocation_failure() { return g_allocation; }

void tflm_clear_log()
{
    g_last[0] = '\0';
    g_allocation[0] = '\0';
}
} // namespace va

extern "C" int DebugVsnprintf(char *buffer, size_t buf_size, const char *format, va_list vlist)
{
    return std::vsnprintf(buffer, buf_size, format, vlist);
}

// MicroPrintf calls this once per message and then once with "\r\n"; lines are assembled and flushed on the newline.
extern "C" void DebugLog(const char *format, va_list args)
{
    char piece[128];
    std::vsnprintf(piece, sizeof piece, format, args);
    for (const char *p = piece; *p != '\0'; ++p)
    {
        if (*p == '\r' || *p == '\n')
        {
            if (g_used > 0)
            {
                g_line[g_used] = '\0';
                va::tflm_log_line(g_line);
                std::memcpy(g_last, g_line, g_used + 1);
                if (g_allocation[0] == '\0' && is_allocation_failure(g_line))
                {
                    std::memcpy(g_allocation, g_line, g_used + 1);
                }
                g_used = 0;
            }
        }
        else if (g_used < sizeof g_line - 1)
        {
            g_line[g_used++] = *p;
        }
    }
}

#include "virtual_board.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace va_virtual_board
{
namespace
{
int64_t g_samples = 0;
constexpr int64_t kSampleRate = 16000;

// One whole line, flushed, so lines of the app and of the board keep their order.
void PrintLine(std::FILE *stream, const char *prefix, const char *format, va_list args)
{
    std::fputs(prefix, stream);
    std::vfprintf(stream, format, args);
    std::fputc('\n', stream);
    std::fflush(stream);
}
} // namespace

int64_t AudioMilliseconds()
{
    return g_samples * 1000 / kSampleRate;
}

void AdvanceAudio(int64_t samples)
{
    g_samples += samples;
}

void Report(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    PrintLine(stdout, "VB ", format, args);
    va_end(args);
}

void Fail(const char *format, ...)
{
    std::fflush(stdout);
    va_list args;
    va_start(args, format);
    PrintLine(stderr, "virtual board: ", format, args);
    va_end(args);
    std::_Exit(3);
}

void EndOfAudio(int64_t hops)
{
    Report("END audio %lld ms, %lld reads", static_cast<long long>(AudioMilliseconds()), static_cast<long long>(hops));
    std::fflush(stdout);
    std::_Exit(0);
}

} // namespace va_virtual_board

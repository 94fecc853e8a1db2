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
    std::fputs("VB ", stdout);
    va_list args;
    va_start(args, format);
    std::vfprintf(stdout, format, args);
    va_end(args);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Fail(const char *format, ...)
{
    std::fflush(stdout);
    std::fputs("virtual board: ", stderr);
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
    std::fputc('\n', stderr);
    std::fflush(stderr);
    std::_Exit(3);
}

void EndOfAudio(int64_t hops)
{
    Report("END audio %lld ms, %lld reads", static_cast<long long>(AudioMilliseconds()), static_cast<long long>(hops));
    std::fflush(stdout);
    std::_Exit(0);
}

} // namespace va_virtual_board

// The virtual board's shared state: the audio clock the virtual microphone advances and the one output stream
// every virtual peripheral reports on. Lines a peripheral writes start with "VB " so they never look like the
// app's own serial lines.
#pragma once

#include <cstdint>

namespace va_virtual_board
{

// Milliseconds of audio the virtual microphone has delivered so far: the end of the hop the app is processing,
// which is the timestamp the app's loop gives that hop.
int64_t AudioMilliseconds();

// Called by the virtual microphone after each read.
void AdvanceAudio(int64_t samples);

// Writes one "VB ..." line to stdout (the stream the app's Console output goes to) and flushes it, so the
// order of app lines and peripheral lines is the order of events.
void Report(const char *format, ...) __attribute__((format(printf, 1, 2)));

// Reports a fatal problem of the virtual board on stderr (one line) and ends the process with exit code 3.
[[noreturn]] void Fail(const char *format, ...) __attribute__((format(printf, 1, 2)));

// Flushes stdout, prints the end marker and ends the process with exit code 0 (the microphone has no more audio).
[[noreturn]] void EndOfAudio(int64_t hops);

} // namespace va_virtual_board

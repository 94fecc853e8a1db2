// System.Device.I2s on the virtual board: the microphone plays the WAV file named by VA_VIRTUAL_I2S_WAV in the
// byte layout the ESP32 driver delivers for the app's connection settings (for the INMP441 setup: 32-bit slots,
// right+left, the microphone in the first slot with its 16 significant bits at the top), as fast as the app reads.
// When the file has no whole read left, the board prints its end marker and the process ends with exit code 0.

#include "System_Device_I2s.h"
#include "corlib_native.h"
#include "virtual_board.h"
#include "wav_stream.h"

#include <cstdlib>
#include <string>
#include <vector>

using va_virtual_board::Fail;
using va_virtual_board::Report;

namespace
{
using Device = Library_System_Device_I2s_System_Device_I2s_I2sDevice;
using Settings = Library_System_Device_I2s_System_Device_I2s_I2sConnectionSettings;
using Span = Library_corlib_native_System_SpanByte;

va_virtual_board::WavStream *g_wav = nullptr;
int g_slotBytes = 0;
int g_channels = 0;
int64_t g_reads = 0;
std::vector<int16_t> g_samples;

int Field(CLR_RT_HeapBlock *settings, int field)
{
    return settings[field].NumericByRef().s4;
}
} // namespace

HRESULT Device::NativeInit___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        CLR_RT_HeapBlock *settings = stack.This()[FIELD___connectionSettings].Dereference();
        FAULT_ON_NULL(settings);

        int mode = Field(settings, Settings::FIELD___i2sMode);
        int rate = Field(settings, Settings::FIELD___sampleRate);
        int bits = Field(settings, Settings::FIELD___i2sBitsPerSample);
        int format = Field(settings, Settings::FIELD___i2sChannelFormat);
        Report("I2S open bus %d rate %d mode %d bits %d format %d", Field(settings, Settings::FIELD___busId), rate, mode,
               bits, format);

        // What the real driver would do with these settings decides what the app hears; refuse what this board cannot
        // reproduce instead of playing audio in a layout the app does not expect.
        if (mode != (I2sMode_Master | I2sMode_Rx))
        {
            Fail("I2S mode %d: a microphone needs exactly Master|Rx (%d)", mode, I2sMode_Master | I2sMode_Rx);
        }

        if (rate != 16000 || (bits != I2sBitsPerSample_Bit16 && bits != I2sBitsPerSample_Bit32))
        {
            Fail("I2S %d Hz, %d-bit: the virtual microphone delivers 16000 Hz in 16- or 32-bit slots", rate, bits);
        }

        if (format != I2sChannelFormat_RightLeft && format != I2sChannelFormat_OnlyLeft)
        {
            Fail("I2S channel format %d: the virtual microphone supports RightLeft and OnlyLeft", format);
        }

        const char *path = std::getenv("VA_VIRTUAL_I2S_WAV");
        if (path == nullptr || *path == '\0')
        {
            Fail("VA_VIRTUAL_I2S_WAV names no WAV file for the microphone");
        }

        std::string error;
        delete g_wav;
        g_wav = new va_virtual_board::WavStream();
        if (!g_wav->Open(path, error))
        {
            Fail("%s", error.c_str());
        }

        g_slotBytes = bits / 8;
        g_channels = format == I2sChannelFormat_RightLeft ? 2 : 1;
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Device::Read___VOID__SystemSpanByte(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        CLR_RT_HeapBlock *span = stack.Arg1().Dereference();
        FAULT_ON_NULL_ARG(span);
        if (g_wav == nullptr)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
        }

        CLR_RT_HeapBlock_Array *array = span[Span::FIELD___array].DereferenceArray();
        FAULT_ON_NULL_ARG(array);
        int start = span[Span::FIELD___start].NumericByRef().s4;
        int length = span[Span::FIELD___length].NumericByRef().s4;
        int frameBytes = g_slotBytes * g_channels;
        if (length <= 0 || length % frameBytes != 0)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
        }

        size_t frames = static_cast<size_t>(length / frameBytes);
        g_samples.resize(frames);
        if (g_wav->Read(g_samples.data(), frames) < frames)
        {
            if (g_wav->DeliveredDataBytes() < g_wav->PromisedDataBytes())
            {
                Report("WARNING the WAV file ends early: its header promised %llu data bytes, it holds %llu",
                       static_cast<unsigned long long>(g_wav->PromisedDataBytes()),
                       static_cast<unsigned long long>(g_wav->DeliveredDataBytes()));
            }

            va_virtual_board::EndOfAudio(g_reads);
        }

        // Little-endian slots; the sample goes in the first slot of each frame, left-justified, the rest is zero
        // (the INMP441 drives only its own slot).
        uint8_t *out = array->GetElement(start);
        for (size_t f = 0; f < frames; f++)
        {
            uint8_t *frame = out + f * frameBytes;
            for (int b = 0; b < frameBytes; b++)
            {
                frame[b] = 0;
            }

            uint16_t s = static_cast<uint16_t>(g_samples[f]);
            frame[g_slotBytes - 2] = static_cast<uint8_t>(s & 0xFF);
            frame[g_slotBytes - 1] = static_cast<uint8_t>(s >> 8);
        }

        g_reads++;
        va_virtual_board::AdvanceAudio(static_cast<int64_t>(frames));
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Device::Write___VOID__SystemSpanByte(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    NANOCLR_SET_AND_LEAVE(stack.NotImplementedStub());

    NANOCLR_NOCLEANUP();
}

HRESULT Device::NativeDispose___VOID(CLR_RT_StackFrame &stack)
{
    (void)stack;
    delete g_wav;
    g_wav = nullptr;
    return S_OK;
}

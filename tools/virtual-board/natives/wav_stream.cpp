#include "wav_stream.h"

#include <cstring>

namespace va_virtual_board
{
namespace
{
uint32_t U32(const unsigned char *p)
{
    return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) |
           (static_cast<uint32_t>(p[3]) << 24);
}

uint16_t U16(const unsigned char *p)
{
    return static_cast<uint16_t>(p[0] | (p[1] << 8));
}

constexpr uint16_t kFormatPcm = 1;
constexpr uint16_t kFormatExtensible = 0xFFFE;
} // namespace

WavStream::~WavStream()
{
    if (file_ != nullptr)
    {
        std::fclose(file_);
    }
}

bool WavStream::Open(const char *path, std::string &error)
{
    file_ = std::fopen(path, "rb");
    if (file_ == nullptr)
    {
        error = std::string("cannot open '") + path + "': " + std::strerror(errno);
        return false;
    }

    unsigned char riff[12];
    if (std::fread(riff, 1, sizeof riff, file_) != sizeof riff || std::memcmp(riff, "RIFF", 4) != 0 ||
        std::memcmp(riff + 8, "WAVE", 4) != 0)
    {
        error = std::string("'") + path + "' is not a RIFF/WAVE file";
        return false;
    }

    bool haveFormat = false;
    for (;;)
    {
        unsigned char header[8];
        if (std::fread(header, 1, sizeof header, file_) != sizeof header)
        {
            error = std::string("'") + path + "' has no " + (haveFormat ? "data" : "fmt ") + " chunk";
            return false;
        }

        uint32_t size = U32(header + 4);
        if (std::memcmp(header, "fmt ", 4) == 0)
        {
            unsigned char fmt[40] = {};
            if (size < 16 || size > sizeof fmt || std::fread(fmt, 1, size, file_) != size)
            {
                error = std::string("'") + path + "' has a malformed fmt chunk";
                return false;
            }

            uint16_t format = U16(fmt);
            if (format == kFormatExtensible && size >= 26)
            {
                format = U16(fmt + 24); // first two bytes of the sub-format GUID
            }

            uint16_t channels = U16(fmt + 2);
            uint32_t rate = U32(fmt + 4);
            uint16_t bits = U16(fmt + 14);
            if (format != kFormatPcm || channels != 1 || rate != 16000 || bits != 16)
            {
                error = std::string("'") + path + "' is " + (format == kFormatPcm ? "PCM" : "not PCM") + ", " +
                        std::to_string(rate) + " Hz, " + std::to_string(channels) + " channel(s), " +
                        std::to_string(bits) + "-bit; the virtual microphone plays 16 kHz mono 16-bit PCM (convert: sox in.wav -r 16000 -c 1 -b 16 out.wav)";
                return false;
            }

            haveFormat = true;
            if ((size & 1) != 0)
            {
                std::fgetc(file_);
            }
        }
        else if (std::memcmp(header, "data", 4) == 0)
        {
            if (!haveFormat)
            {
                error = std::string("'") + path + "' has its data chunk before the fmt chunk";
                return false;
            }

            promised_ = size;
            return true;
        }
        else if (std::fseek(file_, static_cast<long>(size + (size & 1)), SEEK_CUR) != 0)
        {
            error = std::string("'") + path + "' ends inside a chunk";
            return false;
        }
    }
}

size_t WavStream::Read(int16_t *samples, size_t count)
{
    uint64_t left = (promised_ - delivered_) / 2;
    size_t want = count < left ? count : static_cast<size_t>(left);
    unsigned char bytes[2];
    size_t n = 0;
    for (; n < want; n++)
    {
        if (std::fread(bytes, 1, 2, file_) != 2)
        {
            break;
        }

        samples[n] = static_cast<int16_t>(U16(bytes));
    }

    delivered_ += 2 * n;
    return n;
}

} // namespace va_virtual_board

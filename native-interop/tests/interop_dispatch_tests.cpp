// Calls the native methods the way nanoCLR does: through the generated method_lookup table and marshalling
// stubs, with a shim stack frame. Checks the table layout (slots, checksum, version) and that each handler
// reaches the engine with the right arguments.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "VoiceAssistant_Interop.h"

namespace
{
// Slots of the native methods in method_lookup, as the MetadataProcessor ordered them (README.md). The C# 10
// build has no compiler-emitted types, so Abi's methods come first (a C# 11+ build would put an
// EmbeddedAttribute constructor in slot 0 and shift them all).
enum Slot
{
    kConfigure = 0,
    kPushAudio = 1,
    kLoadModel = 2,
    kInvoke = 3,
    kReset = 4,
    kGetInfo = 5,
    kGetLastError = 6,
    kGetFeatures = 7,
    kGetLevels = 8,
};

template <class T> void set_array(CLR_RT_StackFrame &f, int i, std::vector<T> &v)
{
    f.args[i].data = v.data();
    f.args[i].length = static_cast<unsigned int>(v.size());
    f.args[i].elementSize = sizeof(T);
}

int call(int slot, CLR_RT_StackFrame &f)
{
    const CLR_RT_MethodHandler h = g_CLR_AssemblyNative_VoiceAssistant_Interop.m_pNativeMethods[slot];
    EXPECT_NE(h, nullptr);
    EXPECT_EQ(h(f), S_OK);
    EXPECT_TRUE(f.hasResult);
    return f.result;
}
} // namespace

TEST(InteropTable, NameChecksumVersionAndSlots)
{
    const CLR_RT_NativeAssemblyData &a = g_CLR_AssemblyNative_VoiceAssistant_Interop;
    EXPECT_STREQ(a.m_szAssemblyName, "VoiceAssistant.Interop");
    EXPECT_EQ(a.m_checkSum, 0xFD24A55Fu); // from the MetadataProcessor run recorded in README.md
    EXPECT_EQ(a.m_Version.iMajorVersion, 2);
    for (int i = kConfigure; i <= kGetLevels; i++)
    {
        EXPECT_NE(a.m_pNativeMethods[i], nullptr) << i;
    }
    EXPECT_EQ(a.m_pNativeMethods[kGetLevels + 1], nullptr);
}

TEST(InteropTable, HandlersReachTheEngine)
{
    std::vector<int> cfg = {2, 1, 0, 0, 1, 49, 40, 0x3F800000, 0};
    CLR_RT_StackFrame f;
    set_array(f, 0, cfg);
    EXPECT_EQ(call(kConfigure, f), 0);

    std::vector<uint8_t> raw(100, 0);
    CLR_RT_StackFrame p;
    set_array(p, 0, raw);
    p.args[1].value = 90;
    p.args[2].value = 20; // 90 + 20 > 100
    EXPECT_EQ(call(kPushAudio, p), -2);

    std::vector<uint8_t> msg(128, 0);
    CLR_RT_StackFrame m;
    set_array(m, 0, msg);
    const int n = call(kGetLastError, m);
    EXPECT_EQ(std::string(reinterpret_cast<char *>(msg.data()), static_cast<size_t>(n)),
              "offset/count outside the audio array");

    p.args[1].value = 0;
    p.args[2].value = 100;
    raw[0] = 0x10; // sample 0: 10000
    raw[1] = 0x27;
    raw[2] = 0xF0; // sample 1: -10000
    raw[3] = 0xD8;
    EXPECT_EQ(call(kPushAudio, p), 0); // 50 samples: no row yet

    std::vector<int> levels(2, 7);
    CLR_RT_StackFrame lv;
    set_array(lv, 0, levels);
    EXPECT_EQ(call(kGetLevels, lv), 50);
    EXPECT_EQ(levels[0], -10000);
    EXPECT_EQ(levels[1], 10000);

    std::vector<uint8_t> model(64, 0);
    CLR_RT_StackFrame l;
    set_array(l, 0, model);
    l.args[1].value = 30000;
    EXPECT_EQ(call(kLoadModel, l), -3);

    std::vector<signed char> scores(4, 0);
    CLR_RT_StackFrame inv;
    set_array(inv, 0, scores);
    EXPECT_EQ(call(kInvoke, inv), -3);

    std::vector<int> info(11, 0);
    CLR_RT_StackFrame gi;
    set_array(gi, 0, info);
    EXPECT_EQ(call(kGetInfo, gi), 0);
    EXPECT_EQ(info[0], 2);
    EXPECT_EQ(info[2], 1 | 8); // configured, has MFCC (no TFLM)

    std::vector<signed char> window(1960, 9);
    CLR_RT_StackFrame gf;
    set_array(gf, 0, window);
    EXPECT_EQ(call(kGetFeatures, gf), 0);

    CLR_RT_StackFrame r;
    EXPECT_EQ(call(kReset, r), 0);
}

TEST(InteropTable, WrongElementTypeIsRejectedByTheMarshaller)
{
    std::vector<uint8_t> notInts(9, 0);
    CLR_RT_StackFrame f;
    set_array(f, 0, notInts);
    const CLR_RT_MethodHandler h = g_CLR_AssemblyNative_VoiceAssistant_Interop.m_pNativeMethods[kConfigure];
    EXPECT_EQ(h(f), CLR_E_WRONG_TYPE);
}

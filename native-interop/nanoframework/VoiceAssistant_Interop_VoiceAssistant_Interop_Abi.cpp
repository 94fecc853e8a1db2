// Hand-written implementation of the native methods of VoiceAssistant.Interop.Abi. Each handler only
// unwraps the managed arrays (already null-checked by the marshaller: a null array raises
// NullReferenceException in managed code) and forwards to the one global va::Engine. Failures are reported as
// negative status codes with a message (NativeGetLastError), never as HRESULTs, so the managed wrapper can
// raise NativeSpotterException with the native text; hr stays S_OK.

#include "VoiceAssistant_Interop.h"
#include "VoiceAssistant_Interop_VoiceAssistant_Interop_Abi.h"

#include "va_engine.h"

using namespace VoiceAssistant_Interop::VoiceAssistant_Interop;

namespace
{
// Static storage: fixed size, no heap for the kernel (the TFLM arena will be allocated in LoadModel).
va::Engine g_engine;
} // namespace

signed int Abi::NativeConfigure(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    return g_engine.configure(param0.GetBuffer(), param0.GetSize());
}

signed int Abi::NativePushAudio(CLR_RT_TypedArray_UINT8 param0, signed int param1, signed int param2,
                                         HRESULT &hr)
{
    (void)hr;
    return g_engine.push_audio(param0.GetBuffer(), param0.GetSize(), param1, param2);
}

signed int Abi::NativeLoadModel(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr)
{
    (void)hr;
    // The engine copies what it keeps: param0 points into the managed heap, which the GC may compact.
    return g_engine.load_model(param0.GetBuffer(), param0.GetSize(), param1);
}

signed int Abi::NativeInvoke(CLR_RT_TypedArray_INT8 param0, HRESULT &hr)
{
    (void)hr;
    return g_engine.invoke(param0.GetBuffer(), param0.GetSize());
}

signed int Abi::NativeReset(HRESULT &hr)
{
    (void)hr;
    return g_engine.reset();
}

signed int Abi::NativeGetInfo(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    return g_engine.get_info(param0.GetBuffer(), param0.GetSize());
}

signed int Abi::NativeGetLastError(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr)
{
    (void)hr;
    return g_engine.get_last_error(param0.GetBuffer(), param0.GetSize());
}

signed int Abi::NativeGetFeatures(CLR_RT_TypedArray_INT8 param0, HRESULT &hr)
{
    (void)hr;
    return g_engine.get_features(param0.GetBuffer(), param0.GetSize());
}

signed int Abi::NativeGetLevels(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    return g_engine.get_levels(param0.GetBuffer(), param0.GetSize());
}

// Hand-written (not generated): declarations the generated stubs/..._Abi_mshl.cpp calls. Signatures
// must match what the MetadataProcessor emits for VoiceAssistant.Interop.Abi (see README.md); the
// bodies live in the .cpp beside this file and forward to va::Engine.
#ifndef VOICEASSISTANT_INTEROP_VOICEASSISTANT_INTEROP_VOICEASSISTANT_INTEROP_ABI_H
#define VOICEASSISTANT_INTEROP_VOICEASSISTANT_INTEROP_VOICEASSISTANT_INTEROP_ABI_H

namespace VoiceAssistant_Interop
{
namespace VoiceAssistant_Interop
{
struct Abi
{
    static signed int NativeConfigure(CLR_RT_TypedArray_INT32 param0, HRESULT &hr);
    static signed int NativePushAudio(CLR_RT_TypedArray_UINT8 param0, signed int param1, signed int param2, HRESULT &hr);
    static signed int NativeLoadModel(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr);
    static signed int NativeInvoke(CLR_RT_TypedArray_INT8 param0, HRESULT &hr);
    static signed int NativeReset(HRESULT &hr);
    static signed int NativeGetInfo(CLR_RT_TypedArray_INT32 param0, HRESULT &hr);
    static signed int NativeGetLastError(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr);
    static signed int NativeGetFeatures(CLR_RT_TypedArray_INT8 param0, HRESULT &hr);
    static signed int NativeGetLevels(CLR_RT_TypedArray_INT32 param0, HRESULT &hr);
};
} // namespace VoiceAssistant_Interop
} // namespace VoiceAssistant_Interop

#endif

// Host test shim (written for this project, not nanoFramework's header): just enough of the nanoCLR interop
// surface for the generated stubs and our handlers to compile and run on the PC, so the method table, the
// marshalling order and the handler signatures are exercised by CTest. Only the names the stubs use exist.
#ifndef VA_SHIM_NANOCLR_INTEROP_H
#define VA_SHIM_NANOCLR_INTEROP_H

#include <cstddef>
#include <cstdint>

typedef int32_t HRESULT;
#define S_OK ((HRESULT)0)
#define CLR_E_WRONG_TYPE ((HRESULT)0x81000000)
#define FAILED(hr) ((hr) < 0)

// One managed argument: an array (pointer + length) or an int.
struct ShimArg
{
    void *data = nullptr;
    unsigned int length = 0;
    unsigned int elementSize = 0;
    int value = 0;
};

struct CLR_RT_StackFrame
{
    ShimArg args[4];
    int result = 0;
    bool hasResult = false;
};

template <class T> class CLR_RT_TypedArray
{
  public:
    T *m_pData = nullptr;
    unsigned int m_ElemCount = 0;
    T *GetBuffer() { return m_pData; }
    unsigned int GetSize() { return m_ElemCount; }
};
typedef CLR_RT_TypedArray<unsigned char> CLR_RT_TypedArray_UINT8;
typedef CLR_RT_TypedArray<signed char> CLR_RT_TypedArray_INT8;
typedef CLR_RT_TypedArray<signed int> CLR_RT_TypedArray_INT32;

template <class T> HRESULT ShimMarshalArray(CLR_RT_StackFrame &stack, unsigned int index, CLR_RT_TypedArray<T> &a)
{
    if (stack.args[index].elementSize != sizeof(T))
    {
        return CLR_E_WRONG_TYPE;
    }
    a.m_pData = static_cast<T *>(stack.args[index].data);
    a.m_ElemCount = stack.args[index].length;
    return S_OK;
}
inline HRESULT Interop_Marshal_UINT8_ARRAY(CLR_RT_StackFrame &s, unsigned int i, CLR_RT_TypedArray_UINT8 &a)
{
    return ShimMarshalArray(s, i, a);
}
inline HRESULT Interop_Marshal_INT8_ARRAY(CLR_RT_StackFrame &s, unsigned int i, CLR_RT_TypedArray_INT8 &a)
{
    return ShimMarshalArray(s, i, a);
}
inline HRESULT Interop_Marshal_INT32_ARRAY(CLR_RT_StackFrame &s, unsigned int i, CLR_RT_TypedArray_INT32 &a)
{
    return ShimMarshalArray(s, i, a);
}
inline HRESULT Interop_Marshal_INT32(CLR_RT_StackFrame &s, unsigned int i, signed int &v)
{
    v = s.args[i].value;
    return S_OK;
}
inline void SetResult_INT32(CLR_RT_StackFrame &s, signed int v)
{
    s.result = v;
    s.hasResult = true;
}

#define NANOCLR_HEADER() HRESULT hr
#define NANOCLR_CHECK_HRESULT(expr)                                                                                    \
    {                                                                                                                  \
        if (FAILED(hr = (expr)))                                                                                       \
            goto nanoCLR_Cleanup;                                                                                      \
    }
#define NANOCLR_NOCLEANUP()                                                                                            \
    nanoCLR_Cleanup:                                                                                                   \
    return hr
#define NANOCLR_NATIVE_DECLARE(func) static HRESULT func(CLR_RT_StackFrame &stack)

typedef HRESULT (*CLR_RT_MethodHandler)(CLR_RT_StackFrame &stack);

struct CLR_RT_NativeAssemblyData
{
    const char *m_szAssemblyName;
    uint32_t m_checkSum;
    const CLR_RT_MethodHandler *m_pNativeMethods;
    struct
    {
        uint16_t iMajorVersion, iMinorVersion, iBuildNumber, iRevisionNumber;
    } m_Version;
};

#endif

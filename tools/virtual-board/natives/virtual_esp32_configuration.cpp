// nanoFramework.Hardware.Esp32's Configuration on the virtual board: pin functions are recorded
// ("VB PINFUNC <pin> <function>") and remembered; they have no other effect. The assembly's other classes keep
// the MetadataProcessor's NotImplemented skeletons.

#include "nanoFramework_Hardware_Esp32.h"
#include "virtual_board.h"

namespace
{
using Configuration = Library_nanoFramework_Hardware_Esp32_nanoFramework_Hardware_Esp32_Configuration;

constexpr int kPinCount = 40;
int g_functions[kPinCount];
bool g_set[kPinCount] = {};
} // namespace

HRESULT Configuration::NativeSetPinFunction___STATIC__VOID__I4__I4(CLR_RT_StackFrame &stack)
{
    int pin = stack.Arg0().NumericByRef().s4;
    int function = stack.Arg1().NumericByRef().s4;
    if (pin < 0 || pin >= kPinCount)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    g_functions[pin] = function;
    g_set[pin] = true;
    va_virtual_board::Report("PINFUNC %d %d", pin, function);
    return S_OK;
}

HRESULT Configuration::NativeGetPinFunction___STATIC__I4__I4(CLR_RT_StackFrame &stack)
{
    int pin = stack.Arg0().NumericByRef().s4;
    if (pin < 0 || pin >= kPinCount)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    stack.SetResult_I4(g_set[pin] ? g_functions[pin] : -1);
    return S_OK;
}

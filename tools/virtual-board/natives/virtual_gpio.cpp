// System.Device.Gpio on the virtual board: every output write is recorded as "VB GPIO <pin> <level> <ms>", where ms
// is the audio time of the hop the app is processing (the virtual microphone's clock), so a LED's levels can be
// compared with the assistant's actions. This table replaces nanoFramework's own posix Gpio entry, whose methods
// are all NotImplemented.

#include "System_Device_Gpio.h"
#include "virtual_board.h"

#include <cstdint>

using va_virtual_board::Report;

namespace
{
using Pin = Library_System_Device_Gpio_System_Device_Gpio_GpioPin;
using Controller = Library_System_Device_Gpio_System_Device_Gpio_GpioController;

constexpr int kPinCount = 40; // a classic ESP32's GPIO numbers 0..39
uint8_t g_levels[kPinCount] = {};
bool g_open[kPinCount] = {};

bool Valid(int pin)
{
    return pin >= 0 && pin < kPinCount;
}

void Record(int pin, int level)
{
    g_levels[pin] = static_cast<uint8_t>(level != 0);
    Report("GPIO %d %d %lld", pin, level != 0, static_cast<long long>(va_virtual_board::AudioMilliseconds()));
}

int PinNumber(CLR_RT_StackFrame &stack)
{
    return stack.This()[Pin::FIELD___pinNumber].NumericByRefConst().s4;
}

// PinValue is a struct: its boxed copy's one field holds the level.
int Level(CLR_RT_HeapBlock &arg)
{
    CLR_RT_HeapBlock *value = arg.Dereference();
    return value != nullptr ? value[Library_System_Device_Gpio_System_Device_Gpio_PinValue::FIELD___value].NumericByRef().u1
                            : arg.NumericByRef().u1;
}
} // namespace

HRESULT Pin::NativeInit___BOOLEAN__I4(CLR_RT_StackFrame &stack)
{
    int pin = stack.Arg1().NumericByRef().s4;
    if (Valid(pin))
    {
        g_open[pin] = true;
    }

    stack.SetResult_Boolean(Valid(pin));
    return S_OK;
}

HRESULT Pin::WriteNative___VOID__SystemDeviceGpioPinValue(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        FAULT_ON_NULL(stack.This());
        if (stack.This()[FIELD___disposedValue].NumericByRef().u1 != 0)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
        }

        int pin = PinNumber(stack);
        if (!Valid(pin))
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
        }

        Record(pin, Level(stack.Arg1()));
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Pin::Toggle___VOID(CLR_RT_StackFrame &stack)
{
    int pin = PinNumber(stack);
    if (!Valid(pin))
    {
        return CLR_E_INVALID_PARAMETER;
    }

    Record(pin, !g_levels[pin]);
    return S_OK;
}

HRESULT Pin::Read___SystemDeviceGpioPinValue(CLR_RT_StackFrame &stack)
{
    // Inputs are not simulated: the app reads no pin.
    return stack.NotImplementedStub();
}

HRESULT Pin::DisposeNative___VOID(CLR_RT_StackFrame &stack)
{
    int pin = PinNumber(stack);
    if (Valid(pin))
    {
        g_open[pin] = false;
    }

    return S_OK;
}

HRESULT Pin::NativeIsPinModeSupported___BOOLEAN__SystemDeviceGpioPinMode(CLR_RT_StackFrame &stack)
{
    stack.SetResult_Boolean(true);
    return S_OK;
}

HRESULT Pin::NativeSetPinMode___VOID__SystemDeviceGpioPinMode(CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT Pin::NativeSetDebounceTimeout___VOID(CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT Pin::NativeSetAlternateFunction___VOID__I4(CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT Controller::get_PinCount___I4(CLR_RT_StackFrame &stack)
{
    stack.SetResult_I4(kPinCount);
    return S_OK;
}

HRESULT Controller::DisposeNative___VOID(CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT Controller::IsPinModeSupported___BOOLEAN__I4__SystemDeviceGpioPinMode(CLR_RT_StackFrame &stack)
{
    stack.SetResult_Boolean(Valid(stack.Arg1().NumericByRef().s4));
    return S_OK;
}

HRESULT Controller::IsPinOpen___BOOLEAN__I4(CLR_RT_StackFrame &stack)
{
    int pin = stack.Arg1().NumericByRef().s4;
    stack.SetResult_Boolean(Valid(pin) && g_open[pin]);
    return S_OK;
}

HRESULT Controller::SetPinMode___VOID__I4__SystemDeviceGpioPinMode(CLR_RT_StackFrame &stack)
{
    return Valid(stack.Arg1().NumericByRef().s4) ? S_OK : CLR_E_INVALID_PARAMETER;
}

HRESULT Controller::NativeRead___U1__I4(CLR_RT_StackFrame &stack)
{
    int pin = stack.Arg1().NumericByRef().s4;
    if (!Valid(pin))
    {
        return CLR_E_INVALID_PARAMETER;
    }

    stack.SetResult_U1(g_levels[pin]);
    return S_OK;
}

HRESULT Controller::NativeWrite___VOID__I4__U1(CLR_RT_StackFrame &stack)
{
    int pin = stack.Arg1().NumericByRef().s4;
    if (!Valid(pin))
    {
        return CLR_E_INVALID_PARAMETER;
    }

    Record(pin, stack.Arg2().NumericByRef().u1);
    return S_OK;
}

// Host test shim: the stubs include it; everything needed is in nanoCLR_Interop.h.

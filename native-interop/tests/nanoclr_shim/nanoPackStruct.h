// Host test shim: the stubs include it; nothing is needed from it on the host.

using System.Runtime.CompilerServices;

namespace VoiceAssistant.Interop
{
    /// <summary>
    /// The native methods of the interop assembly (its application binary interface): the frozen
    /// managed/native contract (native-interop/README.md). Only primitive types and primitive arrays cross.
    /// </summary>
    /// <remarks>
    /// nanoCLR finds a native method's handler by the method's index among ALL methods of the assembly, in the
    /// MetadataProcessor's type order (types sorted by full name, then by usage). The MetadataProcessor's checksum
    /// hashes native names/signatures and one "NULL" per other method, but only from the first native method on.
    /// So this class is named to sort first and no method may precede it: then every method added or removed
    /// anywhere in the assembly changes the checksum (the device refuses a stale table instead of calling the
    /// wrong handler). Any method change in this assembly therefore needs regenerated stubs and checksum, a
    /// rebuilt firmware and a new AssemblyNativeVersion; tests/VoiceAssistant.Interop.Tests recomputes the
    /// checksum from the built assembly and fails until that is done.
    /// </remarks>
    internal static class Abi
    {
        // ---- native methods (order is part of the contract) ----

        /// <summary>Applies the audio format and checks the feature shape; clears all buffered audio and rows.</summary>
        /// <returns><see cref="InteropStatus.Ok"/> or a negative status.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeConfigure(int[] config);

        /// <summary>Converts raw PCM bytes and computes feature rows into the native window.</summary>
        /// <returns>Number of new rows (≥ 0) or a negative status.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativePushAudio(byte[] raw, int offset, int count);

        /// <summary>Copies the model into native memory, allocates an arena of <paramref name="arenaBytes"/> and its tensors.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeLoadModel(byte[] model, int arenaBytes);

        /// <summary>Runs the model on the current window and writes one int8 score per label.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeInvoke(sbyte[] scores);

        /// <summary>Forgets buffered audio and rows; keeps configuration and model.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeReset();

        /// <summary>Fills <paramref name="info"/> (at least <see cref="InfoLayout.Length"/> entries).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeGetInfo(int[] info);

        /// <summary>Copies the last error message (ASCII) and returns its length in bytes.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeGetLastError(byte[] message);

        /// <summary>Copies the 49×40 int8 window, oldest row first, into <paramref name="window"/>.</summary>
        /// <returns>Rows available (≥ 0) or a negative status.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeGetFeatures(sbyte[] window);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeGetLevels(int[] levels);

        // ---- forwarders for the wrapper (the externs stay private as in nanoFramework's interop samples) ----

        internal static int Configure(int[] config) { return NativeConfigure(config); }

        internal static int PushAudio(byte[] raw, int offset, int count) { return NativePushAudio(raw, offset, count); }

        internal static int LoadModel(byte[] model, int arenaBytes) { return NativeLoadModel(model, arenaBytes); }

        internal static int Invoke(sbyte[] scores) { return NativeInvoke(scores); }

        internal static int Reset() { return NativeReset(); }

        internal static int GetInfo(int[] info) { return NativeGetInfo(info); }

        internal static int GetLastError(byte[] message) { return NativeGetLastError(message); }

        internal static int GetFeatures(sbyte[] window) { return NativeGetFeatures(window); }

        internal static int GetLevels(int[] levels) { return NativeGetLevels(levels); }
    }
}

using System.Runtime.CompilerServices;

namespace VoiceAssistant.Interop
{
    /// <summary>
    /// The native methods of the interop assembly: the frozen managed/native contract
    /// (native-interop/README.md). Only primitive types and primitive arrays cross the boundary.
    /// </summary>
    /// <remarks>
    /// The MetadataProcessor's checksum covers the name and signature of every native method and one slot
    /// for every method of every class in the assembly, in order: adding, removing, reordering or changing any
    /// method here (or in the other classes) means regenerating the stubs and checksum, rebuilding the
    /// firmware and bumping AssemblyNativeVersion. Keep this class to the externs and their one-line forwarders.
    /// </remarks>
    internal static class NativeKernel
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

        // ---- forwarders for the wrapper (the externs stay private as in nanoFramework's interop samples) ----

        internal static int Configure(int[] config) { return NativeConfigure(config); }

        internal static int PushAudio(byte[] raw, int offset, int count) { return NativePushAudio(raw, offset, count); }

        internal static int LoadModel(byte[] model, int arenaBytes) { return NativeLoadModel(model, arenaBytes); }

        internal static int Invoke(sbyte[] scores) { return NativeInvoke(scores); }

        internal static int Reset() { return NativeReset(); }

        internal static int GetInfo(int[] info) { return NativeGetInfo(info); }

        internal static int GetLastError(byte[] message) { return NativeGetLastError(message); }

        internal static int GetFeatures(sbyte[] window) { return NativeGetFeatures(window); }
    }
}

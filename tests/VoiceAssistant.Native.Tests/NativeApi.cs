using System;
using System.Reflection;
using System.Runtime.InteropServices;
using VoiceAssistant.TestSupport;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>
    /// The C ABI of build/native's va_features_host (native-interop/host/va_host_api.h, version 3). Call
    /// <see cref="Require"/> first in every test: it locates the library (fail on CI, skip elsewhere when absent)
    /// and binds the imports to that file. The library holds global state (one engine, one PCM stream, the MFCC
    /// workspace), so this assembly runs its tests one at a time (AssemblyInfo.cs).
    /// </summary>
    internal static class NativeApi
    {
        public const string Library = "va_features_host";
        public const int AbiVersion = 3;

        private static readonly object Gate = new object();
        private static string boundPath;

        /// <summary>Makes the imports below resolve to the CMake-built library; fails/skips when it is absent.</summary>
        public static void Require()
        {
            string path = NativeBuild.RequireLibrary(Library);
            lock (Gate)
            {
                if (boundPath == null)
                {
                    NativeLibrary.SetDllImportResolver(typeof(NativeApi).Assembly, Resolve);
                    boundPath = path;
                }
            }

            if (va_host_abi_version() != AbiVersion)
            {
                throw new InvalidOperationException($"{path} has host ABI {va_host_abi_version()}, the tests expect {AbiVersion}: rebuild native-interop");
            }
        }

        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            return name == Library ? NativeLibrary.Load(boundPath) : IntPtr.Zero;
        }

        [DllImport(Library)] public static extern int va_host_abi_version();
        [DllImport(Library)] public static extern int va_pcm_convert(byte[] raw, int count, int slotBytes, int channelsPerFrame, int channel, int sampleShift, [Out] short[] output, int outCapacity);
        [DllImport(Library)] public static extern int va_quantize(float[] features, int n, float scale, int zeroPoint, [Out] sbyte[] output);
        [DllImport(Library)] public static extern int va_mfcc_compute_frame(short[] window, [Out] float[] coefficients);
        [DllImport(Library)] public static extern int va_float_math(int op, float[] input, int n, [Out] float[] output);
        [DllImport(Library)] public static extern int va_fft_forward(float[] input, [Out] float[] outRe, [Out] float[] outIm);
        [DllImport(Library)] public static extern int va_mel_filterbank(float[] magnitude, [Out] float[] mel);
        [DllImport(Library)] public static extern int va_dct(float[] input, [Out] float[] output);
        [DllImport(Library)] public static extern int va_pcm_stream_configure(int slotBytes, int channelsPerFrame, int channel, int sampleShift);
        [DllImport(Library)] public static extern int va_pcm_stream_convert(byte[] raw, int count, [Out] short[] output, int outCapacity);
        [DllImport(Library)] public static extern int va_engine_configure(int[] config, int length);
        [DllImport(Library)] public static extern int va_engine_reset();
        [DllImport(Library)] public static extern int va_engine_get_info([Out] int[] info, int length);
        [DllImport(Library)] public static extern int va_engine_get_features([Out] sbyte[] window, int length);
        [DllImport(Library)] public static extern int va_engine_push_audio_rows(byte[] raw, int count, [Out] float[] rows, int rowsCapacity);
        [DllImport(Library)] public static extern int va_depthwise_conv_s8(int[] parameters, int parameterCount, sbyte[] input, int inputLength, sbyte[] filter, int filterLength, int[] bias, int[] multiplier, int[] shift, [Out] sbyte[] output, int outputLength);
    }
}

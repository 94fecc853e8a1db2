using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using VoiceAssistant.Codegen.Emit;
using VoiceAssistant.Codegen.Model;
using VoiceAssistant.Core.Audio;
using VoiceAssistant.Core.Features;
using VoiceAssistant.Core.Model;
using VoiceAssistant.Core.Recognition;
using VoiceAssistant.Core.Settings;

namespace VoiceAssistant.Codegen.DeviceVectors
{
    /// <summary>Runs a model on one int8 window and returns its int8 scores (the host's C# interpreter).</summary>
    /// <param name="model">Model bytes.</param>
    /// <param name="window">The 1960-byte input window.</param>
    public delegate sbyte[] ModelScorer(byte[] model, sbyte[] window);

    /// <summary>
    /// The <c>device-vectors</c> target: test vectors for tests/VoiceAssistant.Device.Tests computed by the host build of
    /// the core (proven against NWaves/FftSharp and the TFLM goldens by the host tests) from our own sample audio, so the
    /// device run checks that the nanoFramework runtime and the native kernel reproduce the host.
    /// </summary>
    public static class DeviceVectorCodegen
    {
        /// <summary>Repository-relative path of the generated vectors.</summary>
        public const string CSharpPath = "tests/VoiceAssistant.Device.Tests/Generated/DeviceVectors.g.cs";

        /// <summary>Feature rows whose float MFCC is checked.</summary>
        public static readonly int[] MfccRows = { 0, 12, 24, 48 };

        /// <summary>Samples of the PCM layout cases (taken from the clip's loud part).</summary>
        public const int PcmSamples = 64;

        /// <summary>Builds the vectors file.</summary>
        /// <param name="clip">At least one second of 16 kHz mono speech (only the first second is used).</param>
        /// <param name="audioSource">Provenance line for the banner (e.g. the espeak-ng command).</param>
        /// <param name="tflite">The shipped model, or null (then no model cases are emitted).</param>
        /// <param name="info">The shipped model's description (with <paramref name="tflite"/>).</param>
        /// <param name="scorer">The host interpreter (with <paramref name="tflite"/>).</param>
        public static GeneratedFile Generate(short[] clip, string audioSource, byte[] tflite, ModelInfo info, ModelScorer scorer)
        {
            ArgumentNullException.ThrowIfNull(clip);
            if (clip.Length < AssistantSettings.SampleRate)
            {
                throw new InvalidDataException("the clip must hold at least one second (" + AssistantSettings.SampleRate + " samples) but has " + clip.Length);
            }

            if (tflite != null && (info == null || scorer == null))
            {
                throw new InvalidOperationException("model cases need the model's info and the host interpreter to score them");
            }

            var one = new short[AssistantSettings.SampleRate];
            Array.Copy(clip, one, one.Length);

            var constants = new List<GeneratedConstant>();
            var tables = new List<GeneratedTable>();
            tables.Add(GeneratedTable.Int16("Clip", "One second of 16 kHz speech (" + Sanitize(audioSource) + ")", ToInts(one)));

            AddPcm(one, tables);
            AddMfcc(one, constants, tables);
            AddWindow(one, constants, tables);
            AddRecognizer(constants, tables);
            AddModel(one, tflite, info, scorer, constants, tables);

            string cs = CSharpEmitter.EmitClass(Banner(audioSource, tflite), "VoiceAssistant.Device.Tests", "DeviceVectors",
                "Vectors for the device tests, computed by the host build of the core from our own sample audio.", false, constants, tables);
            return new GeneratedFile(CSharpPath, cs);
        }

        /// <summary>Reads raw little-endian 16-bit mono samples (e.g. <c>sox ... -t raw</c> output).</summary>
        /// <param name="path">File path.</param>
        public static short[] ReadPcm16(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            var samples = new short[bytes.Length / 2];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)(bytes[2 * i] | (bytes[2 * i + 1] << 8));
            }

            return samples;
        }

        // Two layouts the board may deliver, built by hand from the clip's samples with junk in the ignored bits/slot;
        // the expected samples come from the host converter (checked against the clip here).
        private static void AddPcm(short[] clip, List<GeneratedTable> tables)
        {
            int start = LoudestStart(clip, PcmSamples);
            var expected = new short[PcmSamples];
            Array.Copy(clip, start, expected, 0, PcmSamples);

            var stereo32 = new byte[PcmSamples * 8];
            var packed24 = new byte[PcmSamples * 3];
            for (int i = 0; i < PcmSamples; i++)
            {
                int junk = (i * 73 + 11) & 0xFF;
                WriteLe(stereo32, i * 8, unchecked((int)0x7FEE0000 - i * 65537), 4);            // other slot
                WriteLe(stereo32, i * 8 + 4, (expected[i] << 16) | (junk << 8) | junk, 4);     // microphone slot (1), low bits junk
                WriteLe(packed24, i * 3, (expected[i] << 8) | junk, 3);
            }

            CheckPcm(stereo32, new AssistantSettings { SlotBytes = 4, ChannelsPerFrame = 2, Channel = 1, SampleShift = 16 }, expected);
            CheckPcm(packed24, new AssistantSettings { SlotBytes = 3, ChannelsPerFrame = 1, Channel = 0, SampleShift = 8 }, expected);
            tables.Add(GeneratedTable.Bytes("PcmStereo32Raw", "32-bit stereo frames, microphone in slot 1, SampleShift 16", stereo32));
            tables.Add(GeneratedTable.Bytes("PcmPacked24Raw", "Packed 24-bit mono frames, SampleShift 8", packed24));
            tables.Add(GeneratedTable.Int16("PcmExpected", "Samples both layouts convert to", ToInts(expected)));
        }

        private static void AddMfcc(short[] clip, List<GeneratedConstant> constants, List<GeneratedTable> tables)
        {
            var all = new float[AssistantSettings.WindowFrames * AssistantSettings.CoefficientCount];
            int rows = new Mfcc().ComputeClip(clip, all);
            if (rows != AssistantSettings.WindowFrames)
            {
                throw new InvalidOperationException("one second must give " + AssistantSettings.WindowFrames + " rows, got " + rows);
            }

            var picked = new float[MfccRows.Length * AssistantSettings.CoefficientCount];
            for (int r = 0; r < MfccRows.Length; r++)
            {
                Array.Copy(all, MfccRows[r] * AssistantSettings.CoefficientCount, picked, r * AssistantSettings.CoefficientCount, AssistantSettings.CoefficientCount);
            }

            constants.Add(new GeneratedConstant("MfccRowCount", "Rows in MfccRows", MfccRows.Length));
            tables.Add(GeneratedTable.Int32("MfccRows", "Clip rows whose float MFCC is checked", MfccRows));
            tables.Add(GeneratedTable.FromFloats("MfccExpected", "Float MFCC of those rows (row-major)", picked));
        }

        private static void AddWindow(short[] clip, List<GeneratedConstant> constants, List<GeneratedTable> tables)
        {
            // A quantisation that uses the int8 range for this clip (features of a real model use its own).
            var all = new float[AssistantSettings.WindowFrames * AssistantSettings.CoefficientCount];
            new Mfcc().ComputeClip(clip, all);
            float maxAbs = 0f;
            foreach (float f in all)
            {
                maxAbs = Math.Max(maxAbs, Math.Abs(f));
            }

            float scale = (float)Math.Ceiling(maxAbs / 120f * 1024f) / 1024f;
            const int zeroPoint = -3;
            var window = Window(clip, scale, zeroPoint);
            constants.Add(new GeneratedConstant("WindowScale", "Quantisation scale of WindowExpected", scale));
            constants.Add(new GeneratedConstant("WindowZeroPoint", "Quantisation zero point of WindowExpected", zeroPoint));
            tables.Add(GeneratedTable.SBytes("WindowExpected", "The 49×40 int8 window after pushing the clip (oldest row first)", window));
        }

        private static sbyte[] Window(short[] clip, float scale, int zeroPoint)
        {
            var stream = new FeatureStream(new FeatureQuantizer(scale, zeroPoint), new FeatureWindow());
            stream.Push(clip, 0, clip.Length);
            var window = new sbyte[AssistantSettings.WindowFeatures];
            stream.Window.CopyTo(window);
            return window;
        }

        // A deterministic score sequence (silence, a rising "yes", silence, "no") and what the host recogniser says.
        private static void AddRecognizer(List<GeneratedConstant> constants, List<GeneratedTable> tables)
        {
            string[] labels = { "silence", "unknown", "yes", "no" };
            var settings = new AssistantSettings();
            var recognizer = new CommandRecognizer(labels, settings);
            const int steps = 120;
            var scores = new sbyte[steps * labels.Length];
            var times = new int[steps];
            var label = new int[steps];
            var score = new int[steps];
            var isNew = new int[steps];
            var row = new sbyte[labels.Length];
            for (int i = 0; i < steps; i++)
            {
                int hot = i < 20 ? 0 : i < 50 ? 2 : i < 80 ? 0 : 3;
                int strength = Math.Min(255, ((i * 37) % 60) + 200);
                for (int c = 0; c < labels.Length; c++)
                {
                    row[c] = (sbyte)((c == hot ? strength : (255 - strength) / 3) - 128);
                }

                times[i] = i * 40 + (i % 3);
                Array.Copy(row, 0, scores, i * labels.Length, labels.Length);
                recognizer.Process(row, times[i]);
                label[i] = recognizer.Result.LabelIndex;
                score[i] = recognizer.Result.Score;
                isNew[i] = recognizer.Result.IsNewCommand ? 1 : 0;
            }

            constants.Add(new GeneratedConstant("RecognizerSteps", "Inferences in the recogniser sequence (labels silence, unknown, yes, no; default settings)", steps));
            tables.Add(GeneratedTable.SBytes("RecognizerScores", "Int8 scores per inference", scores));
            tables.Add(GeneratedTable.Int32("RecognizerTimes", "Timestamps in ms", times));
            tables.Add(GeneratedTable.Int32("RecognizerLabel", "Expected result label index", label));
            tables.Add(GeneratedTable.Int32("RecognizerScore", "Expected result score", score));
            tables.Add(GeneratedTable.Int32("RecognizerNew", "Expected IsNewCommand (1/0)", isNew));
        }

        private static void AddModel(short[] clip, byte[] tflite, ModelInfo info, ModelScorer scorer, List<GeneratedConstant> constants, List<GeneratedTable> tables)
        {
            constants.Add(new GeneratedConstant("ModelAvailable", "1 when the shipped model's cases are present", tflite == null ? 0 : 1));
            if (tflite == null)
            {
                tables.Add(GeneratedTable.Bytes("ModelBytes", "Shipped model (absent)", Array.Empty<byte>()));
                tables.Add(GeneratedTable.SBytes("ModelExpectedScores", "Expected scores (absent)", Array.Empty<sbyte>()));
                constants.Add(new GeneratedConstant("ModelCases", "Model cases", 0));
                constants.Add(new GeneratedConstant("ModelLabelCount", "Model labels", 0));
                constants.Add(new GeneratedConstant("ModelArenaBytes", "Arena bytes", 0));
                constants.Add(new GeneratedConstant("ModelInputScale", "Model input scale", 1f));
                constants.Add(new GeneratedConstant("ModelInputZeroPoint", "Model input zero point", 0));
                return;
            }

            var silence = new short[clip.Length];
            var quiet = new short[clip.Length];
            for (int i = 0; i < clip.Length; i++)
            {
                quiet[i] = (short)(clip[i] / 4);
            }

            // The cases are derived from Clip on the device (Clip, Clip / 4, silence) rather than stored: three more
            // seconds of samples would take ~96 KB of the board's ~80 KB free heap.
            short[][] cases = { clip, quiet, silence };
            var expected = new sbyte[cases.Length * info.Labels.Length];
            for (int c = 0; c < cases.Length; c++)
            {
                sbyte[] s = scorer(tflite, Window(cases[c], info.InputScale, info.InputZeroPoint));
                Array.Copy(s, 0, expected, c * info.Labels.Length, info.Labels.Length);
            }

            tables.Add(GeneratedTable.Bytes("ModelBytes", "The shipped model (sha256 " + info.ModelSha256 + ")", tflite));
            tables.Add(GeneratedTable.SBytes("ModelExpectedScores", "Host interpreter scores per case: Clip, Clip / 4 (each sample divided with truncation), silence", expected));
            constants.Add(new GeneratedConstant("ModelCases", "Model cases", cases.Length));
            constants.Add(new GeneratedConstant("ModelLabelCount", "Model labels", info.Labels.Length));
            constants.Add(new GeneratedConstant("ModelArenaBytes", "Arena bytes", info.ArenaBytes));
            constants.Add(new GeneratedConstant("ModelInputScale", "Model input scale", info.InputScale));
            constants.Add(new GeneratedConstant("ModelInputZeroPoint", "Model input zero point", info.InputZeroPoint));
        }

        private static void CheckPcm(byte[] raw, AssistantSettings settings, short[] expected)
        {
            var got = new short[expected.Length];
            int n = new PcmConverter(settings).Convert(raw, 0, raw.Length, got, 0);
            if (n != expected.Length || !got.AsSpan().SequenceEqual(expected))
            {
                throw new InvalidOperationException("PCM vector construction disagrees with the converter");
            }
        }

        private static int LoudestStart(short[] clip, int length)
        {
            int best = 0;
            long bestEnergy = -1;
            for (int start = 0; start + length <= clip.Length; start += length)
            {
                long e = 0;
                for (int i = start; i < start + length; i++)
                {
                    e += clip[i] * clip[i];
                }

                if (e > bestEnergy)
                {
                    bestEnergy = e;
                    best = start;
                }
            }

            return best;
        }

        private static void WriteLe(byte[] dst, int offset, int value, int bytes)
        {
            for (int b = 0; b < bytes; b++)
            {
                dst[offset + b] = (byte)(value >> (8 * b));
            }
        }

        private static int[] ToInts(short[] s)
        {
            var r = new int[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                r[i] = s[i];
            }

            return r;
        }

        private static string Sanitize(string s) => s.Replace("*/", "* /", StringComparison.Ordinal).Replace('\n', ' ').Replace('<', '(').Replace('>', ')').Replace('&', '+');

        private static string[] Banner(string audioSource, byte[] tflite) => new[]
        {
            "<auto-generated>",
            "Generated by tools/VoiceAssistant.Codegen: device-vectors (see tests/VoiceAssistant.Device.Tests/README.md).",
            "Audio: " + Sanitize(audioSource) + ".",
            tflite == null
                ? "No model cases: generated before the shipped model existed."
                : "Model cases from the shipped model, sha256 " + ModelCodegen.Sha256Hex(tflite) + ".",
            "Do not edit; regenerate.",
            "</auto-generated>",
        };
    }
}

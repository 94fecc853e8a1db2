using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using Xunit;

namespace VoiceAssistant.Audio.Tests
{
    public sealed class WavWriterTests : IDisposable
    {
        private readonly string dir = Path.Combine(Path.GetTempPath(), "wavwriter-" + Guid.NewGuid().ToString("N"));

        public WavWriterTests() => Directory.CreateDirectory(dir);

        public void Dispose() => Directory.Delete(dir, recursive: true);

        [Fact]
        public void WritesTheCanonical44ByteHeader()
        {
            byte[] bytes = WavWriter.ToBytes(new short[] { 1, -2 }, 16000);
            byte[] expected =
            {
                (byte)'R', (byte)'I', (byte)'F', (byte)'F', 40, 0, 0, 0, (byte)'W', (byte)'A', (byte)'V', (byte)'E',
                (byte)'f', (byte)'m', (byte)'t', (byte)' ', 16, 0, 0, 0, 1, 0, 1, 0, 0x80, 0x3E, 0, 0, 0, 0x7D, 0, 0, 2, 0, 16, 0,
                (byte)'d', (byte)'a', (byte)'t', (byte)'a', 4, 0, 0, 0, 1, 0, 0xFE, 0xFF,
            };
            Assert.Equal(expected, bytes);
        }

        [Fact]
        public void RoundTripsThroughTheReaderAndLeavesNoTemporaryFiles()
        {
            string path = Path.Combine(dir, "clip.wav");
            short[] samples = Enumerable.Range(0, 1000).Select(i => (short)(i * 37 - 16000)).ToArray();
            WavWriter.WriteMono16(path, samples);
            WavWriter.WriteMono16(path, samples); // overwrite an existing file
            Assert.Equal(samples, WavReader.ReadMono16k(path));
            Assert.Equal(new[] { "clip.wav" }, Directory.GetFiles(dir).Select(Path.GetFileName));
        }

        [Fact]
        public void FailedWriteKeepsTheOldFileAndCleansUp()
        {
            string path = Path.Combine(dir, "keep.bin");
            File.WriteAllText(path, "old");
            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
            {
                s.WriteByte(1);
                throw new InvalidOperationException("disk full");
            }));
            Assert.Equal("old", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir));
        }

        [Fact]
        public void FloatConversionRoundsAndSaturates()
        {
            Assert.Equal(new short[] { 0, 16384, -32768, 32767, -32768, 1 }, PcmConversion.ToShorts(new[] { 0f, 0.5f, -1f, 1.5f, -2f, 0.6f / 32768 }));
        }
    }
}

using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using Xunit;

namespace VoiceAssistant.Audio.Tests
{
    public class WavStreamReaderTests
    {
        private static float[] Noise(int length, int seed)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        }

        [Theory]
        [InlineData(44100, 16000, 1)]
        [InlineData(44100, 16000, 997)]
        [InlineData(8000, 16000, 13)]
        [InlineData(12345, 16000, 4096)]
        [InlineData(16000, 16000, 7)]
        public void ChunkedResamplingEqualsResamplingTheWhole(int fromRate, int toRate, int chunk)
        {
            float[] input = Noise(fromRate / 2 + 3, fromRate);
            float[] whole = Resampler.Resample(input, fromRate, toRate);

            var converter = new StreamResampler(fromRate, toRate);
            var output = new float[whole.Length + 10];
            int produced = 0;
            var pull = new float[333];
            for (int offset = 0; offset < input.Length; offset += chunk)
            {
                converter.Push(input.AsSpan(offset, Math.Min(chunk, input.Length - offset)));
                for (int n; (n = converter.Pull(pull)) > 0; produced += n)
                {
                    pull.AsSpan(0, n).CopyTo(output.AsSpan(produced));
                }
            }

            converter.Complete();
            for (int n; (n = converter.Pull(pull)) > 0; produced += n)
            {
                pull.AsSpan(0, n).CopyTo(output.AsSpan(produced));
            }

            Assert.True(converter.Completed);
            Assert.Equal(whole.Length, produced);
            Assert.Equal(whole, output.Take(produced).ToArray());

            Assert.Equal((input.Length * (long)toRate + fromRate - 1) / fromRate, converter.OutputLength);
        }

        [Fact]
        public void BlockwiseReadingEqualsTheWholeFileAndTellsItsLength()
        {
            short[] pcm = Noise(44100 * 2, 3).Select(v => (short)(v * 20000)).ToArray();
            byte[] image = new WavBuilder().Chunk("LIST", new byte[3]).Chunk("fmt ", WavBuilder.Fmt(1, 2, 44100, 16))
                .Chunk("data", WavBuilder.Int16(pcm)).Build();
            string path = Path.Combine(Path.GetTempPath(), "va-stream-" + Guid.NewGuid().ToString("N") + ".wav");
            File.WriteAllBytes(path, image);
            try
            {
                short[] whole = WavReader.ReadMono16k(path);
                using WavStreamReader reader = WavStreamReader.Open(path);
                Assert.Equal(44100, reader.Frames);
                Assert.Equal(whole.Length, reader.Mono16kSamples);
                var read = new short[whole.Length + 5];
                int total = 0;
                var block = new short[1234];
                for (int n; (n = reader.ReadMono16k(block)) > 0; total += n)
                {
                    block.AsSpan(0, n).CopyTo(read.AsSpan(total));
                }

                Assert.Equal(whole, read.Take(total).ToArray());
                Assert.False(reader.Truncated);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void TruncatedFileSaysWhatTheHeaderPromised()
        {
            byte[] image = new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 16)).Chunk("data", WavBuilder.Int16(new short[1000])).Build();
            using var reader = new WavStreamReader(new MemoryStream(image, 0, image.Length - 501), "cut.wav");
            Assert.True(reader.Truncated);
            Assert.Equal(2000, reader.DeclaredDataBytes);
            Assert.Equal(1499, reader.AvailableDataBytes);
            Assert.Equal(749, reader.Frames);
        }
    }
}

using System;
using System.IO;
using System.Linq;
using VoiceAssistant.Audio;
using Xunit;

namespace VoiceAssistant.Audio.Tests
{
    public class WavReaderTests
    {
        private static WavAudio Read(WavBuilder b) => WavReader.ReadMono(b.Build(), "test.wav");

        [Fact]
        public void Reads16BitMonoExactly()
        {
            var audio = Read(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 16)).Chunk("data", WavBuilder.Int16(0, 16384, -32768, 32767)));
            Assert.Equal(new[] { 0f, 0.5f, -1f, 32767f / 32768f }, audio.Samples);
            Assert.Equal(16000, audio.Format.SampleRate);
            Assert.False(audio.Truncated);
        }

        [Fact]
        public void Reads8BitUnsigned()
        {
            var audio = Read(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 8000, 8)).Chunk("data", new byte[] { 128, 0, 255, 192 }));
            Assert.Equal(new[] { 0f, -1f, 127f / 128f, 0.5f }, audio.Samples);
        }

        [Fact]
        public void Reads24BitSignedLittleEndian()
        {
            // 0x400000 = +0.5, 0xC00000 = -0.5, 0x800000 = -1, 0x000001 = 2^-23.
            byte[] data = { 0x00, 0x00, 0x40, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00 };
            var audio = Read(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 24)).Chunk("data", data));
            Assert.Equal(new[] { 0.5f, -0.5f, -1f, (float)Math.Pow(2, -23) }, audio.Samples);
        }

        [Fact]
        public void Reads32BitSigned()
        {
            byte[] data = BitConverter.GetBytes(int.MinValue).Concat(BitConverter.GetBytes(1 << 30)).ToArray();
            var audio = Read(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 32)).Chunk("data", data));
            Assert.Equal(new[] { -1f, 0.5f }, audio.Samples);
        }

        [Fact]
        public void ReadsFloat32AndFloat64()
        {
            byte[] f32 = BitConverter.GetBytes(0.25f).Concat(BitConverter.GetBytes(-0.75f)).ToArray();
            Assert.Equal(new[] { 0.25f, -0.75f }, Read(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(3, 1, 16000, 32)).Chunk("data", f32)).Samples);
            byte[] f64 = BitConverter.GetBytes(0.125).Concat(BitConverter.GetBytes(-0.5)).ToArray();
            Assert.Equal(new[] { 0.125f, -0.5f }, Read(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(3, 1, 16000, 64)).Chunk("data", f64)).Samples);
        }

        [Fact]
        public void ReadsExtensiblePcmAndFloat()
        {
            var pcm = Read(new WavBuilder().Chunk("fmt ", WavBuilder.FmtExtensible(1, 2, 16000, 16, 16)).Chunk("data", WavBuilder.Int16(16384, 0, -16384, -16384)));
            Assert.True(pcm.Format.Extensible);
            Assert.Equal(new[] { 0.25f, -0.5f }, pcm.Samples);
            byte[] f = BitConverter.GetBytes(0.5f).Concat(BitConverter.GetBytes(1f)).ToArray();
            var flt = Read(new WavBuilder().Chunk("fmt ", WavBuilder.FmtExtensible(3, 2, 16000, 32, 32)).Chunk("data", f));
            Assert.Equal(new[] { 0.75f }, flt.Samples);
        }

        [Fact]
        public void DownmixesStereoAndMultichannelByAveraging()
        {
            var stereo = Read(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 2, 16000, 16)).Chunk("data", WavBuilder.Int16(16384, -16384, 8192, 8192)));
            Assert.Equal(new[] { 0f, 0.25f }, stereo.Samples);
            var four = Read(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 4, 16000, 16)).Chunk("data", WavBuilder.Int16(16384, 16384, 16384, -16384)));
            Assert.Equal(new[] { 0.25f }, four.Samples);
        }

        [Fact]
        public void SkipsUnknownChunksAndHonoursPadBytes()
        {
            var audio = Read(new WavBuilder()
                .Chunk("LIST", new byte[] { 1, 2, 3 })          // odd: followed by a pad byte
                .Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 16))
                .Chunk("junk", new byte[7])
                .Chunk("data", WavBuilder.Int16(100, 200))
                .Chunk("id3 ", new byte[] { 9, 9, 9, 9, 9 }));
            Assert.Equal(new[] { 100f / 32768, 200f / 32768 }, audio.Samples);
        }

        [Fact]
        public void ToleratesAMissingPadByteAfterAnOddChunk()
        {
            var audio = Read(new WavBuilder()
                .Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 16))
                .Chunk("LIST", new byte[] { 1, 2, 3 }, pad: false)
                .Chunk("data", WavBuilder.Int16(7, 8)));
            Assert.Equal(new[] { 7f / 32768, 8f / 32768 }, audio.Samples);
        }

        [Fact]
        public void AcceptsFmtAfterData()
        {
            var audio = Read(new WavBuilder().Chunk("data", WavBuilder.Int16(3)).Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 16)));
            Assert.Equal(new[] { 3f / 32768 }, audio.Samples);
        }

        [Fact]
        public void TruncatedDataChunkUsesTheCompleteFramesPresent()
        {
            // Declares 100 bytes, holds 5: two whole 16-bit samples and a stray byte.
            var audio = Read(new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 16)).Chunk("data", new byte[] { 1, 0, 2, 0, 3 }, declaredSize: 100, pad: false));
            Assert.True(audio.Truncated);
            Assert.Equal(new[] { 1f / 32768, 2f / 32768 }, audio.Samples);
        }

        [Theory]
        [InlineData("missingfmt", "no fmt chunk")]
        [InlineData("missingdata", "no data chunk")]
        [InlineData("zerochannels", "zero channels")]
        [InlineData("hugechannels", "channels")]
        [InlineData("zerorate", "sample rate of 0")]
        [InlineData("hugerate", "sample rate of 4000000000")]
        [InlineData("badalign", "block align")]
        [InlineData("bits12", "12-bit PCM")]
        [InlineData("float16", "16-bit IEEE float")]
        [InlineData("adpcm", "ADPCM")]
        [InlineData("badguid", "sub-format")]
        [InlineData("shortfmt", "fmt chunk is 14 bytes")]
        [InlineData("emptydata", "no audio")]
        [InlineData("rifx", "RIFX")]
        [InlineData("notriff", "not a RIFF")]
        [InlineData("tiny", "too short")]
        [InlineData("fmtbeyondend", "fmt chunk declares")]
        [InlineData("twodata", "two data chunks")]
        public void BadInputGivesAClearWavFormatException(string kind, string expected)
        {
            byte[] fmt = WavBuilder.Fmt(1, 1, 16000, 16);
            byte[] data = WavBuilder.Int16(1, 2);
            byte[] image = kind switch
            {
                "missingfmt" => new WavBuilder().Chunk("data", data).Build(),
                "missingdata" => new WavBuilder().Chunk("fmt ", fmt).Chunk("LIST", new byte[4]).Build(),
                "zerochannels" => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 0, 16000, 16, 2)).Chunk("data", data).Build(),
                "hugechannels" => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1000, 16000, 16, 2000)).Chunk("data", data).Build(),
                "zerorate" => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 0, 16)).Chunk("data", data).Build(),
                "hugerate" => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, unchecked((int)4000000000u), 16)).Chunk("data", data).Build(),
                "badalign" => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 16, 3)).Chunk("data", data).Build(),
                "bits12" => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(1, 1, 16000, 12, 2)).Chunk("data", data).Build(),
                "float16" => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(3, 1, 16000, 16)).Chunk("data", data).Build(),
                "adpcm" => new WavBuilder().Chunk("fmt ", WavBuilder.Fmt(2, 1, 16000, 16)).Chunk("data", data).Build(),
                "badguid" => new WavBuilder().Chunk("fmt ", WavBuilder.FmtExtensible(1, 1, 16000, 16, 16, badGuid: true)).Chunk("data", data).Build(),
                "shortfmt" => new WavBuilder().Chunk("fmt ", fmt.Take(14).ToArray()).Chunk("data", data).Build(),
                "emptydata" => new WavBuilder().Chunk("fmt ", fmt).Chunk("data", Array.Empty<byte>()).Build(),
                "rifx" => new WavBuilder { RiffId = "RIFX" }.Chunk("fmt ", fmt).Chunk("data", data).Build(),
                "notriff" => new WavBuilder { RiffId = "OggS" }.Chunk("fmt ", fmt).Chunk("data", data).Build(),
                "tiny" => new byte[] { (byte)'R', (byte)'I' },
                "fmtbeyondend" => new WavBuilder().Chunk("fmt ", fmt, declaredSize: 1000, pad: false).Build(),
                "twodata" => new WavBuilder().Chunk("fmt ", fmt).Chunk("data", data).Chunk("data", data).Build(),
                _ => throw new ArgumentException(kind),
            };
            var e = Assert.Throws<WavFormatException>(() => WavReader.ReadMono(image, "user/clip.wav"));
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
            Assert.StartsWith("user/clip.wav: ", e.Message, StringComparison.Ordinal);
            Assert.Equal("user/clip.wav", e.File);
        }

        [Fact]
        public void RandomGarbageNeverEscapesAsAnotherException()
        {
            var random = new Random(7);
            byte[] valid = new WavBuilder().Chunk("LIST", new byte[5]).Chunk("fmt ", WavBuilder.Fmt(1, 2, 44100, 16)).Chunk("data", WavBuilder.Int16(1, 2, 3, 4, 5, 6)).Build();
            for (int trial = 0; trial < 3000; trial++)
            {
                byte[] image = (byte[])valid.Clone();
                int flips = 1 + random.Next(4);
                for (int f = 0; f < flips; f++)
                {
                    image[12 + random.Next(image.Length - 12)] = (byte)random.Next(256);
                }

                int length = random.Next(3) == 0 ? random.Next(image.Length) : image.Length;
                try
                {
                    WavReader.ReadMono(image.AsSpan(0, length), "fuzz.wav");
                }
                catch (WavFormatException)
                {
                }
            }
        }

        [Fact]
        public void MissingFileIsAWavFormatException()
        {
            string path = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".wav");
            var e = Assert.Throws<WavFormatException>(() => WavReader.ReadMono(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void RealSpeechCommandsClipMatchesItsRawBytes()
        {
            string path = TestSupport.SharedData.Require("data/speech_commands/yes/f2e59fea_nohash_1.wav");
            byte[] raw = File.ReadAllBytes(path);
            short[] samples = WavReader.ReadMono16k(path);
            Assert.Equal(16000, samples.Length);
            for (int i = 0; i < samples.Length; i++)
            {
                Assert.Equal((short)(raw[44 + 2 * i] | (raw[45 + 2 * i] << 8)), samples[i]);
            }
        }

        [Fact]
        public void BackgroundNoiseFilesWithTrailingChunksReadToTheManifestLength()
        {
            string dir = TestSupport.SharedData.Require("data/speech_commands/_background_noise_");
            string manifest = TestSupport.SharedData.Require("data/speech_commands/manifest.csv");
            var expected = File.ReadLines(manifest).Where(l => l.StartsWith("_background_noise_/", StringComparison.Ordinal))
                .Select(l => l.Split(',')).ToDictionary(p => Path.GetFileName(p[0]), p => int.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(6, expected.Count);
            foreach (string file in Directory.GetFiles(dir, "*.wav"))
            {
                WavAudio audio = WavReader.ReadMono(file);
                Assert.Equal(expected[Path.GetFileName(file)], audio.Samples.Length);
                Assert.False(audio.Truncated);
                Assert.Equal(16000, audio.Format.SampleRate);
            }
        }
    }
}

using System;
using System.Buffers.Binary;
using System.IO;

namespace VoiceAssistant.Audio
{
    /// <summary>
    /// Reads a WAV file piece by piece, so memory stays flat however long the recording is: the header is parsed on
    /// opening (the same rules and messages as <see cref="WavReader"/>), then <see cref="ReadMono16k"/> or
    /// <see cref="ReadMono"/> deliver the audio block by block.
    /// </summary>
    /// <remarks>Not thread-safe. The stream must be seekable (chunks may come in any order).</remarks>
    public sealed class WavStreamReader : IDisposable
    {
        private const int BlockFrames = 4096;

        private readonly Stream stream;
        private readonly bool leaveOpen;
        private readonly long dataOffset;
        private byte[] raw;
        private float[] mono;
        private float[] resampled;
        private StreamResampler resampler;
        private long framesRead;

        /// <summary>Parses the header of a WAV held by a seekable stream.</summary>
        /// <param name="stream">The file's bytes, positioned anywhere (the reader seeks).</param>
        /// <param name="name">Name used in error messages.</param>
        /// <param name="leaveOpen">True to leave the stream open on <see cref="Dispose"/>.</param>
        /// <exception cref="WavFormatException">The header is invalid or the file holds no audio.</exception>
        public WavStreamReader(Stream stream, string name, bool leaveOpen = false)
        {
            this.stream = stream ?? throw new ArgumentNullException(nameof(stream));
            this.leaveOpen = leaveOpen;
            Name = name;
            long length = stream.Length;
            Span<byte> head = stackalloc byte[12];
            if (length < 12)
            {
                throw new WavFormatException(name, $"too short to be a WAV file ({length} bytes)");
            }

            ReadAt(0, head);
            if (head[..4].SequenceEqual("RIFX"u8))
            {
                throw new WavFormatException(name, "big-endian RIFX files are not supported; convert it to a RIFF WAV");
            }

            if (!head[..4].SequenceEqual("RIFF"u8) || !head.Slice(8, 4).SequenceEqual("WAVE"u8))
            {
                throw new WavFormatException(name, "not a RIFF/WAVE file (missing the RIFF....WAVE header)");
            }

            WavFormat format = null;
            long data = -1;
            long dataDeclared = 0;
            long position = 12;
            Span<byte> chunk = stackalloc byte[8];
            while (position + 8 <= length)
            {
                ReadAt(position, chunk);
                ReadOnlySpan<byte> id = chunk[..4];
                uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
                long body = position + 8;
                if (id.SequenceEqual("fmt "u8))
                {
                    if (format != null)
                    {
                        throw new WavFormatException(name, "has two fmt chunks");
                    }

                    if (size > length - body)
                    {
                        throw new WavFormatException(name, $"fmt chunk declares {size} bytes but the file ends after {length - body}");
                    }

                    // The format fields end at byte 40 (extensible); a longer chunk's tail is not needed.
                    var fmt = new byte[Math.Min(size, 256u)];
                    ReadAt(body, fmt);
                    format = WavReader.ParseFormat(fmt, size, name);
                }
                else if (id.SequenceEqual("data"u8))
                {
                    if (data >= 0)
                    {
                        throw new WavFormatException(name, "has two data chunks");
                    }

                    data = body;
                    dataDeclared = size;
                }

                // Chunks are word aligned: an odd size is followed by a pad byte. Some writers omit it; when the
                // padded position does not start a plausible chunk id but the unpadded one does, follow the writer.
                long next = body + size + (size & 1);
                if ((size & 1) == 1 && next + 4 <= length && !IsChunkIdAt(next) && IsChunkIdAt(next - 1))
                {
                    next--;
                }

                if (next > length)
                {
                    break;
                }

                position = next;
            }

            if (format == null)
            {
                throw new WavFormatException(name, "has no fmt chunk (sample format unknown)");
            }

            if (data < 0)
            {
                throw new WavFormatException(name, "has no data chunk (no audio)");
            }

            long available = length - data;
            Truncated = dataDeclared > available;
            DeclaredDataBytes = dataDeclared;
            AvailableDataBytes = Truncated ? available : dataDeclared;
            Frames = AvailableDataBytes / format.BlockAlign;
            if (Frames == 0)
            {
                throw new WavFormatException(name, Truncated
                    ? $"data chunk declares {dataDeclared} bytes but the file holds only {available}, less than one sample frame"
                    : "data chunk holds no audio");
            }

            Format = format;
            dataOffset = data;
        }

        /// <summary>Name used in messages.</summary>
        public string Name { get; }

        /// <summary>The header as read.</summary>
        public WavFormat Format { get; }

        /// <summary>Complete sample frames present (all channels), at the file's own rate.</summary>
        public long Frames { get; }

        /// <summary>Bytes of audio the data chunk's header promises.</summary>
        public long DeclaredDataBytes { get; }

        /// <summary>Bytes of audio the file holds (less than declared when <see cref="Truncated"/>).</summary>
        public long AvailableDataBytes { get; }

        /// <summary>
        /// True when the data chunk declared more bytes than the file holds (an interrupted recorder, a cut copy);
        /// the complete frames that are present are read.
        /// </summary>
        public bool Truncated { get; }

        /// <summary>Samples <see cref="ReadMono16k"/> delivers in all: the frames resampled to 16 kHz.</summary>
        public long Mono16kSamples => (Frames * WavReader.TargetSampleRate + Format.SampleRate - 1) / Format.SampleRate;

        /// <summary>Opens a file.</summary>
        /// <param name="path">The file.</param>
        /// <exception cref="WavFormatException">It cannot be read or is not a usable WAV.</exception>
        public static WavStreamReader Open(string path)
        {
            ArgumentNullException.ThrowIfNull(path);
            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
            {
                throw new WavFormatException(path, "cannot be read: " + e.Message, e);
            }

            try
            {
                return new WavStreamReader(file, path);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        /// <summary>Reads the next mono samples (channels averaged) at the file's own rate.</summary>
        /// <param name="destination">Where they go; up to its length are read.</param>
        /// <returns>Samples read; 0 at the end.</returns>
        public int ReadMono(Span<float> destination)
        {
            int frames = (int)Math.Min(destination.Length, Frames - framesRead);
            if (frames <= 0)
            {
                return 0;
            }

            int blockAlign = Format.BlockAlign;
            int needed = frames * blockAlign;
            if (raw == null || raw.Length < needed)
            {
                raw = new byte[Math.Max(needed, BlockFrames * blockAlign)];
            }

            ReadAt(dataOffset + framesRead * blockAlign, raw.AsSpan(0, needed));
            WavReader.Decode(raw.AsSpan(0, needed), Format, destination[..frames]);
            framesRead += frames;
            return frames;
        }

        /// <summary>Reads the next 16 kHz mono 16-bit samples (resampled and rounded as <see cref="WavReader.ReadMono16k"/>).</summary>
        /// <param name="destination">Where they go; up to its length are read.</param>
        /// <returns>Samples read; 0 at the end.</returns>
        public int ReadMono16k(Span<short> destination)
        {
            resampler ??= new StreamResampler(Format.SampleRate, WavReader.TargetSampleRate);
            mono ??= new float[BlockFrames];
            resampled ??= new float[BlockFrames];
            int written = 0;
            while (written < destination.Length)
            {
                int want = Math.Min(resampled.Length, destination.Length - written);
                int got = resampler.Pull(resampled.AsSpan(0, want));
                if (got > 0)
                {
                    PcmConversion.ToShorts(resampled.AsSpan(0, got), destination.Slice(written, got));
                    written += got;
                    continue;
                }

                if (resampler.Completed)
                {
                    break;
                }

                int read = ReadMono(mono);
                if (read == 0)
                {
                    resampler.Complete();
                }
                else
                {
                    resampler.Push(mono.AsSpan(0, read));
                }
            }

            return written;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }
        }

        private bool IsChunkIdAt(long position)
        {
            Span<byte> id = stackalloc byte[4];
            ReadAt(position, id);
            return WavReader.IsChunkId(id);
        }

        private void ReadAt(long position, Span<byte> buffer)
        {
            try
            {
                stream.Position = position;
                stream.ReadExactly(buffer);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new WavFormatException(Name, "cannot be read: " + e.Message, e);
            }
        }
    }
}

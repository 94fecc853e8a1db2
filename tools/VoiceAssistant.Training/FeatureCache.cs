using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace VoiceAssistant.Training
{
    /// <summary>
    /// Computed feature sets on disk, one file per set, named by a SHA-256 key over everything the features depend
    /// on: the clips' samples and labels in order, the background recordings, the feature extractor and its
    /// version, the augmentation settings, renderings per clip and the seed. A second run with the same inputs
    /// reads the file instead of recomputing; any change (a clip, a setting) gives another key, so a stale file
    /// is never used. Files are written atomically; an unreadable file is recomputed and replaced.
    /// </summary>
    public sealed class FeatureCache
    {
        private const int Magic = 0x43464156; // "VAFC"
        private const int FormatVersion = 1;

        /// <summary>Creates a cache in a folder (created on the first write).</summary>
        /// <param name="directory">Folder of the cache files.</param>
        /// <param name="extractorId">What computes the features, with its version and settings (e.g. "mfcc v1 floor -60").</param>
        public FeatureCache(string directory, string extractorId)
        {
            Directory = directory ?? throw new ArgumentNullException(nameof(directory));
            ExtractorId = extractorId ?? throw new ArgumentNullException(nameof(extractorId));
        }

        /// <summary>Folder of the cache files.</summary>
        public string Directory { get; }

        /// <summary>Identity of the feature extractor, part of every key.</summary>
        public string ExtractorId { get; }

        /// <summary>Sets read from disk so far.</summary>
        public int Hits { get; private set; }

        /// <summary>Sets computed (and written) so far.</summary>
        public int Misses { get; private set; }

        /// <summary>The default folder: $XDG_CACHE_HOME/voice-assistant/features, else ~/.cache/voice-assistant/features.</summary>
        public static string DefaultDirectory()
        {
            string root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(root))
            {
                root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }

            return Path.Combine(root, "voice-assistant", "features");
        }

        /// <summary>
        /// The key of a feature set: SHA-256 (hex) over the extractor, <paramref name="recipe"/> (augmentation
        /// settings, renderings, seed: anything else the features depend on), the backgrounds and every clip.
        /// </summary>
        /// <param name="recipe">Text of the settings the features depend on besides clips and extractor.</param>
        /// <param name="clips">Clip samples in example order (null for generated silence).</param>
        /// <param name="labels">Label of each clip.</param>
        /// <param name="backgrounds">Background recordings the renderer mixes in.</param>
        public string Key(string recipe, IReadOnlyList<float[]> clips, IReadOnlyList<int> labels, IReadOnlyList<float[]> backgrounds)
        {
            ArgumentNullException.ThrowIfNull(clips);
            ArgumentNullException.ThrowIfNull(labels);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            AppendText(hash, string.Create(CultureInfo.InvariantCulture, $"format {FormatVersion}\nextractor {ExtractorId}\nrecipe {recipe}\nclips {clips.Count}\n"));
            for (int i = 0; i < clips.Count; i++)
            {
                AppendSamples(hash, clips[i]);
                hash.AppendData(BitConverter.GetBytes(labels[i]));
            }

            AppendText(hash, "backgrounds " + (backgrounds?.Count ?? 0));
            foreach (float[] b in backgrounds ?? Array.Empty<float[]>())
            {
                AppendSamples(hash, b);
            }

            return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
        }

        /// <summary>Reads the set stored under <paramref name="key"/>, or computes, stores and returns it.</summary>
        /// <param name="key">Key from <see cref="Key"/>.</param>
        /// <param name="compute">Computes the set on a miss.</param>
        public FeatureSet GetOrCompute(string key, Func<FeatureSet> compute)
        {
            ArgumentNullException.ThrowIfNull(compute);
            string path = PathOf(key);
            FeatureSet cached = TryRead(path);
            if (cached != null)
            {
                Hits++;
                return cached;
            }

            FeatureSet set = compute();
            Misses++;
            try
            {
                System.IO.Directory.CreateDirectory(Directory);
                Audio.AtomicFile.Write(path, stream => Write(stream, set));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A cache that cannot be written costs time, not results.
            }

            return set;
        }

        /// <summary>The file of a key.</summary>
        /// <param name="key">Key from <see cref="Key"/>.</param>
        public string PathOf(string key) => Path.Combine(Directory, key + ".features");

        private static void Write(Stream stream, FeatureSet set)
        {
            using var w = new BinaryWriter(new BufferedStream(stream, 1 << 20), Encoding.UTF8, leaveOpen: true);
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(set.Count);
            w.Write(set.FeatureLength);
            for (int i = 0; i < set.Count; i++)
            {
                w.Write(set.LabelOf(i));
            }

            for (int i = 0; i < set.Count; i++)
            {
                w.Write(MemoryMarshal.AsBytes(set.FeaturesOf(i).AsSpan()));
            }

            w.Flush();
        }

        private static FeatureSet TryRead(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                using var stream = new BufferedStream(File.OpenRead(path), 1 << 20);
                using var r = new BinaryReader(stream);
                if (r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion)
                {
                    return null;
                }

                int count = r.ReadInt32();
                int length = r.ReadInt32();
                if (count < 1 || length < 1 || (long)count * length * 4 > r.BaseStream.Length)
                {
                    return null;
                }

                var labels = new int[count];
                for (int i = 0; i < count; i++)
                {
                    labels[i] = r.ReadInt32();
                }

                var features = new float[count][];
                for (int i = 0; i < count; i++)
                {
                    features[i] = new float[length];
                    stream.ReadExactly(MemoryMarshal.AsBytes(features[i].AsSpan()));
                }

                return new FeatureSet(features, labels);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // EndOfStreamException (a truncated file) is an IOException: recompute.
                return null;
            }
        }

        private static void AppendText(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));

        private static void AppendSamples(IncrementalHash hash, float[] samples)
        {
            if (samples == null)
            {
                hash.AppendData(BitConverter.GetBytes(-1));
                return;
            }

            hash.AppendData(BitConverter.GetBytes(samples.Length));
            hash.AppendData(MemoryMarshal.AsBytes(samples.AsSpan()));
        }
    }
}

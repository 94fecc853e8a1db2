using System;

namespace VoiceAssistant.Native.Tests
{
    /// <summary>Random chunk sizes for a byte stream: tiny (split frames), around a hop, and large.</summary>
    internal static class Chunking
    {
        public static int Next(Random rng, int hopBytes)
        {
            switch (rng.Next(4))
            {
                case 0: return rng.Next(0, 8);
                case 1: return rng.Next(1, 200);
                case 2: return hopBytes + rng.Next(-7, 8);
                default: return rng.Next(1, 6 * hopBytes);
            }
        }
    }
}

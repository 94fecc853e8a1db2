using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace VoiceAssistant.Training
{
    /// <summary>Parallel.For that rethrows the first worker's exception itself rather than an AggregateException,
    /// so errors such as a bad WAV file reach the user with their own message.</summary>
    internal static class Parallelism
    {
        public static void For(int count, int maxDegreeOfParallelism, Action<int> body)
        {
            try
            {
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism) }, body);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
        }
    }
}

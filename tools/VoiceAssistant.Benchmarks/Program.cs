using BenchmarkDotNet.Running;

namespace VoiceAssistant.Benchmarks
{
    /// <summary>Runs the benchmarks selected on the command line (e.g. <c>--filter * --job short</c>).</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace VoiceAssistant.Tflite.Benchmarks
{
    /// <summary>Entry point: <c>dotnet run -c Release --project tools/VoiceAssistant.Tflite.Benchmarks -- --filter *</c>.</summary>
    public static class Program
    {
        /// <summary>Runs the benchmarks in process (ShortRun by default; pass BenchmarkDotNet options to change it).</summary>
        /// <param name="args">BenchmarkDotNet command-line arguments.</param>
        public static void Main(string[] args)
        {
            // In-process: the repository's central package management and warnings-as-errors would otherwise apply
            // to the project BenchmarkDotNet generates under bin/.
            IConfig config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        }
    }
}

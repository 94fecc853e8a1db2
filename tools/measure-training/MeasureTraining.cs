#:project ../VoiceAssistant.Training/VoiceAssistant.Training.csproj
#:property GenerateDocumentationFile=false

// Training throughput of the full-size tinyConv (49x40 input, 4 labels, batch 100, dropout 0.5, Adam), features
// precomputed so only the model's forward/backward/update is timed. Run: dotnet run -c Release tools/measure-training/MeasureTraining.cs -- --measure [steps]
using System;
using System.Diagnostics;
using VoiceAssistant.Data;
using VoiceAssistant.Training;

if (args.Length == 0 || args[0] != "--measure")
{
    Console.WriteLine("usage: MeasureTraining.cs --measure [steps]");
    return 1;
}

int steps = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
var config = TinyConvConfig.Default(4);
var rng = new Rng(1);
var features = new float[400][];
var labels = new int[features.Length];
for (int i = 0; i < features.Length; i++)
{
    features[i] = new float[config.InputSize];
    for (int k = 0; k < features[i].Length; k++)
    {
        features[i][k] = (float)rng.NextDouble(-3, 3);
    }

    labels[i] = i % 4;
}

var set = new FeatureSet(features, labels);
foreach (int threads in new[] { 1, 2 })
{
    var options = new TrainingOptions { MaxDegreeOfParallelism = threads, EvaluateEverySteps = 0, CheckpointEverySteps = 0 };
    var trainer = new Trainer(config, new[] { "_silence_", "_unknown_", "yes", "no" }, options, set, null);
    trainer.RunUntil(3); // warm-up (JIT, tiering)
    var clock = Stopwatch.StartNew();
    TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    trainer.RunUntil(3 + steps);
    double seconds = clock.Elapsed.TotalSeconds;
    double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;

    // CPU time shows the cost independent of other load on the machine; wall time is what a user sees.
    Console.WriteLine($"threads {threads}: {steps} steps x {options.BatchSize}: wall {seconds:F2} s = {steps * options.BatchSize / seconds:F0} examples/s; CPU {cpu:F2} s = {steps * options.BatchSize / cpu:F0} examples per CPU-second");
    var eval = Stopwatch.StartNew();
    trainer.Evaluate(set);
    Console.WriteLine($"threads {threads}: inference {set.Count / eval.Elapsed.TotalSeconds:F0} examples/s");
}

return 0;

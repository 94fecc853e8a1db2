using Xunit;

// The native library's engine, PCM stream and MFCC workspace are process-wide; one test at a time also lets
// the table-perturbation test change a managed table without disturbing the others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

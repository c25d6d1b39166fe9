using BenchmarkDotNet.Running;
using Matcher.Benchmarks.Jobs;
using Matcher.Benchmarks.Scale;
using Matcher.Benchmarks.Sealing;

// Kernels and services: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*'
// Whole searches at scale: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- scale --subjects 1000000
if (args.Length > 0 && args[0] == "scale")
{
    return ScaleBenchmark.Run(args[1..]);
}
// A dedup job at scale: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- dedup --subjects 100000 --share 100
if (args.Length > 0 && args[0] == "dedup")
{
    return DedupBenchmark.Run(args[1..]);
}
// The cost of encryption at rest (kernel, import, warm start; ratios in one run):
// dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- sealing --subjects 20000 --rounds 3
if (args.Length > 0 && args[0] == "sealing")
{
    return SealingCostBenchmark.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

using BenchmarkDotNet.Running;
using Matcher.Benchmarks.Scale;

// Kernels and services: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*'
// Whole searches at scale: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- scale --subjects 1000000
if (args.Length > 0 && args[0] == "scale")
{
    return ScaleBenchmark.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

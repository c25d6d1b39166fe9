using BenchmarkDotNet.Running;

// Run all with: dotnet run -c Release --project benchmarks/Matcher.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

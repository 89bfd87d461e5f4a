using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/HealthTwin.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

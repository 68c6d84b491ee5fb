using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/PolicyBot.Benchmarks [-- --filter *]
BenchmarkSwitcher.FromAssembly(typeof(PolicyBot.Benchmarks.RulesBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);

using BenchmarkDotNet.Running;
using HealthTwin.Benchmarks;

// BenchmarkDotNet:  dotnet run -c Release --project benchmarks/HealthTwin.Benchmarks -- --filter '*LocalAnalysis*'
// Harnesses:        dotnet run -c Release --project benchmarks/HealthTwin.Benchmarks -- alloc
switch (args.FirstOrDefault())
{
    case "verify-text":
        return TextFormatCheck.Run(Console.Out);
    case "prompt-size":
        PromptSizeReport.Run(Console.Out, args.Contains("--print"));
        break;
    case "ai-fanout":
        Console.WriteLine(AiFanOutHarness.Header);
        return await AiFanOutHarness.RunAsync(Console.Out);
    case "s3":
        await S3Harness.RunAsync(Console.Out);
        break;
    case "batch":
        await BatchHarness.RunAsync(Console.Out);
        break;
    case "reports-batch":
        await ReportBatchHarness.RunAsync(Console.Out);
        break;
    case "alloc":
        await AllocationReport.RunAsync(Console.Out);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}

return 0;

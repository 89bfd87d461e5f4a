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
    case "apple-generate":
        return HealthTwin.Benchmarks.Import.AppleImportHarness.Generate(Console.Out, args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    case "apple-import":
        return await HealthTwin.Benchmarks.Import.AppleImportHarness.ImportAsync(Console.Out, args[1], args.Contains("--filter-only"));
    case "webapi-load":
        return await WebApiLoadHarness.RunAsync(
            Console.Out,
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8);
    case "reports-batch":
        await ReportBatchHarness.RunAsync(Console.Out);
        break;
    case "profile":
        return await ProfileLoop.RunAsync(Console.Out, args);
    case "alloc":
        await AllocationReport.RunAsync(Console.Out);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}

return 0;

using BenchmarkDotNet.Attributes;
using HealthTwin.Reports;
using HealthTwin.Reports.Model;

namespace HealthTwin.Benchmarks;

/// <summary>
/// Issue 15: a monthly report (≤ 200 ms) and an annual report (≤ 1 s), end to end from the metrics store: load, the
/// per-day calculators and ten agents, and the PDF with its charts; plus each step alone.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ReportBenchmarks
{
    private ReportFixture _fixture = null!;
    private HealthReport _month = null!;
    private HealthReport _year = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new ReportFixture();
        _month = _fixture.Generator.BuildAsync("user-0", ReportPeriod.Month(2025, 1)).GetAwaiter().GetResult();
        _year = _fixture.Generator.BuildAsync("user-0", ReportPeriod.Year(2024)).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Description = "Monthly: build + PDF")]
    public async Task<int> MonthlyPdf() =>
        HealthReportGenerator.RenderPdf(await _fixture.Generator.BuildAsync("user-0", ReportPeriod.Month(2025, 1))).Length;

    [Benchmark(Description = "Annual: build + PDF")]
    public async Task<int> AnnualPdf() =>
        HealthReportGenerator.RenderPdf(await _fixture.Generator.BuildAsync("user-0", ReportPeriod.Year(2024))).Length;

    [Benchmark(Description = "Monthly: build only")]
    public async Task<int> MonthlyBuild() => (await _fixture.Generator.BuildAsync("user-0", ReportPeriod.Month(2025, 1))).DaysWithData;

    [Benchmark(Description = "Annual: build only")]
    public async Task<int> AnnualBuild() => (await _fixture.Generator.BuildAsync("user-0", ReportPeriod.Year(2024))).DaysWithData;

    [Benchmark(Description = "Monthly: PDF only")]
    public int MonthlyRender() => HealthReportGenerator.RenderPdf(_month).Length;

    [Benchmark(Description = "Annual: PDF only")]
    public int AnnualRender() => HealthReportGenerator.RenderPdf(_year).Length;

    [Benchmark(Description = "Monthly: HTML only")]
    public int MonthlyHtml() => HealthReportGenerator.RenderHtml(_month).Length;
}

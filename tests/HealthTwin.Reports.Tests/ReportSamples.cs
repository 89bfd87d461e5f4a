using HealthTwin.Agents.Synthetic;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Tests;

/// <summary>Reports built once per test class from synthetic histories (deterministic generator).</summary>
internal static class ReportSamples
{
    public static readonly DateOnly JanuaryEnd = new(2025, 1, 31);

    /// <summary>January 2025 of the exam-week-stress scenario with 400 days of history, missing 12–14 January.</summary>
    public static async Task<HealthReport> JanuaryWithGapsAsync(ReportTestHost host, string userId = "u1")
    {
        await host.SeedAsync(userId, SyntheticScenario.ExamWeekStress, JanuaryEnd, 400, d => d.Date is not { Year: 2025, Month: 1, Day: 12 or 13 or 14 });
        return await host.Generator.BuildAsync(userId, ReportPeriod.Month(2025, 1));
    }
}

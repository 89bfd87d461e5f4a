using HealthTwin.Agents;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Building;

/// <summary>
/// Computes one day of a report exactly as the agents see it that morning: an <see cref="AgentContext"/> over the
/// history up to that day (baseline from <see cref="BaselineCalculator"/>), its readiness, burnout, sleep debt and
/// anomalies, the <see cref="TrainingLoadCalculator"/> markers, and the orchestrator's recommendations.
/// </summary>
internal static class ReportDayComputer
{
    /// <summary>The local hour the per-day analysis is dated at (a morning check-in).</summary>
    public const int AnalysisHour = 7;

    public static async ValueTask<(ReportDay Day, AgentAnalysis Analysis, TrainingLoadSummary Load)> ComputeAsync(
        string userId,
        UserProfile profile,
        TimeZoneInfo zone,
        DailyMetrics[] historyUpToDay,
        AlertThresholds thresholds,
        RuleOptions rules,
        AgentOrchestrator orchestrator,
        CancellationToken cancellationToken)
    {
        DailyMetrics today = historyUpToDay[^1];
        var localMorning = new DateTime(today.Date, new TimeOnly(AnalysisHour, 0), DateTimeKind.Unspecified);
        var local = new DateTimeOffset(localMorning, zone.GetUtcOffset(localMorning));
        var context = new AgentContext
        {
            UserId = userId,
            Profile = profile,
            AllMetrics = historyUpToDay,
            Baseline = BaselineCalculator.Compute(historyUpToDay, rules),
            AnalyzedAt = local.ToUniversalTime(),
            LocalTime = local,
            Thresholds = thresholds,
            Rules = rules,
        };

        TrainingLoadSummary load = context.TrainingLoad;
        AgentAnalysis analysis = await orchestrator.AnalyzeAsync(context, cancellationToken).ConfigureAwait(false);
        SleepDebt debt = context.SleepDebt;
        HrvNormalRange range = context.HrvNormalRange;
        bool sameMethod = range.Method == today.HrvMethod;
        var day = new ReportDay
        {
            Date = today.Date,
            HasData = true,
            Readiness = context.Readiness.Score,
            SleepHours = today.SleepHours,
            SleepNeedHours = Finite(debt.NeedHours),
            SleepDebtHours = Finite(debt.Hours),
            SleepEfficiency = today.SleepEfficiency,
            Hrv = today.Hrv,
            HrvBaseline = context.Baseline.HrvMethod == today.HrvMethod || today.Hrv is null ? Finite(context.Baseline.Hrv) : null,
            HrvNormalLow = sameMethod ? Finite(range.LowMs) : null,
            HrvNormalHigh = sameMethod ? Finite(range.HighMs) : null,
            RestingHr = today.RestingHr,
            RestingHrBaseline = Finite(context.Baseline.RestingHr),
            TrainingLoad = today.TrainingLoad,
            Fitness = Finite(load.Fitness),
            Fatigue = Finite(load.Fatigue),
            Form = Finite(load.Form),
            Burnout = context.BurnoutRisk.Level,
            Anomalies = context.Anomalies,
        };
        return (day, analysis, load);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}

using HealthTwin.Agents;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Reports.Insights;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Building;

/// <summary>Builds a <see cref="HealthReport"/> from the stored days of a user (the period plus a look-back for baselines and load).</summary>
internal static class ReportModelBuilder
{
    /// <summary>
    /// Days read before the period so baselines (14 days), the HRV normal range (60) and fitness (42-day EWMA, whose
    /// seed weighs (41/43)^180 ≈ 0.02 % after 180 days) are warm on its first day.
    /// </summary>
    public const int LookbackDays = 180;

    public static async Task<HealthReport> BuildAsync(
        string userId,
        UserProfile profile,
        ReportPeriod period,
        IReadOnlyList<DailyMetrics> stored,
        AlertThresholds thresholds,
        RuleOptions rules,
        AgentOrchestrator orchestrator,
        DateTimeOffset generatedAt,
        CancellationToken cancellationToken)
    {
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone);
        DailyMetrics[] history = [.. stored.Where(d => d.Date <= period.End).OrderBy(d => d.Date)];
        var days = new ReportDay[period.DayCount];
        var recommendations = new Dictionary<string, RecommendationTally>(StringComparer.Ordinal);
        var notJudged = new Dictionary<string, NotJudgedRule>(StringComparer.Ordinal);
        TrainingSnapshot? training = null;
        int spikeDays = 0;
        int index = 0;
        for (int i = 0; i < days.Length; i++)
        {
            DateOnly date = period.Start.AddDays(i);
            while (index < history.Length && history[index].Date < date)
            {
                index++;
            }

            if (index >= history.Length || history[index].Date != date)
            {
                days[i] = new ReportDay { Date = date };
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            (ReportDay day, AgentAnalysis analysis, TrainingLoadSummary load) = await ReportDayComputer
                .ComputeAsync(userId, profile, zone, history[..(index + 1)], thresholds, rules, orchestrator, cancellationToken)
                .ConfigureAwait(false);
            days[i] = day;
            spikeDays += load.LoadSpike ? 1 : 0;
            if (load is { Fitness: { } fitness, Fatigue: { } fatigue, Form: { } form })
            {
                training = new TrainingSnapshot
                {
                    Date = date,
                    Fitness = fitness,
                    Fatigue = fatigue,
                    Form = form,
                    AcuteChronicRatio = load.AcuteChronicRatio,
                    SpikeDays = spikeDays,
                };
            }

            foreach (AgentRunReport run in analysis.Agents)
            {
                foreach (SkippedRule skipped in run.SkippedRules)
                {
                    string key = string.Concat(run.AgentId, ":", skipped.Rule);
                    notJudged[key] = notJudged.TryGetValue(key, out NotJudgedRule? seen)
                        ? seen with { Days = seen.Days + 1, Reason = skipped.Reason }
                        : new NotJudgedRule(run.AgentId, skipped.Rule, skipped.Reason, 1);
                }
            }
            foreach (AgentRecommendation recommendation in analysis.Recommendations)
            {
                Tally(recommendations, recommendation, date);
            }
        }

        DateOnly today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(generatedAt, zone).DateTime);
        int periodDays = today < period.End ? Math.Clamp(today.DayNumber - period.Start.DayNumber + 1, 1, period.DayCount) : period.DayCount;
        ReportDay? last = days.LastOrDefault(d => d.HasData);
        var report = new HealthReport
        {
            UserId = userId,
            Period = period,
            GeneratedAt = generatedAt,
            Days = days,
            Readiness = ReportStatistics.Summarize(days, d => d.Readiness),
            ReadinessBands = ReportStatistics.Bands(days),
            Sleep = ReportStatistics.Summarize(days, d => d.SleepHours),
            NightsBelowNeed = days.Count(d => d.SleepHours < d.SleepNeedHours),
            SleepNeedHours = last?.SleepNeedHours,
            FinalSleepDebtHours = last?.SleepDebtHours,
            Hrv = ReportStatistics.Summarize(days, d => d.Hrv),
            HrvDaysBelowRange = days.Count(d => d.Hrv < d.HrvNormalLow),
            HrvDaysAboveRange = days.Count(d => d.Hrv > d.HrvNormalHigh),
            RestingHr = ReportStatistics.Summarize(days, d => d.RestingHr),
            TrainingLoad = ReportStatistics.Summarize(days, d => d.TrainingLoad),
            Training = training,
            BurnoutDays = new Dictionary<BurnoutLevel, int>
            {
                [BurnoutLevel.Green] = days.Count(d => d.Burnout == BurnoutLevel.Green),
                [BurnoutLevel.Yellow] = days.Count(d => d.Burnout == BurnoutLevel.Yellow),
                [BurnoutLevel.Red] = days.Count(d => d.Burnout == BurnoutLevel.Red),
            },
            TopRecommendations = [.. recommendations.Values
                .OrderByDescending(t => t.Days)
                .ThenByDescending(t => t.Priority)
                .ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(8)
                .Select(t => t.ToFrequency())],
            Coverage = ReportStatistics.Coverage([.. history.Where(d => period.Contains(d.Date))], periodDays),
            NotableDays = [.. days
                .Where(d => d.Anomalies.Count > 0)
                .OrderByDescending(d => d.Anomalies.Count)
                .ThenBy(d => d.Date)
                .Take(10)
                .Select(d => new NotableDay(d.Date, d.Readiness, d.Anomalies))],
            NotJudged = [.. notJudged.Values.OrderByDescending(n => n.Days).ThenBy(n => n.Agent, StringComparer.Ordinal).ThenBy(n => n.Rule, StringComparer.Ordinal)],
            Insights = ReportInsights.NotConfigured,
        };
        return report;
    }

    private static void Tally(Dictionary<string, RecommendationTally> tallies, AgentRecommendation recommendation, DateOnly date)
    {
        string[] parts = recommendation.Id.Split(':');
        string agent = parts.Length >= 2 ? parts[0] : recommendation.Agent;
        string rule = parts.Length >= 3 ? parts[1] : recommendation.Title;
        string key = string.Concat(agent, ":", rule);
        if (!tallies.TryGetValue(key, out RecommendationTally? tally))
        {
            tally = new RecommendationTally(key, agent, rule);
            tallies.Add(key, tally);
        }

        tally.Add(recommendation, date);
    }

    private sealed class RecommendationTally(string key, string agent, string rule)
    {
        private DateOnly _lastDate = DateOnly.MinValue;

        public string Key { get; } = key;

        public int Days { get; private set; }

        public RecommendationPriority Priority { get; private set; }

        public string Title { get; private set; } = string.Empty;

        public void Add(AgentRecommendation recommendation, DateOnly date)
        {
            if (date != _lastDate)
            {
                Days++;
            }

            _lastDate = date;
            Title = recommendation.Title;
            Priority = recommendation.Priority > Priority ? recommendation.Priority : Priority;
        }

        public RecommendationFrequency ToFrequency() => new()
        {
            Agent = agent,
            Rule = rule,
            Title = Title,
            Priority = Priority,
            Days = Days,
        };
    }
}

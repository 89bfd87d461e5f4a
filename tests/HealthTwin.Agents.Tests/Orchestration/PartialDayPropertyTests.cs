using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Agents.Tests.Orchestration;

/// <summary>
/// Random subsets of present metrics and random gaps, from a seeded generator: the full orchestrator never throws,
/// never writes NaN or infinity, and gives byte-identical JSON on repeat.
/// </summary>
public sealed class PartialDayPropertyTests
{
    private const int Cases = 300;

    private static readonly HealthMetric[] Recordable = [.. PartialData.DayMetrics, HealthMetric.TimeInBed];

    [Fact]
    public async Task AnalyzeAsync_RandomPartialHistories_NoExceptionFiniteNumbersAndIdenticalJsonOnRepeat()
    {
        await using var analysis = new PartialDayAnalysis();
        var kinds = new HashSet<string>();
        for (int i = 0; i < Cases; i++)
        {
            (List<DailyMetrics> history, DateTimeOffset now, ContextData? data) = Generate((ulong)i);
            string because = $"case {i}: {history.Count} days, today {Describe(history[^1])} at {now:HH:mm}";

            AgentAnalysis first = await analysis.AnalyzeAsync(history, now, data);
            string json = HealthTwinJson.Serialize(first);
            (List<DailyMetrics> again, DateTimeOffset againNow, ContextData? againData) = Generate((ulong)i);
            string repeat = HealthTwinJson.Serialize(await analysis.AnalyzeAsync(again, againNow, againData));

            first.Agents.Should().HaveCount(10, because).And.OnlyContain(a => a.Status == AgentRunStatus.Succeeded, because);
            json.Should().NotContainAny(["NaN", "Infinity"], because);
            using (JsonDocument document = JsonDocument.Parse(json))
            {
                PartialDayAnalysis.Numbers(document.RootElement).Where(n => !double.IsFinite(n)).Should().BeEmpty(because);
            }

            repeat.Should().Be(json, because);
            first.Coverage.RecordedToday.Concat(first.Coverage.MissingToday).Should().BeEquivalentTo(PartialData.DayMetrics, because);
            first.Coverage.SkippedRuleCount.Should().Be(first.Agents.Sum(a => a.SkippedRules.Count), because);
            first.Agents.SelectMany(a => a.SkippedRules).Should().OnlyContain(s => s.MissingMetrics.Count > 0 && s.Reason.Length > 0, because);
            first.Recommendations.SelectMany(r => r.Evidence).Should().OnlyContain(e => e.Metric.Length > 0, because);
            kinds.Add(first.Coverage.IsComplete ? "complete" : first.Coverage.MissingToday.Count == PartialData.DayMetrics.Length - 1 ? "single" : "partial");
        }

        kinds.Should().Contain(["partial", "single"], "the generator covers sparse and partial days");
    }

    [Fact]
    public void Generate_SameSeed_SameHistory()
    {
        Generate(7).History.Should().Equal(Generate(7).History);
        Generate(7).History.Should().NotEqual(Generate(8).History);
    }

    /// <summary>A history of 1–45 calendar days with random gaps; per case a random set of metrics, each also missing on some days.</summary>
    private static (List<DailyMetrics> History, DateTimeOffset Now, ContextData? Data) Generate(ulong seed)
    {
        var rng = new SplitMix64((seed * 0x9E3779B97F4A7C15UL) + 0x632BE59BD9B4E019UL);
        int span = 1 + (int)(rng.NextDouble() * 45);
        double gapChance = rng.NextDouble() * 0.5;
        double dropChance = rng.NextDouble() * 0.4;
        var recorded = new HashSet<HealthMetric>();
        foreach (HealthMetric metric in Recordable)
        {
            if (rng.NextDouble() < 0.5)
            {
                recorded.Add(metric);
            }
        }

        if (recorded.Count == 0)
        {
            recorded.Add(Recordable[(int)(rng.NextDouble() * Recordable.Length)]);
        }

        HrvMethod method = rng.NextDouble() < 0.2 ? HrvMethod.Sdnn : HrvMethod.Rmssd;
        var history = new List<DailyMetrics>();
        for (int day = 0; day < span; day++)
        {
            bool today = day == span - 1;
            if (!today && rng.NextDouble() < gapChance)
            {
                continue;
            }

            DailyMetrics d = RandomDay(ref rng, TestData.Today.AddDays(day - span + 1), method);
            foreach (HealthMetric metric in Recordable)
            {
                if (!recorded.Contains(metric) || rng.NextDouble() < dropChance)
                {
                    // Only the reported efficiency: with sleep and bed time it is then derived.
                    d = metric == HealthMetric.SleepEfficiency ? d with { SleepEfficiency = null } : d.Without(metric);
                }
            }

            if (MetricsValidator.Validate(d).Count > 0)
            {
                d = d with { Steps = (int)(rng.NextDouble() * 20000) }; // a day needs at least one metric
            }

            history.Add(d);
        }

        DateTimeOffset now = BuiltIn.AgentTestContext.At((int)(rng.NextDouble() * 24), (int)(rng.NextDouble() * 60));
        double w = rng.NextDouble();
        ContextData? data = w < 0.5 ? null : new ContextData { Weather = new Weather(-10 + (rng.NextDouble() * 45), (WeatherCondition)(int)(rng.NextDouble() * 5)) };
        return (history, now, data);
    }

    private static DailyMetrics RandomDay(ref SplitMix64 rng, DateOnly date, HrvMethod method)
    {
        double sleep = Math.Round(rng.NextDouble() < 0.05 ? 0 : 3 + (rng.NextDouble() * 7), 2);
        return new DailyMetrics
        {
            Date = date,
            SleepHours = sleep,
            TimeInBedHours = Math.Min(24, Math.Round(sleep + (rng.NextDouble() * 2), 2)),
            SleepEfficiency = Math.Round(50 + (rng.NextDouble() * 50), 1),
            Hrv = Math.Round(10 + (rng.NextDouble() * 140), 1),
            HrvMethod = method,
            RestingHr = Math.Round(38 + (rng.NextDouble() * 50), 1),
            Steps = (int)(rng.NextDouble() * 25000),
            WorkoutMinutes = rng.NextDouble() < 0.3 ? 0 : Math.Round(rng.NextDouble() * 150),
            TrainingLoad = Math.Round(rng.NextDouble() * 100, 1),
            StressScore = Math.Round(rng.NextDouble() * 100),
            MoodScore = 1 + (int)(rng.NextDouble() * 5),
            EnergyScore = 1 + (int)(rng.NextDouble() * 5),
        };
    }

    private static string Describe(DailyMetrics day) => string.Join(",", Recordable.Where(day.Has));
}

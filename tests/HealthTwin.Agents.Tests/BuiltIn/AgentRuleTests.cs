using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>
/// The cached recommendation id of a rule follows the date asked for (issue 16: a cache that kept returning the previous
/// day's id survived, since every test used one date).
/// </summary>
public sealed class AgentRuleTests
{
    [Fact]
    public void IdFor_DateChanges_IdOfTheNewDate()
    {
        var rule = new AgentRule("sleep", "sleep-debt");
        DateOnly friday = new(2025, 3, 14);

        rule.IdFor(friday).Should().Be("sleep:sleep-debt:2025-03-14");
        rule.IdFor(friday).Should().Be("sleep:sleep-debt:2025-03-14");
        rule.IdFor(friday.AddDays(1)).Should().Be("sleep:sleep-debt:2025-03-15");
        rule.IdFor(friday.AddDays(1)).Should().Be("sleep:sleep-debt:2025-03-15");
        rule.IdFor(friday).Should().Be("sleep:sleep-debt:2025-03-14", "going back a day gives that day's id again");
        rule.IdFor(friday.AddYears(1)).Should().Be("sleep:sleep-debt:2026-03-14");
    }

    [Fact]
    public async Task IdFor_ManyThreadsAlternatingDates_EachIdMatchesItsDate()
    {
        var rule = new AgentRule("a", "r");
        DateOnly first = new(2025, 3, 14);

        string[][] ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
            Enumerable.Range(0, 2000).Select(i => rule.IdFor(first.AddDays((i + t) % 3))).ToArray())));

        for (int t = 0; t < ids.Length; t++)
        {
            for (int i = 0; i < ids[t].Length; i++)
            {
                ids[t][i].Should().Be($"a:r:{first.AddDays((i + t) % 3):yyyy-MM-dd}");
            }
        }
    }

    [Fact]
    public void Analyze_SameAgentOnConsecutiveDays_EachRecommendationCarriesItsDay()
    {
        // The forecast agent's rules are static: the second day must not reuse the first day's ids.
        var agent = new PredictiveAnalyticsAgent();
        List<DailyMetrics> history = TestData.History(15, (d, _) => d with { Hrv = 100, RestingHr = 50, SleepHours = 7.5, SleepEfficiency = 90, StressScore = 40 });

        IReadOnlyList<AgentRecommendation> thursday = Run(agent, CreateEvidence(history[..14], baseline: RoundBaseline, now: Noon.AddDays(-1)));
        IReadOnlyList<AgentRecommendation> friday = Run(agent, CreateEvidence(history, baseline: RoundBaseline, now: Noon));
        IReadOnlyList<AgentRecommendation> thursdayAgain = Run(agent, CreateEvidence(history[..14], baseline: RoundBaseline, now: Noon.AddDays(-1)));

        thursday.Select(r => r.Id).Should().Equal("predictive-analytics:training-windows:2025-03-13");
        friday.Select(r => r.Id).Should().Equal("predictive-analytics:training-windows:2025-03-14");
        thursdayAgain.Select(r => r.Id).Should().Equal("predictive-analytics:training-windows:2025-03-13");
    }
}

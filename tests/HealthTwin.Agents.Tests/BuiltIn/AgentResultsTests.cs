using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class AgentResultsTests
{
    private static readonly AgentRule Rule = new("test-agent", "test-rule");
    private static readonly AgentRule OtherRule = new("test-agent", "other-rule");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    public async Task ToOutcome_AnyNumberOfRecommendations_AllInTheOrderAdded(int count)
    {
        AgentContext context = AgentTestContext.Week(d => d);
        var results = default(AgentResults);
        AgentRecommendation[] added = Enumerable.Range(1, count).Select(i => Recommendation(context, i)).ToArray();
        foreach (AgentRecommendation recommendation in added)
        {
            results.Add(recommendation);
        }

        AgentOutcome outcome = await results.ToOutcome();

        outcome.Recommendations.Should().Equal(added);
        outcome.SkippedRules.Should().NotBeNull().And.BeEmpty("no rule was skipped");
        (await results.ToResult()).Should().Equal(added);
    }

    [Fact]
    public async Task Skip_TwoRules_BothKeptInOrderWithTheirReasons()
    {
        var results = default(AgentResults);

        results.Skip(Rule, "the sleep-debt check", HealthMetric.SleepHours);
        results.Skip(OtherRule, "the stress check", HealthMetric.StressScore, HealthMetric.MoodScore);
        AgentOutcome outcome = await results.ToOutcome();

        outcome.Recommendations.Should().BeEmpty();
        outcome.SkippedRules.Select(s => (s.Rule, string.Join(",", s.MissingMetrics), s.Reason)).Should().Equal(
            ("test-rule", "SleepHours", "sleep duration not recorded: the sleep-debt check was not judged"),
            ("other-rule", "StressScore,MoodScore", "stress score and mood not recorded: the stress check was not judged"));
    }

    [Fact]
    public async Task SkipNoBaseline_TwoRules_BothKeptWithTheirReasons()
    {
        AgentContext context = AgentTestContext.Week(d => d);
        var results = default(AgentResults);
        results.Add(Recommendation(context, 1));

        results.SkipNoBaseline(Rule, "the HRV check", HealthMetric.Hrv);
        results.SkipNoBaseline(OtherRule, "the resting-HR check", HealthMetric.RestingHr);
        AgentOutcome outcome = await results.ToOutcome();

        outcome.Recommendations.Should().ContainSingle();
        outcome.SkippedRules.Select(s => s.Reason).Should().Equal(
            "HRV has no comparable baseline yet: the HRV check was not judged",
            "resting heart rate has no comparable baseline yet: the resting-HR check was not judged");
    }

    [Fact]
    public async Task SkipNoBaseline_HrvMeasuredWithAnotherMethod_SaysSo()
    {
        AgentContext context = AgentTestContext.Week(d => d with { HrvMethod = HrvMethod.Sdnn });
        var results = default(AgentResults);

        results.SkipNoBaseline(context, Rule, "the HRV check", HealthMetric.Hrv);
        results.SkipNoBaseline(context, OtherRule, "the resting-HR check", HealthMetric.RestingHr);
        AgentOutcome outcome = await results.ToOutcome();

        outcome.SkippedRules.Select(s => (s.Rule, s.Reason)).Should().Equal(
            ("test-rule", "HRV has no comparable baseline yet (measured with another HRV method): the HRV check was not judged"),
            ("other-rule", "resting heart rate has no comparable baseline yet (no day-to-day spread yet): the resting-HR check was not judged"));
    }

    [Fact]
    public async Task SkipNoBaseline_HrvSameMethod_SaysWhatTheBaselineLacks()
    {
        AgentContext context = AgentTestContext.Week(d => d);
        var results = default(AgentResults);

        results.SkipNoBaseline(context, Rule, "the HRV check", HealthMetric.Hrv);
        AgentOutcome outcome = await results.ToOutcome();

        outcome.SkippedRules.Single().Reason.Should().Be(
            "HRV has no comparable baseline yet (no day-to-day spread yet): the HRV check was not judged");
    }

    [Fact]
    public async Task SkipHrv_NotRecordedOrRecorded_NamesTheMissingValueOrTheBaseline()
    {
        var results = default(AgentResults);

        results.SkipHrv(AgentTestContext.Week(d => d with { Hrv = null }), Rule, "the low-HRV check");
        results.SkipHrv(AgentTestContext.Week(d => d with { HrvMethod = HrvMethod.Sdnn }), OtherRule, "the low-HRV check");
        AgentOutcome outcome = await results.ToOutcome();

        outcome.SkippedRules.Select(s => s.Reason).Should().Equal(
            "HRV not recorded: the low-HRV check was not judged",
            "HRV has no comparable baseline yet (measured with another HRV method): the low-HRV check was not judged");
    }

    private static AgentRecommendation Recommendation(AgentContext context, int i) =>
        AgentOutput.Recommend(
            context,
            "test-agent",
            "rule-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RecommendationType.Sleep,
            RecommendationPriority.Low,
            "Title " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Rationale",
            [],
            []);
}

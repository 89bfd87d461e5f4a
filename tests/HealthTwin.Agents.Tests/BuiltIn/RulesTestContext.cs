using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>Builds contexts through <see cref="AgentContextFactory"/> with a given rule set (preset and settings).</summary>
internal static class RulesTestContext
{
    public static AgentContext Create(RuleOptions rules, IEnumerable<DailyMetrics> history, Baseline? baseline = null, AlertThresholds? thresholds = null)
    {
        var options = new HealthTwinOptions { Rules = rules };
        if (thresholds is not null)
        {
            options.Alerts = thresholds;
        }

        var factory = new AgentContextFactory(new FakeTimeProvider(AgentTestContext.Noon), Options.Create(options));
        return factory.Create("u1", TestData.Profile(), history, new AgentContextOptions { Baseline = baseline });
    }

    public static AgentContext Original(IEnumerable<DailyMetrics> history, Baseline? baseline = null) =>
        Create(RuleOptions.OriginalApp(), history, baseline ?? AgentTestContext.RoundBaseline);

    public static AgentContext Evidence(IEnumerable<DailyMetrics> history, Baseline? baseline = null, Action<TrainingLoadRuleOptions>? trainingLoad = null)
    {
        var rules = new RuleOptions();
        trainingLoad?.Invoke(rules.TrainingLoad);
        return Create(rules, history, baseline ?? AgentTestContext.RoundBaseline);
    }
}

using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Watches sleep debt and sleep quality.</summary>
/// <remarks>
/// Sleep debt above 3 h over the last 7 days present → "Sleep debt" (sleep, high); mean sleep efficiency of the last
/// 7 days present below 80 % → "Poor sleep quality" (sleep, medium). The debt is measured against the sleep need of
/// <see cref="SleepDebtCalculator"/>: in the evidence-based preset the profile's need, the host's, or the recommended
/// minimum for the age (NSF 2015; AASM/SRS 2015: 7 h for adults, assumed and said so when the age is unknown), night by
/// night with a cap on what a long night repays; in the original app's preset the 14-day mean. Nights without a sleep
/// duration or efficiency are skipped (never counted as 0); a rule with no night to judge is reported as skipped. An
/// estimate against a population recommendation, not a diagnosis of a sleep disorder.
/// </remarks>
public sealed class SleepAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>sleep</c>.</summary>
    public const string AgentId = "sleep";

    /// <summary>The rule id of the sleep-debt recommendation.</summary>
    public const string SleepDebtRule = "sleep-debt";

    /// <summary>The rule id of the sleep-quality recommendation.</summary>
    public const string SleepQualityRule = "sleep-quality";

    /// <summary>A sleep debt above this many hours is flagged.</summary>
    internal const double SleepDebtAboveHours = 3;

    /// <summary>A 7-day mean sleep efficiency below this percentage is flagged.</summary>
    internal const double PoorEfficiencyBelowPercent = 80;

    private static readonly AgentRule Debt = new(AgentId, SleepDebtRule);
    private static readonly AgentRule Quality = new(AgentId, SleepQualityRule);
    private static readonly IReadOnlyList<RecommendationAction> DebtActions = RecommendationAction.Standard("Set earlier bedtime");
    private static readonly IReadOnlyList<RecommendationAction> QualityActions = RecommendationAction.Standard("Review sleep habits");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Sleep Agent";

    /// <inheritdoc />
    public string Description => "Watches sleep debt and sleep quality.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        AgentOutput.RecommendationsOf(AnalyzeWithOutcomeAsync(context, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        AgentResults result = default;

        SleepDebt debt = context.SleepDebt;
        if (debt.Hours is null)
        {
            if (debt.Days == 0)
            {
                result.Skip(Debt, "the sleep-debt check", HealthMetric.SleepHours);
            }
            else
            {
                result.SkipNoBaseline(Debt, "the sleep-debt check (no sleep need in the profile)", HealthMetric.SleepHours);
            }
        }
        else if (debt is { Hours: { } debtHours, NeedHours: { } need } && debtHours > SleepDebtAboveHours)
        {
            double? meanSleep = SafeMath.Mean(context.LastSpan(SleepDebtCalculator.WindowDays), static d => d.SleepHours);
            string rationale = InvariantText.Format(
                $"You slept {debtHours:0.0} h less than your {need:0.0} h need{NeedOrigin(debt.NeedSource)} over the last {debt.Days} nights. Go to bed about 30 minutes earlier for the next nights and keep your wake-up time fixed.");
            var evidence = new Evidence[]
            {
                AgentOutput.Measure(
                    "sleepDebt",
                    debtHours,
                    SleepDebtAboveHours,
                    context.Rules.IsOriginalApp
                        ? "Need (14-day mean unless the profile sets one) × nights − hours slept over the last 7 days present"
                        : InvariantText.Format($"Hours short of the need, night by night over the last 7 days present; a long night repays at most {context.Rules.Sleep.RepaymentCapHours:0.#} h")),
                AgentOutput.Compare("sleepHours", meanSleep ?? need, need, null, "Mean over the last 7 days present, compared with the nightly need"),
            };
            result.Add(AgentOutput.Recommend(
                context, Debt, RecommendationType.Sleep, RecommendationPriority.High, "Sleep debt", rationale, DebtActions, evidence));
        }

        double? efficiency = SafeMath.Mean(context.LastSpan(7), static d => d.EffectiveSleepEfficiency, out int days);
        if (efficiency is null)
        {
            result.Skip(Quality, "the sleep-quality check", HealthMetric.SleepEfficiency);
        }
        else if (efficiency is { } e && e < PoorEfficiencyBelowPercent)
        {
            string rationale = InvariantText.Format(
                $"Your sleep efficiency averaged {e:0} % over the last {days} days (below {PoorEfficiencyBelowPercent:0} %). Keep a regular bedtime, a cool dark room, and no caffeine after 14:00 or alcohol late in the evening.");
            var evidence = new Evidence[]
            {
                AgentOutput.Compare("sleepEfficiency", e, context.Baseline.SleepEfficiency, PoorEfficiencyBelowPercent, "Mean over the last 7 days present"),
            };
            result.Add(AgentOutput.Recommend(
                context, Quality, RecommendationType.Sleep, RecommendationPriority.Medium, "Poor sleep quality", rationale, QualityActions, evidence));
        }

        return result.ToOutcome();
    }

    private static string NeedOrigin(SleepNeedSource source) => source switch
    {
        SleepNeedSource.AgeBand => " (the recommended minimum for your age: NSF 2015, AASM/SRS 2015)",
        SleepNeedSource.AdultFloorAgeUnknown => " (no age in the profile: the adult minimum of 7 h, AASM/SRS 2015, was assumed)",
        SleepNeedSource.Baseline => " (your 14-day mean)",
        _ => string.Empty,
    };
}

using System.Globalization;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;

namespace HealthTwin.Samples.CustomAgent;

/// <summary>
/// A plug-in agent: when sleep quality is down, it suggests a caffeine cut-off eight hours before the user's usual
/// bedtime (derived from the chronotype), and warns when that time has already passed today.
/// </summary>
public sealed class CaffeineCutoffAgent : IAIAgent
{
    /// <summary>Sleep efficiency below this (percent) triggers the advice.</summary>
    public const double EfficiencyThreshold = 85;

    /// <summary>Hours between the last caffeine and bedtime.</summary>
    public const int HoursBeforeBed = 8;

    /// <inheritdoc />
    public string Id => "caffeine-cutoff";

    /// <inheritdoc />
    public string Name => "Caffeine Cut-off";

    /// <inheritdoc />
    public string Description => "Times the last coffee of the day when sleep quality drops.";

    /// <summary>The usual bedtime hour for a chronotype: early 22, intermediate 23, late 24 (midnight).</summary>
    /// <param name="chronotype">The chronotype.</param>
    /// <returns>The hour, 22–24.</returns>
    public static int BedtimeHour(Chronotype chronotype) => chronotype switch
    {
        Chronotype.Early => 22,
        Chronotype.Late => 24,
        _ => 23,
    };

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        DailyMetrics today = context.Today;
        if (today.SleepEfficiency >= EfficiencyThreshold)
        {
            return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
        }

        int cutoff = BedtimeHour(context.Profile.Chronotype) - HoursBeforeBed;
        bool passed = context.LocalHour >= cutoff;
        string time = string.Create(CultureInfo.InvariantCulture, $"{cutoff:00}:00");
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>(
        [
            new AgentRecommendation
            {
                Id = RecommendationId.Create(Id, passed ? "no-more-caffeine" : "caffeine-cutoff", today.Date),
                CreatedAt = context.AnalyzedAt,
                Agent = Id,
                Type = RecommendationType.Nutrition,
                Title = passed ? "No more caffeine today" : $"Last coffee before {time}",
                Rationale = string.Create(CultureInfo.InvariantCulture, $"Sleep efficiency was {today.SleepEfficiency:0} % (below {EfficiencyThreshold:0} %). Caffeine within {HoursBeforeBed} h of bedtime fragments sleep."),
                Priority = passed ? RecommendationPriority.High : RecommendationPriority.Medium,
                Actions = RecommendationAction.Standard(passed ? "Switch to decaf" : "Set a reminder"),
                Evidence = [new Evidence { Metric = "sleepEfficiency", Value = today.SleepEfficiency, Threshold = EfficiencyThreshold }],
            },
        ]);
    }
}

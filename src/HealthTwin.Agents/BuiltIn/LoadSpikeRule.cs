using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>
/// The load-spike rule of <see cref="InjuryRiskAgent"/> (<c>injury-risk:load-spike</c>): the EWMA acute:chronic
/// workload ratio's spike flag in the evidence-based preset (week-over-week workout minutes when no ratio can be
/// computed), the original app's week-over-week workout minutes in its preset; and the load markers shown as evidence.
/// </summary>
internal static class LoadSpikeRule
{
    /// <summary>The original app's week-over-week rise of workout minutes that is a spike, in percent.</summary>
    internal const double OriginalSpikeAbovePercent = 20;

    private static readonly AgentRule SpikeId = new(InjuryRiskAgent.AgentId, InjuryRiskAgent.SpikeRule);
    private static readonly IReadOnlyList<RecommendationAction> SpikeActions = RecommendationAction.Standard("Reduce volume");

    /// <summary>What an unjudged evidence-based spike lacked: enough training-load history for the ratio and an earlier week of workout minutes.</summary>
    private static readonly IReadOnlyList<HealthMetric> RatioAndMinutes = Array.AsReadOnly([HealthMetric.TrainingLoad, HealthMetric.WorkoutMinutes]);

    /// <summary>The original app's spike: week-over-week workout minutes above 20 % → training, high.</summary>
    public static void Original(AgentContext context, double? weekOverWeekChange, bool minutesRecorded, ref AgentResults result)
    {
        if (weekOverWeekChange is null && !minutesRecorded)
        {
            result.Skip(SpikeId, "the week-over-week workout check", HealthMetric.WorkoutMinutes);
        }

        if (weekOverWeekChange is { } change && change > OriginalSpikeAbovePercent)
        {
            string rationale = InvariantText.Format(
                $"Your workout minutes rose {change:0} % against the week before (rises above 20 % are flagged). {TrainingLoadText.VolumeJumpCaveat}");
            result.Add(AgentOutput.Recommend(
                context, SpikeId, RecommendationType.Training, RecommendationPriority.High, "Training load spike", rationale, SpikeActions, MinutesEvidence(context, change, OriginalSpikeAbovePercent)));
        }
    }

    /// <summary>
    /// The evidence-based spike: the EWMA acute:chronic workload ratio's flag; without a ratio, week-over-week workout
    /// minutes above the configured rise; without either, a skipped rule saying what could not be judged.
    /// </summary>
    public static void EvidenceBased(AgentContext context, double? weekOverWeekChange, bool minutesRecorded, ref AgentResults result)
    {
        TrainingLoadSummary load = context.TrainingLoad;
        TrainingLoadRuleOptions options = context.Rules.TrainingLoad;
        if (load.AcuteChronicRatio is { } ratio)
        {
            if (load.LoadSpike)
            {
                string rationale = InvariantText.Format(
                    $"Your acute:chronic workload ratio is {ratio:0.00}: your {options.AcuteWindowDays}-day load ({load.AcuteLoad.GetValueOrDefault():0.#}, exponentially weighted) is well above your {options.ChronicWindowDays}-day load ({load.ChronicLoad.GetValueOrDefault():0.#}), the level you are used to. {TrainingLoadText.SpikeCaveat} Keep the next days easier and build up again gradually.");
                var evidence = new List<Evidence>(2)
                {
                    AgentOutput.Measure("acuteChronicLoadRatio", ratio, options.SpikeRatioAbove, TrainingLoadText.RatioNote),
                };
                if (load.Monotony is { } monotony)
                {
                    evidence.Add(AgentOutput.Measure("loadMonotony", monotony, options.HighMonotonyAbove, TrainingLoadText.MonotonyNote));
                }

                result.Add(AgentOutput.Recommend(
                    context, SpikeId, RecommendationType.Training, RecommendationPriority.Medium, "Training load spike", rationale, SpikeActions, evidence));
            }

            return;
        }

        if (load.ChronicLoad == 0 && load.AcuteLoad == 0)
        {
            return; // every load in the window is 0 (both loads are null when none was recorded): nothing to spike
        }

        if (weekOverWeekChange is { } change)
        {
            if (change > options.WorkoutMinutesRiseAbovePercent)
            {
                string rationale = InvariantText.Format(
                    $"Your workout minutes rose {change:0} % against the week before ({RatioGap(load, options)}, so volume was compared instead). {TrainingLoadText.VolumeJumpCaveat}");
                result.Add(AgentOutput.Recommend(
                    context, SpikeId, RecommendationType.Training, RecommendationPriority.Medium, "Training load spike", rationale, SpikeActions, MinutesEvidence(context, change, options.WorkoutMinutesRiseAbovePercent)));
            }

            return;
        }

        string minutes = minutesRecorded ? "no earlier week of workout minutes to compare with" : "workout minutes not recorded";
        result.Skip(SpikeId, RatioAndMinutes, InvariantText.Format($"{RatioGap(load, options)}, and {minutes}: the load-spike check was not judged"));
    }

    /// <summary>Why the workload ratio is missing, in words.</summary>
    private static string RatioGap(TrainingLoadSummary load, TrainingLoadRuleOptions options)
    {
        if (load.LoadDays == 0)
        {
            return "training load not recorded";
        }

        if (load.SeriesDays < options.ChronicWindowDays)
        {
            return InvariantText.Format(
                $"calibrating: the acute:chronic workload ratio needs {options.ChronicWindowDays} days of load history ({load.SeriesDays} of {options.ChronicWindowDays} days so far)");
        }

        return InvariantText.Format(
            $"training load unknown on {load.UnrecordedAcuteWindow} of the last {options.AcuteWindowDays} days and {load.UnrecordedChronicWindow} of the last {options.ChronicWindowDays}, too many for the acute:chronic workload ratio");
    }

    private static List<Evidence> MinutesEvidence(AgentContext context, double change, double threshold)
    {
        var evidence = new List<Evidence>(3)
        {
            AgentOutput.Measure("workoutMinutes", change, threshold, "Week-over-week change in percent of the mean minutes per day present (last 7 days present vs the 7 calendar days before)"),
        };
        AddLoadMarkers(evidence, context);
        return evidence;
    }

    /// <summary>Adds the acute:chronic load ratio and Foster's monotony as context, when they can be computed.</summary>
    public static void AddLoadMarkers(List<Evidence> evidence, AgentContext context)
    {
        TrainingLoadSummary load = context.TrainingLoad;
        TrainingLoadRuleOptions options = context.Rules.TrainingLoad;
        if (load.AcuteChronicRatio is { } ratio)
        {
            evidence.Add(AgentOutput.Measure("acuteChronicLoadRatio", ratio, options.SpikeRatioAbove, TrainingLoadText.RatioNote));
        }

        if (load.Monotony is { } monotony)
        {
            evidence.Add(AgentOutput.Measure("loadMonotony", monotony, options.HighMonotonyAbove, TrainingLoadText.MonotonyNote));
        }
    }

    /// <summary>
    /// Mean workout minutes per day with minutes recorded: last 7 days present vs the 7 calendar days before the first
    /// of them. <paramref name="recorded"/> tells whether any of the last 7 days has workout minutes.
    /// </summary>
    public static double? WeekOverWeekChange(AgentContext context, out bool recorded)
    {
        ReadOnlySpan<DailyMetrics> all = context.Days;
        ReadOnlySpan<DailyMetrics> current = context.LastSpan(7);
        double currentSum = 0;
        int currentDays = 0;
        foreach (DailyMetrics day in current)
        {
            if (day.WorkoutMinutes is { } minutes)
            {
                currentSum += minutes;
                currentDays++;
            }
        }

        recorded = currentDays > 0;
        if (all.Length <= current.Length || currentDays == 0)
        {
            return null;
        }

        int start = current[0].Date.DayNumber;
        double previousSum = 0;
        int previousDays = 0;
        for (int i = all.Length - current.Length - 1; i >= 0; i--)
        {
            int age = start - all[i].Date.DayNumber;
            if (age > 7)
            {
                break;
            }

            if (all[i].WorkoutMinutes is { } minutes)
            {
                previousSum += minutes;
                previousDays++;
            }
        }

        if (previousDays == 0 || previousSum <= 0)
        {
            return null;
        }

        return SafeMath.PercentChange(currentSum / currentDays, previousSum / previousDays);
    }
}

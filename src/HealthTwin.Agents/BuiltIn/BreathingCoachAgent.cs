using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Suggests breathing exercises from HRV, stress, energy and time of day.</summary>
/// <remarks>
/// Low HRV today → 5 min coherent breathing, 5 s in / 5 s out (stress, high): in the evidence-based default, today's
/// ln HRV more than k (default 2) standard deviations below the previous days' mean (the HRV alert of
/// <see cref="AnomalyDetector"/>, which fires on about 2 % of stable days); in the original app's preset, HRV more than
/// the HRV-drop threshold (default 15 %) below baseline; stress above 75 → 3 min box breathing 4-4-4-4 (stress, high), else stress above 50 → 10 min
/// breathing meditation (stress, medium); local hour 21 or later and sleep efficiency below 85 % → 4-7-8 breathing
/// before sleep (sleep, medium); local hour 6–9 and energy below 3 → energising breathing (medium; of type break, or
/// of type training with the original app's preset, as the app typed it). Hours are in the user's time zone.
/// </remarks>
public sealed class BreathingCoachAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>breathing-coach</c>.</summary>
    public const string AgentId = "breathing-coach";

    /// <summary>The rule id of coherent breathing after an HRV drop.</summary>
    public const string CoherentRule = "coherent-breathing";

    /// <summary>The rule id of box breathing at high stress.</summary>
    public const string BoxRule = "box-breathing";

    /// <summary>The rule id of breathing meditation at moderate stress.</summary>
    public const string MeditationRule = "breathing-meditation";

    /// <summary>The rule id of 4-7-8 breathing before sleep.</summary>
    public const string SleepRule = "sleep-breathing";

    /// <summary>The rule id of energising morning breathing.</summary>
    public const string EnergisingRule = "energising-breathing";

    /// <summary>A stress score above this calls for box breathing.</summary>
    internal const double HighStressAbove = 75;

    /// <summary>A stress score above this (up to <see cref="HighStressAbove"/>) calls for a breathing meditation.</summary>
    internal const double ModerateStressAbove = 50;

    /// <summary>From this local hour on, a poor sleep efficiency calls for 4-7-8 breathing.</summary>
    internal const int EveningFromHour = 21;

    /// <summary>A sleep efficiency below this percentage (in the evening) calls for 4-7-8 breathing.</summary>
    internal const double SleepEfficiencyBelowPercent = 85;

    /// <summary>The first local hour of the energising window.</summary>
    internal const int MorningFromHour = 6;

    /// <summary>The local hour at which the energising window ends (exclusive).</summary>
    internal const int MorningUntilHour = 10;

    /// <summary>Energy below this (in the morning window) calls for energising breathing.</summary>
    internal const int LowEnergyBelow = 3;

    private static readonly AgentRule CoherentId = new(AgentId, CoherentRule);
    private static readonly AgentRule BoxId = new(AgentId, BoxRule);
    private static readonly AgentRule MeditationId = new(AgentId, MeditationRule);
    private static readonly AgentRule SleepId = new(AgentId, SleepRule);
    private static readonly AgentRule EnergisingId = new(AgentId, EnergisingRule);
    private static readonly IReadOnlyList<RecommendationAction> StartActions = RecommendationAction.Standard("Start session");
    private static readonly IReadOnlyList<RecommendationAction> ScheduleActions = RecommendationAction.Standard("Add to calendar");
    private static readonly IReadOnlyList<RecommendationAction> BedtimeActions = RecommendationAction.Standard("Remind me at bedtime");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Breathing Coach";

    /// <inheritdoc />
    public string Description => "Suggests breathing exercises from HRV, stress, energy and time of day.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        AgentOutput.RecommendationsOf(AnalyzeWithOutcomeAsync(context, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        AgentResults result = default;
        DailyMetrics today = context.Today;
        Baseline baseline = context.Baseline;
        double hrvDrop = context.Thresholds.HrvDropPercent;

        if (context.Rules.IsOriginalApp)
        {
            double? hrvChange = AgentOutput.HrvDeltaPercent(context);
            if (hrvChange is null)
            {
                result.SkipHrv(context, CoherentId, "the low-HRV breathing check");
            }
            else if (hrvChange is { } hrvDelta && hrvDelta < -hrvDrop)
            {
                result.Add(AgentOutput.Recommend(
                    context, CoherentId, RecommendationType.Stress, RecommendationPriority.High, "5 min coherent breathing",
                    InvariantText.Format($"Your HRV is {-hrvDelta:0} % below baseline. Breathe 5 s in and 5 s out for 5 minutes to calm your nervous system."),
                    StartActions,
                    [AgentOutput.Compare("hrv", today.Hrv.GetValueOrDefault(), baseline.Hrv, -hrvDrop, "Change against baseline in percent")]));
            }
        }
        else if (DailyDeviation.HrvZ(today, baseline) is not { } z)
        {
            result.SkipHrv(context, CoherentId, "the low-HRV breathing check");
        }
        else if (z < -context.Rules.Baselines.DeviationSd)
        {
            result.Add(AgentOutput.Recommend(
                context, CoherentId, RecommendationType.Stress, RecommendationPriority.High, "5 min coherent breathing",
                InvariantText.Format($"Your HRV is {-z:0.#} SD below your usual {baseline.Hrv.GetValueOrDefault():0.#} ms (today against your previous days, on the log scale). Breathe 5 s in and 5 s out for 5 minutes to calm your nervous system; slow breathing at about 6 breaths a minute raises HRV while you do it. A relaxation aid, not a treatment."),
                StartActions,
                [AgentOutput.CompareDeviation(context, HealthMetric.Hrv, z)]));
        }

        if (today.StressScore is not { } stress)
        {
            result.Skip(BoxId, "the high-stress breathing check", HealthMetric.StressScore);
            result.Skip(MeditationId, "the moderate-stress breathing check", HealthMetric.StressScore);
        }
        else if (stress > HighStressAbove)
        {
            result.Add(AgentOutput.Recommend(
                context, BoxId, RecommendationType.Stress, RecommendationPriority.High, "3 min box breathing",
                InvariantText.Format($"High stress ({stress:0}/100). Box breathing 4-4-4-4: in for 4, hold for 4, out for 4, hold for 4, for 3 minutes."),
                StartActions,
                [AgentOutput.Compare("stressScore", stress, baseline.StressScore, HighStressAbove, "Today's stress score")]));
        }
        else if (stress > ModerateStressAbove)
        {
            result.Add(AgentOutput.Recommend(
                context, MeditationId, RecommendationType.Stress, RecommendationPriority.Medium, "10 min breathing meditation",
                InvariantText.Format($"Moderate stress ({stress:0}/100). A short breathing meditation helps you stay calm and focused."),
                ScheduleActions,
                [AgentOutput.Compare("stressScore", stress, baseline.StressScore, ModerateStressAbove, "Today's stress score")]));
        }

        int hour = context.LocalHour;
        double? efficiency = today.EffectiveSleepEfficiency;
        if (hour >= EveningFromHour && efficiency is null)
        {
            result.Skip(SleepId, "the bedtime breathing check", HealthMetric.SleepEfficiency);
        }
        else if (hour >= EveningFromHour && efficiency is { } e && e < SleepEfficiencyBelowPercent)
        {
            result.Add(AgentOutput.Recommend(
                context, SleepId, RecommendationType.Sleep, RecommendationPriority.Medium, "4-7-8 breathing before sleep",
                "Your sleep efficiency was low. Before bed, breathe in for 4, hold for 7 and out for 8, for about 4 rounds, to fall asleep more easily.",
                BedtimeActions,
                [AgentOutput.Compare("sleepEfficiency", e, baseline.SleepEfficiency, SleepEfficiencyBelowPercent, AgentOutput.LocalTimeNote(context))]));
        }

        bool morning = hour >= MorningFromHour && hour < MorningUntilHour;
        if (morning && today.EnergyScore is null)
        {
            result.Skip(EnergisingId, "the morning energy check", HealthMetric.EnergyScore);
        }
        else if (morning && today.EnergyScore is { } energy && energy < LowEnergyBelow)
        {
            result.Add(AgentOutput.Recommend(
                context, EnergisingId, context.Rules.IsOriginalApp ? RecommendationType.Training : RecommendationType.Break, RecommendationPriority.Medium, "Energising breathing",
                "Low energy this morning. Sit upright and take 3 rounds of 10 deep, brisk breaths through the nose, resting between rounds; stop if you feel dizzy.",
                ScheduleActions,
                [AgentOutput.Measure("energyScore", energy, LowEnergyBelow, AgentOutput.LocalTimeNote(context))]));
        }

        return result.ToOutcome();
    }
}

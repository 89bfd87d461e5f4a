using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Adapts advice to weather, time of day and the user's state.</summary>
/// <remarks>
/// <para>
/// Weather comes only from <see cref="AgentContext.ContextData"/> (a host-supplied provider); without it the weather
/// rules are skipped. Temperature below 5 °C → cold advisory (training, medium); above 28 °C → heat advisory
/// (training, medium); rain, snow or storm and no workout yet today → indoor workout (training, low).
/// </para>
/// <para>
/// Time rules use the user's local time (<see cref="AgentContext.LocalTime"/>, the profile's time zone), with the
/// parts of the day of <see cref="AgentContextFactory.TimeOfDayOf"/>: evening 17:00–21:59 and stress above the
/// maximum stress threshold (default 70) → wind-down (stress, medium); morning 05:00–11:59 and sleep below the
/// minimum sleep threshold (default 6 h) → low-energy morning (sleep, high).
/// </para>
/// </remarks>
public sealed class ContextAwarenessAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>context-awareness</c>.</summary>
    public const string AgentId = "context-awareness";

    /// <summary>The rule id of the cold advisory.</summary>
    public const string ColdRule = "cold-weather";

    /// <summary>The rule id of the heat advisory.</summary>
    public const string HeatRule = "hot-weather";

    /// <summary>The rule id of the indoor workout suggestion.</summary>
    public const string IndoorRule = "indoor-workout";

    /// <summary>The rule id of the evening wind-down.</summary>
    public const string WindDownRule = "evening-wind-down";

    /// <summary>The rule id of the low-energy morning.</summary>
    public const string LowEnergyMorningRule = "low-energy-morning";

    /// <summary>Below this temperature (°C) the cold advisory is given.</summary>
    internal const double ColdBelowCelsius = 5;

    /// <summary>Above this temperature (°C) the heat advisory is given.</summary>
    internal const double HotAboveCelsius = 28;

    private static readonly AgentRule ColdId = new(AgentId, ColdRule);
    private static readonly AgentRule HeatId = new(AgentId, HeatRule);
    private static readonly AgentRule IndoorId = new(AgentId, IndoorRule);
    private static readonly AgentRule WindDownId = new(AgentId, WindDownRule);
    private static readonly AgentRule LowEnergyMorningId = new(AgentId, LowEnergyMorningRule);
    private static readonly IReadOnlyList<RecommendationAction> WeatherActions = RecommendationAction.Standard("Adjust training");
    private static readonly IReadOnlyList<RecommendationAction> IndoorActions = RecommendationAction.Standard("Start indoor workout");
    private static readonly IReadOnlyList<RecommendationAction> WindDownActions = RecommendationAction.Standard("Start wind-down");
    private static readonly IReadOnlyList<RecommendationAction> MorningActions = RecommendationAction.Standard("Take it easy");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Context Awareness";

    /// <inheritdoc />
    public string Description => "Adapts advice to weather, time of day and the user's state.";

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
        AlertThresholds thresholds = context.Thresholds;

        if (context.ContextData?.Weather is { } weather && double.IsFinite(weather.TemperatureCelsius))
        {
            double t = weather.TemperatureCelsius;
            if (t < ColdBelowCelsius)
            {
                result.Add(AgentOutput.Recommend(
                    context, ColdId, RecommendationType.Training, RecommendationPriority.Medium, "Cold weather advisory",
                    InvariantText.Format($"It is {t:0.#} °C outside. Train indoors, or warm up thoroughly and dress in layers to protect muscles and airways."),
                    WeatherActions,
                    [AgentOutput.Measure("temperature", t, ColdBelowCelsius, "Outdoor temperature in °C")]));
            }
            else if (t > HotAboveCelsius)
            {
                result.Add(AgentOutput.Recommend(
                    context, HeatId, RecommendationType.Training, RecommendationPriority.Medium, "Heat advisory",
                    InvariantText.Format($"It is {t:0.#} °C outside. Drink more, train in the cooler hours and lower the intensity."),
                    WeatherActions,
                    [AgentOutput.Measure("temperature", t, HotAboveCelsius, "Outdoor temperature in °C")]));
            }

            if (weather.IsWet && today.WorkoutMinutes is null)
            {
                result.Skip(IndoorId, "the indoor-workout suggestion", HealthMetric.WorkoutMinutes);
            }
            else if (weather.IsWet && today.WorkoutMinutes == 0)
            {
                result.Add(AgentOutput.Recommend(
                    context, IndoorId, RecommendationType.Training, RecommendationPriority.Low, "Indoor workout",
                    "The weather is wet and you have not trained yet today: a good day for an indoor strength or yoga session.",
                    IndoorActions,
                    [AgentOutput.Measure("workoutMinutes", 0, 0, "Workout minutes so far today; weather " + ConditionName(weather.Condition))]));
            }
        }

        TimeOfDay partOfDay = AgentContextFactory.TimeOfDayOf(context.LocalHour);
        if (partOfDay == TimeOfDay.Evening && today.StressScore is null)
        {
            result.Skip(WindDownId, "the evening stress check", HealthMetric.StressScore);
        }
        else if (partOfDay == TimeOfDay.Evening && today.StressScore is { } stress && stress > thresholds.MaxStressScore)
        {
            result.Add(AgentOutput.Recommend(
                context, WindDownId, RecommendationType.Stress, RecommendationPriority.Medium, "Evening wind-down",
                InvariantText.Format($"Your stress is {stress:0} this evening. Try gentle stretching or a short meditation before bed."),
                WindDownActions,
                [AgentOutput.Compare("stressScore", stress, context.Baseline.StressScore, thresholds.MaxStressScore, AgentOutput.LocalTimeNote(context))]));
        }

        if (partOfDay == TimeOfDay.Morning && today.SleepHours is null)
        {
            result.Skip(LowEnergyMorningId, "the short-night morning check", HealthMetric.SleepHours);
        }
        else if (partOfDay == TimeOfDay.Morning && today.SleepHours is { } slept && slept < thresholds.MinSleepHours)
        {
            result.Add(AgentOutput.Recommend(
                context, LowEnergyMorningId, RecommendationType.Sleep, RecommendationPriority.High, "Low-energy morning",
                InvariantText.Format($"You slept {slept:0.0} h, less than {thresholds.MinSleepHours:0.#} h. Skip intense morning training, get daylight early and keep caffeine before noon."),
                MorningActions,
                [AgentOutput.Compare("sleepHours", slept, context.Baseline.SleepHours, thresholds.MinSleepHours, AgentOutput.LocalTimeNote(context))]));
        }

        return result.ToOutcome();
    }

    private static string ConditionName(WeatherCondition condition) => condition switch
    {
        WeatherCondition.Rain => "rain",
        WeatherCondition.Snow => "snow",
        WeatherCondition.Storm => "storm",
        WeatherCondition.Cloudy => "cloudy",
        _ => "clear",
    };
}

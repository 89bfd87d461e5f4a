using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Checks the bedroom environment when sleep quality drops.</summary>
/// <remarks>
/// Mean sleep efficiency of the last 7 days present below 80 % and last night below 75 % → environment check (sleep,
/// medium); local hour 20–22 (20:00–22:59 in the user's time zone) → bedroom reminder: 16–19 °C, dark, quiet (sleep,
/// low). With bedroom readings in <see cref="AgentContext.SleepEnvironment"/>, both name each reading that is out of
/// its recommended range (temperature 16–19 °C, humidity 40–60 %, noise ≤ 35 dB(A), light ≤ 5 lx, CO₂ ≤ 1000 ppm)
/// and carry it as evidence.
/// </remarks>
public sealed class SleepEnvironmentAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>sleep-environment</c>.</summary>
    public const string AgentId = "sleep-environment";

    /// <summary>The rule id of the environment check.</summary>
    public const string EnvironmentCheckRule = "environment-check";

    /// <summary>The rule id of the evening bedroom reminder.</summary>
    public const string BedroomReminderRule = "bedroom-reminder";

    /// <summary>A 7-day mean sleep efficiency below this percentage (with a poor last night) triggers the check.</summary>
    internal const double MeanEfficiencyBelowPercent = 80;

    /// <summary>Last night's sleep efficiency below this percentage (with a poor 7-day mean) triggers the check.</summary>
    internal const double TodayEfficiencyBelowPercent = 75;

    /// <summary>The first local hour of the bedroom reminder.</summary>
    internal const int ReminderFromHour = 20;

    /// <summary>The last local hour of the bedroom reminder (inclusive).</summary>
    internal const int ReminderToHour = 22;

    private static readonly AgentRule EnvironmentCheckId = new(AgentId, EnvironmentCheckRule);
    private static readonly AgentRule BedroomReminderId = new(AgentId, BedroomReminderRule);
    private static readonly IReadOnlyList<RecommendationAction> CheckActions = RecommendationAction.Standard("Review environment");
    private static readonly IReadOnlyList<RecommendationAction> ReminderActions = RecommendationAction.Standard("Prepare bedroom");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Sleep Environment";

    /// <inheritdoc />
    public string Description => "Checks the bedroom environment when sleep quality drops.";

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
        int hour = context.LocalHour;
        double? todayEfficiency = today.EffectiveSleepEfficiency;
        double mean = SafeMath.Mean(context.LastSpan(7), static d => d.EffectiveSleepEfficiency) ?? 0;
        bool check = todayEfficiency is { } last && mean < MeanEfficiencyBelowPercent && last < TodayEfficiencyBelowPercent;
        bool reminder = hour >= ReminderFromHour && hour <= ReminderToHour;
        if (todayEfficiency is null)
        {
            result.Skip(EnvironmentCheckId, "the sleep-environment check", HealthMetric.SleepEfficiency);
        }

        if (!check && !reminder)
        {
            return result.ToOutcome();
        }

        List<Reading>? readings = OutOfRange(context.SleepEnvironment);
        string? readingText = readings is null ? null : Describe(readings);

        if (check)
        {
            // Stryker disable once nullcoalescing : equivalent, only the list's initial capacity
            var evidence = new List<Evidence>(2 + (readings?.Count ?? 0))
            {
                AgentOutput.Compare("sleepEfficiency", mean, context.Baseline.SleepEfficiency, MeanEfficiencyBelowPercent, "Mean over the last 7 days present"),
                AgentOutput.Measure("sleepEfficiency", todayEfficiency.GetValueOrDefault(), TodayEfficiencyBelowPercent, "Last night"),
            };
            AddEvidence(evidence, readings);
            string rationale = InvariantText.Format(
                $"Your sleep efficiency averaged {mean:0} % over the last {context.Last7Count} days and was {todayEfficiency.GetValueOrDefault():0} % last night. ");
            rationale += readingText is null
                ? "Check the bedroom: temperature (16–19 °C), light, noise and fresh air can all cost sleep."
                : "Out of range in your bedroom: " + readingText + ".";
            result.Add(AgentOutput.Recommend(
                context, EnvironmentCheckId, RecommendationType.Sleep, RecommendationPriority.Medium, "Check your sleep environment", rationale, CheckActions, evidence));
        }

        if (reminder)
        {
            // Stryker disable once nullcoalescing : equivalent, only the list's initial capacity
            var evidence = new List<Evidence>(1 + (readings?.Count ?? 0))
            {
                AgentOutput.Measure("localHour", hour, ReminderFromHour, AgentOutput.LocalTimeNote(context)),
            };
            AddEvidence(evidence, readings);
            string rationale = "Time to prepare your bedroom for sleep: cool (16–19 °C), dark and quiet.";
            if (readingText is not null)
            {
                rationale += " Out of range right now: " + readingText + ".";
            }

            result.Add(AgentOutput.Recommend(
                context, BedroomReminderId, RecommendationType.Sleep, RecommendationPriority.Low, "Prepare your bedroom", rationale, ReminderActions, evidence));
        }

        return result.ToOutcome();
    }

    private static void AddEvidence(List<Evidence> evidence, List<Reading>? readings)
    {
        if (readings is null)
        {
            return;
        }

        foreach (Reading r in readings)
        {
            evidence.Add(AgentOutput.Measure(r.Metric, r.Value, r.Threshold, r.Ideal));
        }
    }

    private static string Describe(List<Reading> readings)
    {
        var parts = new string[readings.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            Reading r = readings[i];
            parts[i] = InvariantText.Format($"{r.Label} {r.Value:0.#} {r.Unit} ({r.Ideal})");
        }

        return string.Join(", ", parts);
    }

    private static List<Reading>? OutOfRange(SleepEnvironment? environment)
    {
        if (environment is null)
        {
            return null;
        }

        // An out-of-range reading's threshold is the limit it crossed: the ideal range clamps it to that limit.
        List<Reading>? readings = null;
        if (environment.TemperatureCelsius is { } t && double.IsFinite(t) && (t < SleepEnvironment.IdealTemperatureMin || t > SleepEnvironment.IdealTemperatureMax))
        {
            readings = [new("bedroomTemperature", "temperature", t, "°C", Math.Clamp(t, SleepEnvironment.IdealTemperatureMin, SleepEnvironment.IdealTemperatureMax), "ideal 16–19 °C")];
        }

        if (environment.HumidityPercent is { } h && double.IsFinite(h) && (h < SleepEnvironment.IdealHumidityMin || h > SleepEnvironment.IdealHumidityMax))
        {
            (readings ??= []).Add(new("bedroomHumidity", "humidity", h, "%", Math.Clamp(h, SleepEnvironment.IdealHumidityMin, SleepEnvironment.IdealHumidityMax), "ideal 40–60 %"));
        }

        if (environment.NoiseDb is { } n && double.IsFinite(n) && n > SleepEnvironment.MaxNoiseDb)
        {
            (readings ??= []).Add(new("bedroomNoise", "noise", n, "dB(A)", SleepEnvironment.MaxNoiseDb, "ideal at most 35 dB(A)"));
        }

        if (environment.LightLux is { } l && double.IsFinite(l) && l > SleepEnvironment.MaxLightLux)
        {
            (readings ??= []).Add(new("bedroomLight", "light", l, "lx", SleepEnvironment.MaxLightLux, "ideal at most 5 lx"));
        }

        if (environment.Co2Ppm is { } c && double.IsFinite(c) && c > SleepEnvironment.MaxCo2Ppm)
        {
            (readings ??= []).Add(new("bedroomCo2", "CO₂", c, "ppm", SleepEnvironment.MaxCo2Ppm, "ideal at most 1000 ppm"));
        }

        return readings;
    }

    private readonly record struct Reading(string Metric, string Label, double Value, string Unit, double Threshold, string Ideal);
}

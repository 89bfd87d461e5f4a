namespace HealthTwin.Agents.Model;

/// <summary>
/// Who the user is, as far as recommendations care. The name is for the host's own UI: agents never put it into
/// a prompt or a recommendation.
/// </summary>
public sealed record UserProfile
{
    /// <summary>Display name (never sent to an AI model).</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Age in years, 10–120, when known. Sets the sleep need by age band (NSF 2015) when no sleep need is given; without
    /// it the adult floor of 7 h is assumed and the texts say so.
    /// </summary>
    public int? Age { get; init; }

    /// <summary>The main training goal.</summary>
    public FitnessGoal Goal { get; init; } = FitnessGoal.Maintain;

    /// <summary>Natural sleep timing.</summary>
    public Chronotype Chronotype { get; init; } = Chronotype.Intermediate;

    /// <summary>Planned training sessions per week, 0–21.</summary>
    public int TrainingFrequency { get; init; } = 3;

    /// <summary>
    /// Hours of sleep the user needs per night (3–14). When set, sleep debt and the readiness sleep score are measured
    /// against it; otherwise against the host's <c>HealthTwin:Rules:Sleep:NeedHours</c> or the recommended minimum for
    /// <see cref="Age"/> (the original app's preset: the 14-day baseline).
    /// </summary>
    public double? SleepNeedHours { get; init; }

    /// <summary>Whether the user is in an exam (or similarly demanding) phase.</summary>
    public bool ExamPhase { get; init; }

    /// <summary>The user's IANA time zone (for example <c>"Europe/Berlin"</c>). Defaults to UTC. Local-time rules use it; the machine's zone never matters.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Returns every field that is out of range (empty when valid), including an unknown <see cref="TimeZone"/>.</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError>? errors = null;
        Validate(ref errors, out _);
        return errors ?? [];
    }

    /// <summary>Adds every field that is out of range to <paramref name="errors"/> (allocating nothing when valid) and returns the time zone.</summary>
    /// <param name="errors">The errors so far; created on the first error.</param>
    /// <param name="zone">The time zone of <see cref="TimeZone"/>, or <see langword="null"/> when it is unknown.</param>
    internal void Validate(ref List<MetricsValidationError>? errors, out TimeZoneInfo? zone)
    {
        if (Age is { } age && (age < 10 || age > 120))
        {
            (errors ??= []).Add(new("profile.age", age.ToString(System.Globalization.CultureInfo.InvariantCulture), "10–120 years"));
        }

        if (TrainingFrequency is < 0 or > 21)
        {
            (errors ??= []).Add(new("profile.trainingFrequency", TrainingFrequency.ToString(System.Globalization.CultureInfo.InvariantCulture), "0–21 sessions per week"));
        }

        if (SleepNeedHours is { } need && (!double.IsFinite(need) || need < 3 || need > 14))
        {
            (errors ??= []).Add(new("profile.sleepNeedHours", need.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "3–14 h"));
        }

        if (!Enum.IsDefined(Goal))
        {
            (errors ??= []).Add(new("profile.goal", Goal.ToString(), "lose_fat, build_muscle or maintain"));
        }

        if (!Enum.IsDefined(Chronotype))
        {
            (errors ??= []).Add(new("profile.chronotype", Chronotype.ToString(), "early, intermediate or late"));
        }

        zone = TimeZones.Find(TimeZone);
        if (zone is null)
        {
            (errors ??= []).Add(new("profile.timeZone", TimeZone ?? "null", "an IANA time zone id such as Europe/Berlin"));
        }
    }
}

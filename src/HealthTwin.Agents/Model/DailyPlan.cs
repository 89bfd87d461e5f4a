namespace HealthTwin.Agents.Model;

/// <summary>Today's plan, as built by the planner agent.</summary>
public sealed record DailyPlan
{
    /// <summary>The day the plan is for.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The readiness the plan is based on; <see langword="null"/> when it could not be judged.</summary>
    public required int? Readiness { get; init; }

    /// <summary>The burnout level the plan is based on.</summary>
    public required BurnoutLevel? BurnoutLevel { get; init; }

    /// <summary>The training intensity for today.</summary>
    public required TrainingIntensity Intensity { get; init; }

    /// <summary>The training suggestion in words.</summary>
    public required string Training { get; init; }

    /// <summary>At most three priorities for the day, most important first.</summary>
    public required IReadOnlyList<string> Priorities { get; init; }

    /// <summary>At most five small interventions during the day (breathing, walk, nap, hydration, …).</summary>
    public required IReadOnlyList<string> MicroInterventions { get; init; }

    /// <summary>Advice for tonight's sleep, based on the sleep debt.</summary>
    public required string SleepAdvice { get; init; }

    /// <summary>The sleep debt over the last 7 days in hours (0 or more); <see langword="null"/> when no sleep duration was recorded or the need is unknown.</summary>
    public required double? SleepDebtHours { get; init; }
}

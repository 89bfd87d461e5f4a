namespace HealthTwin.Reports.Model;

/// <summary>The training-load markers of <c>TrainingLoadCalculator</c> on the last day of the period with data.</summary>
public sealed record TrainingSnapshot
{
    /// <summary>The day the markers are for.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Fitness (42-day exponentially weighted load).</summary>
    public required double Fitness { get; init; }

    /// <summary>Fatigue (Banister's acute training load, τ = 7 days).</summary>
    public required double Fatigue { get; init; }

    /// <summary>Form: fitness − fatigue.</summary>
    public required double Form { get; init; }

    /// <summary>Acute ÷ chronic load, from 28 days on.</summary>
    public double? AcuteChronicRatio { get; init; }

    /// <summary>Days of the period on which the acute:chronic ratio was above 1.5.</summary>
    public required int SpikeDays { get; init; }
}

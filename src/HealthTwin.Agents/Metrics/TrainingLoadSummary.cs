namespace HealthTwin.Agents.Metrics;

/// <summary>Load and HRV markers from the sports-science literature, computed by <see cref="TrainingLoadCalculator"/>.</summary>
/// <remarks>
/// These are monitoring aids, not injury probabilities: an acute:chronic ratio above 1.5 or a monotony above 2 is a
/// flag worth a look, nothing more. Values are rounded to three decimals; a marker that cannot be computed is
/// <see langword="null"/>.
/// </remarks>
public sealed record TrainingLoadSummary
{
    /// <summary>Acute load: the exponentially weighted mean of daily load with N = 7 (λ = 2 / (N + 1)); also "fatigue". Unknown (null) without any load value.</summary>
    public double? AcuteLoad { get; init; }

    /// <summary>Chronic load: the exponentially weighted mean with N = 28.</summary>
    public double? ChronicLoad { get; init; }

    /// <summary>Acute ÷ chronic load, once 28 days with a load are present and the chronic load is above 0.</summary>
    public double? AcuteChronicRatio { get; init; }

    /// <summary>Whether <see cref="AcuteChronicRatio"/> is above 1.5 (a load spike).</summary>
    public bool LoadSpike => AcuteChronicRatio > TrainingLoadCalculator.SpikeRatio;

    /// <summary>Fitness: the exponentially weighted mean with N = 42.</summary>
    public double? Fitness { get; init; }

    /// <summary>Form: fitness − fatigue (<see cref="AcuteLoad"/>); negative while a hard block is being absorbed.</summary>
    public double? Form { get; init; }

    /// <summary>How many days with a training load the weighted means are over (0: the load markers are unknown).</summary>
    public int LoadDays { get; init; }

    /// <summary>Foster's monotony: mean ÷ standard deviation of the last 7 daily loads, when 7 days are present, each with a load, and they vary.</summary>
    public double? Monotony { get; init; }

    /// <summary>Whether <see cref="Monotony"/> is above 2 (training too uniform).</summary>
    public bool HighMonotony => Monotony > TrainingLoadCalculator.HighMonotony;

    /// <summary>Foster's strain: the sum of the last 7 daily loads × monotony.</summary>
    public double? Strain { get; init; }

    /// <summary>The mean of ln(rMSSD) over the last 7 rMSSD days.</summary>
    public double? LnRmssd7DayMean { get; init; }

    /// <summary>The lower bound of the personal normal range: the 60-day mean of ln(rMSSD) − 0.5 SD (from 14 rMSSD days on).</summary>
    public double? LnRmssdNormalLow { get; init; }

    /// <summary>The upper bound of the personal normal range: the 60-day mean of ln(rMSSD) + 0.5 SD.</summary>
    public double? LnRmssdNormalHigh { get; init; }

    /// <summary>Where the 7-day mean lies against the normal range.</summary>
    public HrvNormalRangeStatus HrvStatus { get; init; }
}

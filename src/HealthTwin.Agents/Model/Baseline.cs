namespace HealthTwin.Agents.Model;

/// <summary>
/// The user's personal normal: means over the 14 most recent days present (today included). Computed by
/// <see cref="Metrics.BaselineCalculator"/>, or supplied by the host.
/// </summary>
public sealed record Baseline
{
    /// <summary>The defaults used when there is no history: HRV 60 ms, resting HR 60 bpm, sleep 7.5 h, efficiency 85 %, stress 50.</summary>
    public static Baseline Default { get; } = new()
    {
        Hrv = 60,
        RestingHr = 60,
        SleepHours = 7.5,
        SleepEfficiency = 85,
        StressScore = 50,
        DaysUsed = 0,
    };

    /// <summary>Mean HRV in ms, over days measured with <see cref="HrvMethod"/>.</summary>
    public required double Hrv { get; init; }

    /// <summary>The HRV method the HRV baseline belongs to.</summary>
    public HrvMethod HrvMethod { get; init; } = HrvMethod.Rmssd;

    /// <summary>Mean resting heart rate in bpm.</summary>
    public required double RestingHr { get; init; }

    /// <summary>Mean sleep in hours.</summary>
    public required double SleepHours { get; init; }

    /// <summary>Mean sleep efficiency in percent.</summary>
    public required double SleepEfficiency { get; init; }

    /// <summary>Mean stress score.</summary>
    public required double StressScore { get; init; }

    /// <summary>How many days the means are over (0 when the defaults were used).</summary>
    public int DaysUsed { get; init; }
}

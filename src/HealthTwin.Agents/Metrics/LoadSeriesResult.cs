namespace HealthTwin.Agents.Metrics;

/// <summary>The raw (unrounded) result of <see cref="LoadSeries.Compute"/>; <see cref="SeriesDays"/> 0 means no load value in the window.</summary>
internal readonly record struct LoadSeriesResult
{
    /// <summary>The last calendar day the loads cover (a <see cref="DateOnly.DayNumber"/>): today, or yesterday when today has no load value yet.</summary>
    public int End { get; init; }

    /// <summary>Calendar days from the first day with a load value (within the window) to <see cref="End"/>.</summary>
    public int SeriesDays { get; init; }

    /// <summary>Days of the series with a load value.</summary>
    public int LoadDays { get; init; }

    /// <summary>Recorded days of the series without a load value that counted as rest days (0).</summary>
    public int RestDays { get; init; }

    /// <summary>Calendar days of the series whose load is unknown.</summary>
    public int UnknownDays { get; init; }

    /// <summary>Unknown days among the last 7 calendar days of the series.</summary>
    public int UnknownWeek { get; init; }

    /// <summary>Unknown days in the acute window (the last N_acute calendar days).</summary>
    public int UnknownAcute { get; init; }

    /// <summary>Unknown days in the chronic window (the last N_chronic calendar days).</summary>
    public int UnknownChronic { get; init; }

    /// <summary>Fitness at the end of <see cref="End"/>.</summary>
    public double Fitness { get; init; }

    /// <summary>Fatigue at the end of <see cref="End"/>.</summary>
    public double Fatigue { get; init; }

    /// <summary>Fitness at the end of yesterday (0 before the series).</summary>
    public double FitnessYesterday { get; init; }

    /// <summary>Fatigue at the end of yesterday (0 before the series).</summary>
    public double FatigueYesterday { get; init; }

    /// <summary>Fitness 7 days before <see cref="End"/> (0 before the series).</summary>
    public double FitnessWeekAgo { get; init; }

    /// <summary>The acute EWMA (weights renormalised over the known days).</summary>
    public double Acute { get; init; }

    /// <summary>The chronic EWMA (weights renormalised over the known days).</summary>
    public double Chronic { get; init; }

    /// <summary>Foster's monotony of the last 7 days, when all of them are known.</summary>
    public double? Monotony { get; init; }

    /// <summary>Foster's strain of the last 7 days.</summary>
    public double? Strain { get; init; }

    /// <summary>The total load of the last 7 days, when monotony is known.</summary>
    public double WeekLoad { get; init; }
}

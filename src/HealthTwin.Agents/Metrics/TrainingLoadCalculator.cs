using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// Computes <see cref="TrainingLoadSummary"/>: the performance management chart (Banister fitness and fatigue with
/// k = 1 − e^(−1/τ), form, ramp rate), the EWMA acute:chronic workload ratio (Williams 2017) and its spike flag, Foster's
/// monotony and strain. The HRV normal range is <see cref="HrvNormalRangeCalculator"/>'s (<see cref="AgentContext.HrvNormalRange"/>).
/// </summary>
/// <remarks>
/// <para>
/// The load markers run over calendar days within a bounded window (default 200 days), so their cost does not grow
/// with the history. A recorded day without a load value is a rest day by default; a calendar day with no record is
/// unknown and left out of the weighted means. Today without a load value is not over: the markers then describe the
/// end of yesterday. See <see cref="TrainingLoadRuleOptions"/> and <c>docs/science/training-load.md</c>.
/// </para>
/// </remarks>
public static class TrainingLoadCalculator
{
    /// <summary>The fitness markers are withheld when more than this many of the last 7 days of the series are unknown.</summary>
    internal const int MaxUnknownDaysPerWeek = 2;

    private static readonly TrainingLoadRuleOptions Defaults = new();

    /// <summary>Computes the markers with the default settings.</summary>
    /// <param name="history">The history sorted by date ascending with unique dates (as <see cref="AgentContext.AllMetrics"/> is), at least one day; the last day is today.</param>
    /// <returns>The markers.</returns>
    /// <exception cref="ArgumentException">The history is empty, or its dates are not strictly ascending.</exception>
    public static TrainingLoadSummary Compute(IReadOnlyList<DailyMetrics> history) => Compute(history, Defaults);

    /// <summary>Computes the markers.</summary>
    /// <param name="history">The history sorted by date ascending with unique dates (as <see cref="AgentContext.AllMetrics"/> is), at least one day; the last day is today.</param>
    /// <param name="options">The training load settings (for example <c>context.Rules.TrainingLoad</c>).</param>
    /// <returns>The markers.</returns>
    /// <exception cref="ArgumentException">The history is empty, its dates are not strictly ascending, or a setting is out of range.</exception>
    public static TrainingLoadSummary Compute(IReadOnlyList<DailyMetrics> history, TrainingLoadRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        if (history.Count == 0)
        {
            throw new InvalidArgumentException("The history must contain at least one day.", nameof(history));
        }

        ReadOnlySpan<DailyMetrics> days = SafeMath.AsSpan(history);
        for (int i = 0; i < days.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(days[i], nameof(history));
            if (i > 0 && days[i].Date <= days[i - 1].Date)
            {
                throw new InvalidArgumentException(
                    $"The history must be sorted by date with unique dates: {days[i].Date:yyyy-MM-dd} (index {i}) follows {days[i - 1].Date:yyyy-MM-dd}.",
                    nameof(history));
            }
        }

        return ComputeDays(days, options);
    }

    /// <summary>The same as <see cref="Compute(IReadOnlyList{DailyMetrics}, TrainingLoadRuleOptions)"/> over a non-empty, validated span of the history sorted by date ascending.</summary>
    internal static TrainingLoadSummary ComputeDays(ReadOnlySpan<DailyMetrics> history, TrainingLoadRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        LoadSeriesResult load = LoadSeries.Compute(history, options);
        bool series = load.SeriesDays > 0;
        bool fitnessKnown = series && load.UnknownWeek <= MaxUnknownDaysPerWeek;
        // Stryker disable once equality : equivalent, the chronic load is 0 only when every known load is 0; then so is the acute one, and 0 / 0 is dropped by Round and is no spike
        bool chronicLoad = load.Chronic > 0;
        double? ratio = series
            && load.SeriesDays >= options.ChronicWindowDays
            && load.UnknownAcute <= QuarterOf(options.AcuteWindowDays)
            && load.UnknownChronic <= QuarterOf(options.ChronicWindowDays)
            && chronicLoad
                ? load.Acute / load.Chronic
                : null;
        return new TrainingLoadSummary
        {
            AcuteLoad = series && load.UnknownAcute <= QuarterOf(options.AcuteWindowDays) ? Round(load.Acute) : null,
            ChronicLoad = series && load.UnknownChronic <= QuarterOf(options.ChronicWindowDays) ? Round(load.Chronic) : null,
            AcuteChronicRatio = Round(ratio),
            LoadSpike = ratio > options.SpikeRatioAbove,
            Fitness = fitnessKnown ? Round(load.Fitness) : null,
            Fatigue = fitnessKnown ? Round(load.Fatigue) : null,
            Form = fitnessKnown ? Round(load.FitnessYesterday - load.FatigueYesterday) : null,
            FormSettled = fitnessKnown && load.SeriesDays >= options.FitnessTimeConstantDays,
            RampRate = fitnessKnown ? Round(load.Fitness - load.FitnessWeekAgo) : null,
            LoadThrough = series ? DateOnly.FromDayNumber(load.End) : null,
            SeriesDays = load.SeriesDays,
            LoadDays = load.LoadDays,
            RestDays = load.RestDays,
            UnrecordedDays = load.UnknownDays,
            Monotony = Round(load.Monotony),
            HighMonotony = load.Monotony > options.HighMonotonyAbove,
            Strain = Round(load.Strain),
            UnrecordedLastWeek = load.UnknownWeek,
            UnrecordedAcuteWindow = load.UnknownAcute,
            UnrecordedChronicWindow = load.UnknownChronic,
        };
    }

    /// <summary>At most a quarter of a window's days may be unknown (rounded up: 2 of 7, 7 of 28).</summary>
    internal static int QuarterOf(int days) => (days + 3) / 4;

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Round(v) : null;
}

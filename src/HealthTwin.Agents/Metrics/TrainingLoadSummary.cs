namespace HealthTwin.Agents.Metrics;

/// <summary>Load and HRV markers from the sports-science literature, computed by <see cref="TrainingLoadCalculator"/>.</summary>
/// <remarks>
/// <para>
/// These are monitoring aids, not injury probabilities or a diagnosis: a load spike or a high monotony is a flag worth a
/// look, nothing more (see <c>docs/science/training-load.md</c> for each method, its source and its limits). Values are
/// rounded to three decimals; the flags compare the unrounded values. A marker that cannot be computed is
/// <see langword="null"/>.
/// </para>
/// <para>
/// The load markers run over calendar days and end on <see cref="LoadThrough"/>: today when today has a load value,
/// else yesterday (today is not over). A recorded day without a load value counts as a rest day by default
/// (<see cref="Rules.TrainingLoadRuleOptions.DayWithoutLoad"/>); a calendar day with no record is unknown: it is left
/// out of the weighted means rather than counted as 0.
/// </para>
/// </remarks>
public sealed record TrainingLoadSummary
{
    /// <summary>
    /// Acute load: the exponentially weighted mean of daily load with N = 7 by default (λ = 2 / (N + 1), Williams 2017), its weights
    /// renormalised over the known days. The numerator of <see cref="AcuteChronicRatio"/>. Unknown without a load value.
    /// </summary>
    public double? AcuteLoad { get; init; }

    /// <summary>Chronic load: the exponentially weighted mean with N = 28 by default, its weights renormalised over the known days.</summary>
    public double? ChronicLoad { get; init; }

    /// <summary>
    /// The EWMA acute:chronic workload ratio, from 28 calendar days of load history on, when at most a quarter of the
    /// days of each window (7 and 28) are unknown and the chronic load is above 0.
    /// </summary>
    public double? AcuteChronicRatio { get; init; }

    /// <summary>
    /// The spike flag: the ratio is above 1.5 (<see cref="Rules.TrainingLoadRuleOptions.SpikeRatioAbove"/>). This week's
    /// load is well above what the user is used to. A flag to look at, not an injury probability: the ratio's link with
    /// injury is disputed (Impellizzeri et al. 2020).
    /// </summary>
    public bool LoadSpike { get; init; }

    /// <summary>
    /// Fitness (chronic training load) at the end of <see cref="LoadThrough"/>: Banister's impulse response with
    /// τ = 42 days by default, k = 1 − e^(−1/τ), started at 0 the day before the first load value. Unknown when more than 2 of the
    /// last 7 days of the series are unknown.
    /// </summary>
    public double? Fitness { get; init; }

    /// <summary>Fatigue (acute training load) at the end of <see cref="LoadThrough"/>: the same with τ = 7 days by default.</summary>
    public double? Fatigue { get; init; }

    /// <summary>
    /// Form (training stress balance): yesterday's fitness − yesterday's fatigue, the freshness today starts with.
    /// Negative while a hard block is being absorbed; positive when rested. Today's load does not change it.
    /// </summary>
    public double? Form { get; init; }

    /// <summary>
    /// Whether the chart has run for at least one fitness time constant (42 calendar days by default). Fitness starts
    /// at 0, so before that form is strongly negative for anyone who trains (30 days at a constant load give form
    /// about −100 % of fitness): the rules that judge form wait until it is settled.
    /// </summary>
    public bool FormSettled { get; init; }

    /// <summary>Ramp rate: fitness at the end of <see cref="LoadThrough"/> − fitness 7 days earlier (load units per week; fitness before the series is 0).</summary>
    public double? RampRate { get; init; }

    /// <summary>The last day the load markers cover: today, or yesterday when today has no load value yet; null without a load value in the window.</summary>
    public DateOnly? LoadThrough { get; init; }

    /// <summary>Calendar days from the first load value within the window (default 200 days) to <see cref="LoadThrough"/>.</summary>
    public int SeriesDays { get; init; }

    /// <summary>How many days of the series have a load value (0: the load markers are unknown).</summary>
    public int LoadDays { get; init; }

    /// <summary>How many recorded days of the series without a load value counted as rest days (load 0).</summary>
    public int RestDays { get; init; }

    /// <summary>How many calendar days of the series have an unknown load (no record, or no load value when such days are not rest days).</summary>
    public int UnrecordedDays { get; init; }

    /// <summary>
    /// Foster's monotony of the 7 calendar days ending on <see cref="LoadThrough"/>: mean ÷ population SD of the daily
    /// loads, rest days as 0, capped at 10 (identical non-zero loads); 0 for a week without load. Needs all 7 days known.
    /// </summary>
    public double? Monotony { get; init; }

    /// <summary>Whether <see cref="Monotony"/> is above 2 (<see cref="Rules.TrainingLoadRuleOptions.HighMonotonyAbove"/>): training too uniform, too few easy days.</summary>
    public bool HighMonotony { get; init; }

    /// <summary>Foster's strain: the week's total load × monotony.</summary>
    public double? Strain { get; init; }

    /// <summary>Unknown days in the last 7 calendar days of the series (why the fitness markers or monotony may be missing).</summary>
    internal int UnrecordedLastWeek { get; init; }

    /// <summary>Unknown days in the acute window of the ratio.</summary>
    internal int UnrecordedAcuteWindow { get; init; }

    /// <summary>Unknown days in the chronic window of the ratio.</summary>
    internal int UnrecordedChronicWindow { get; init; }
}

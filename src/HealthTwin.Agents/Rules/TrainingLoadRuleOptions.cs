using System.Globalization;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>
/// Training load settings: the performance management chart (fitness, fatigue, form, ramp rate), the EWMA
/// acute:chronic workload ratio and its spike flag, Foster's monotony, the window the weighted means read, and how a
/// recorded day without a load value counts. Bound from <c>HealthTwin:Rules:TrainingLoad</c>. See
/// <c>docs/science/training-load.md</c> for the methods and their sources.
/// </summary>
public sealed class TrainingLoadRuleOptions
{
    private const string Prefix = "HealthTwin:Rules:TrainingLoad:";

    /// <summary>The time constant τ of fitness (chronic training load), in days: k = 1 − e^(−1/τ). Default 42 (Banister; as GoldenCheetah and intervals.icu); allowed 14–90.</summary>
    public int FitnessTimeConstantDays { get; set; } = 42;

    /// <summary>The time constant τ of fatigue (acute training load), in days. Default 7 (Banister); allowed 2–14.</summary>
    public int FatigueTimeConstantDays { get; set; } = 7;

    /// <summary>N of the acute exponentially weighted mean of the workload ratio, λ = 2 / (N + 1). Default 7 (Williams 2017); allowed 3–14.</summary>
    public int AcuteWindowDays { get; set; } = 7;

    /// <summary>N of the chronic exponentially weighted mean of the workload ratio. Default 28 (Williams 2017); allowed 14–56 and at least twice <see cref="AcuteWindowDays"/>. The ratio is given from this many days of load history on.</summary>
    public int ChronicWindowDays { get; set; } = 28;

    /// <summary>An acute:chronic ratio above this raises the spike flag (a conventional flag, not a validated injury threshold). Default 1.5; allowed 1.1–3.</summary>
    public double SpikeRatioAbove { get; set; } = 1.5;

    /// <summary>A weekly monotony above this is high. Default 2 (Foster 1998); allowed 1.2–5.</summary>
    public double HighMonotonyAbove { get; set; } = 2;

    /// <summary>
    /// The monotony of a week whose loads (almost) do not vary: mean ÷ SD is capped here, so identical non-zero loads
    /// are maximally monotonous rather than "no value". Default 10; allowed 2–100 and above <see cref="HighMonotonyAbove"/>.
    /// </summary>
    public double MonotonyCap { get; set; } = 10;

    /// <summary>
    /// How many calendar days back (today included) the weighted means read, so that cost does not grow with history.
    /// Default 200: a day older than that would weigh below 1e-6 in the 28-day mean and at most e^(−200/42) ≈ 0.86 % of
    /// its share in fitness. Allowed 60–1000 and at least 4 × <see cref="FitnessTimeConstantDays"/> and 7 × <see cref="ChronicWindowDays"/>.
    /// </summary>
    public int WindowDays { get; set; } = 200;

    /// <summary>How a recorded day without a load value counts. Default <see cref="DayWithoutLoadTreatment.RestDay"/>.</summary>
    public DayWithoutLoadTreatment DayWithoutLoad { get; set; } = DayWithoutLoadTreatment.RestDay;

    /// <summary>
    /// When the workload ratio cannot be computed (no load recorded), the injury-risk agent compares the mean workout
    /// minutes of the last 7 days with the 7 before and flags a rise above this percentage. Default 20 (the original
    /// app's rule of thumb, not a validated limit); allowed 5–200. The original app's preset always uses 20.
    /// </summary>
    public double WorkoutMinutesRiseAbovePercent { get; set; } = 20;

    /// <summary>Returns every setting that is out of range (empty when valid).</summary>
    /// <returns>The errors, each naming the configuration key (<c>HealthTwin:Rules:TrainingLoad:…</c>), the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        OptionChecks.Range(errors, Prefix + nameof(FitnessTimeConstantDays), FitnessTimeConstantDays, 14, 90, "days");
        OptionChecks.Range(errors, Prefix + nameof(FatigueTimeConstantDays), FatigueTimeConstantDays, 2, 14, "days");
        OptionChecks.Range(errors, Prefix + nameof(AcuteWindowDays), AcuteWindowDays, 3, 14, "days");
        OptionChecks.Range(errors, Prefix + nameof(ChronicWindowDays), ChronicWindowDays, MinimumChronicDays(), 56, "days");
        OptionChecks.Range(errors, Prefix + nameof(SpikeRatioAbove), SpikeRatioAbove, 1.1, 3);
        OptionChecks.Range(errors, Prefix + nameof(HighMonotonyAbove), HighMonotonyAbove, 1.2, 5);
        if (!double.IsFinite(MonotonyCap) || MonotonyCap < 2 || MonotonyCap > 100 || !(MonotonyCap > HighMonotonyAbove))
        {
            errors.Add(new(
                Prefix + nameof(MonotonyCap),
                MonotonyCap.ToString("R", CultureInfo.InvariantCulture),
                "2–100 and above HighMonotonyAbove"));
        }

        int minimumWindow = MinimumWindowDays();
        if (WindowDays < minimumWindow || WindowDays > 1000)
        {
            errors.Add(new(
                Prefix + nameof(WindowDays),
                WindowDays.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{minimumWindow}–1000 days (at least 60, 4 × FitnessTimeConstantDays and 7 × ChronicWindowDays)")));
        }

        if (!Enum.IsDefined(DayWithoutLoad))
        {
            errors.Add(new(Prefix + nameof(DayWithoutLoad), DayWithoutLoad.ToString(), "RestDay or Unknown"));
        }

        OptionChecks.Range(errors, Prefix + nameof(WorkoutMinutesRiseAbovePercent), WorkoutMinutesRiseAbovePercent, 5, 200, "%");
        return errors;
    }

    /// <summary>Copies the settings.</summary>
    /// <returns>An independent copy.</returns>
    public TrainingLoadRuleOptions Clone() => (TrainingLoadRuleOptions)MemberwiseClone();

    /// <summary>Throws when a setting is out of range (the calculators' guard for options that were never validated).</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message lists every error.</exception>
    internal void ThrowIfInvalid()
    {
        if (FitnessTimeConstantDays is >= 14 and <= 90
            && FatigueTimeConstantDays is >= 2 and <= 14
            && AcuteWindowDays is >= 3 and <= 14
            && ChronicWindowDays >= MinimumChronicDays() && ChronicWindowDays <= 56
            && SpikeRatioAbove is >= 1.1 and <= 3
            && HighMonotonyAbove is >= 1.2 and <= 5
            && MonotonyCap is >= 2 and <= 100 && MonotonyCap > HighMonotonyAbove
            && WindowDays >= MinimumWindowDays() && WindowDays <= 1000
            && DayWithoutLoad is DayWithoutLoadTreatment.RestDay or DayWithoutLoadTreatment.Unknown
            && WorkoutMinutesRiseAbovePercent is >= 5 and <= 200)
        {
            return;
        }

        throw new InvalidArgumentException(
            "The training load settings are invalid: " + string.Join(" ", Validate()),
            "options");
    }

    private int MinimumChronicDays() => Math.Max(14, 2 * Math.Clamp(AcuteWindowDays, 3, 14));

    private int MinimumWindowDays() =>
        Math.Max(60, Math.Max(4 * Math.Clamp(FitnessTimeConstantDays, 14, 90), 7 * Math.Clamp(ChronicWindowDays, 14, 56)));
}

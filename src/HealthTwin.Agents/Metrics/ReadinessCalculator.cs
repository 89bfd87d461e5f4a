using System.Globalization;
using System.Runtime.CompilerServices;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Metrics;

/// <summary>Computes the <see cref="ReadinessScore"/> of a day.</summary>
public static class ReadinessCalculator
{
    /// <summary>A sleep score below this costs 20 points ("poor sleep").</summary>
    internal const double PoorSleepScore = 70;

    /// <summary>A sleep score below this costs 10 points ("sleep could be better").</summary>
    internal const double FairSleepScore = 85;

    /// <summary>An HRV drop larger than this percentage (but within the alert threshold) costs 10 points.</summary>
    internal const double MildHrvDropPercent = 5;

    /// <summary>An HRV rise larger than this percentage is noted as good recovery.</summary>
    internal const double GoodRecoveryHrvRisePercent = 5;

    /// <summary>A resting HR rise larger than this percentage (but within the alert threshold) costs 10 points.</summary>
    internal const double MildRestingHrRisePercent = 5;

    /// <summary>A training load above this costs 15 points.</summary>
    internal const double HighTrainingLoad = 80;

    /// <summary>Mood or energy at or below this costs 15 points.</summary>
    internal const int LowMoodOrEnergy = 2;

    /// <summary>A stress score above this costs 10 points.</summary>
    internal const double HighStress = 75;

    /// <summary>
    /// Starts at 100 and subtracts points per rule: sleep score, recovery markers against the baseline, training load,
    /// mood/energy and stress. The result is clamped to 0–100. The preset of <paramref name="rules"/> (default:
    /// evidence-based) selects the recovery rules.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Evidence-based recovery rules: HRV today more than <see cref="BaselineRuleOptions.DeviationSd"/> (k, default 2)
    /// standard deviations below the previous days on the ln scale −10 (more than 1 SD above: "good recovery"); the
    /// rolling 7-day mean of ln HRV below the personal normal range (Plews et al.; <paramref name="hrvRange"/>) −15;
    /// resting HR more than k SD above the previous days −20; form below −30 % of fitness (from
    /// <paramref name="trainingLoad"/>) −10. HRV below its normal range therefore never leaves readiness at 100.
    /// </para>
    /// <para>
    /// Original app: sleep score (sleep / baseline sleep × efficiency) below 70 −20, below 85 −10; HRV more than the
    /// HRV-drop threshold below baseline −25, more than 5 % below −10, more than 5 % above "good recovery"; resting HR
    /// more than the rise threshold above −20, more than 5 % above −10.
    /// </para>
    /// Both: today's training load above 80 −15; mood or energy 2 or lower −15; stress above 75 −10.
    /// A rule whose input was not measured (or whose baseline is unknown) does not run and costs no points; the
    /// score's <see cref="ReadinessScore.Coverage"/> names what it was judged from. Without any recovery marker
    /// (sleep hours with efficiency, HRV, or resting HR) the score is <see langword="null"/>. The sleep rule needs
    /// sleep hours and efficiency (reported or derived from time in bed); without a sleep baseline it uses efficiency
    /// alone. HRV is compared only with values of the same HRV method. Mood/energy uses whichever of the two was
    /// reported. A training-readiness heuristic, not a diagnosis.
    /// </remarks>
    /// <param name="today">The day to score.</param>
    /// <param name="baseline">The personal baseline. Zero baseline values are treated as "no comparison possible".</param>
    /// <param name="hrvRange">The HRV normal range of the history ending today; without it the range rule is not judged.</param>
    /// <param name="trainingLoad">The training-load markers of the history ending today; without them the form rule is not judged.</param>
    /// <param name="thresholds">The alert thresholds (the original app's HRV drop and resting-HR rise); defaults when <see langword="null"/>.</param>
    /// <param name="rules">The rule set; the evidence-based defaults when <see langword="null"/>.</param>
    /// <param name="sleepNeedHours">The nightly sleep need for the sleep score (see <see cref="SleepScore"/>); <see langword="null"/>: the baseline sleep, as in the original app.</param>
    /// <returns>The score with one explanation per rule that fired.</returns>
    public static ReadinessScore Compute(
        DailyMetrics today,
        Baseline baseline,
        HrvNormalRange? hrvRange,
        TrainingLoadSummary? trainingLoad,
        AlertThresholds? thresholds,
        RuleOptions? rules,
        double? sleepNeedHours)
    {
        // Stryker disable once statement : equivalent, SleepScore (the first thing the rules run) throws the same ArgumentNullException for "today"
        ArgumentNullException.ThrowIfNull(today);
        // Stryker disable once statement : equivalent, SleepScore (the first thing the rules run) throws the same ArgumentNullException for "baseline"
        ArgumentNullException.ThrowIfNull(baseline);
        var explanations = new Explanations(today, baseline, hrvRange, trainingLoad, thresholds ?? DefaultThresholds, rules ?? DefaultRules, sleepNeedHours);
        return new ReadinessScore(explanations.Score, explanations) { Coverage = explanations.Coverage };
    }

    /// <summary>
    /// The same as the full overload without the HRV normal range and the training-load markers (so, in the
    /// evidence-based preset, without the range and form rules).
    /// </summary>
    /// <param name="today">The day to score.</param>
    /// <param name="baseline">The personal baseline.</param>
    /// <param name="thresholds">The alert thresholds; defaults when <see langword="null"/>.</param>
    /// <param name="rules">The rule set; the evidence-based defaults when <see langword="null"/>.</param>
    /// <returns>The score.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The common call (a day and a baseline) keeps its optional thresholds and rules; the overloads with more inputs take every argument explicitly, so no call is ambiguous.")]
    public static ReadinessScore Compute(DailyMetrics today, Baseline baseline, AlertThresholds? thresholds = null, RuleOptions? rules = null) =>
        Compute(today, baseline, null, null, thresholds, rules, null);

    /// <summary>
    /// Today's readiness (today is the last day of <paramref name="history"/>) with everything computed from the
    /// history: the baseline, the HRV normal range and the training-load markers.
    /// </summary>
    /// <param name="history">The history sorted by date ascending, at least one day.</param>
    /// <param name="profile">The profile (its sleep need or age band gives the sleep need of the evidence-based preset).</param>
    /// <param name="thresholds">The alert thresholds; defaults when <see langword="null"/>.</param>
    /// <param name="rules">The rule set; the evidence-based defaults when <see langword="null"/>.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentException">The history is empty.</exception>
    public static ReadinessScore Compute(IReadOnlyList<DailyMetrics> history, UserProfile profile, AlertThresholds? thresholds, RuleOptions? rules)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(profile);
        if (history.Count == 0)
        {
            throw new InvalidArgumentException("The history must contain at least one day (today).", nameof(history));
        }

        rules ??= DefaultRules;
        Baseline baseline = BaselineCalculator.Compute(history, rules);
        return rules.IsOriginalApp
            ? Compute(history[^1], baseline, null, null, thresholds, rules, null)
            : Compute(history[^1], baseline, HrvNormalRangeCalculator.Compute(history, rules), TrainingLoadCalculator.Compute(history, rules.TrainingLoad), thresholds, rules, SleepNeed.Resolve(profile, rules, baseline).Hours);
    }

    /// <summary>
    /// The sleep score. With a sleep need (the evidence-based preset: from the profile, the options or the age band,
    /// never the user's habit): min(sleep hours / need, 1) × efficiency, so a night that meets the need scores its
    /// efficiency and sleeping longer does not mask a poor efficiency. Without one (the original app):
    /// (sleep hours / baseline sleep hours) × (efficiency / 100) × 100, where an unknown or zero baseline counts as
    /// ratio 1 (efficiency alone).
    /// </summary>
    /// <param name="today">The day.</param>
    /// <param name="baseline">The baseline.</param>
    /// <param name="sleepNeedHours">The nightly sleep need in hours, or <see langword="null"/> for the original app's baseline ratio.</param>
    /// <returns>The score (0 or more, finite), or <see langword="null"/> when sleep hours or efficiency were not measured.</returns>
    public static double? SleepScore(DailyMetrics today, Baseline baseline, double? sleepNeedHours = null)
    {
        ArgumentNullException.ThrowIfNull(today);
        ArgumentNullException.ThrowIfNull(baseline);
        if (today.SleepHours is not { } hours || today.EffectiveSleepEfficiency is not { } efficiency)
        {
            return null;
        }

        double score = sleepNeedHours is { } need && need > 0 && double.IsFinite(need)
            ? Math.Min(hours / need, 1) * efficiency
            : baseline.SleepHours is { } reference && reference > 0 && double.IsFinite(reference) ? hours * efficiency / reference : efficiency;
        return SafeMath.Clean(score);
    }

    private static readonly CoverageTable Inputs = new(
        "readiness",
        HealthMetric.SleepHours,
        HealthMetric.SleepEfficiency,
        HealthMetric.Hrv,
        HealthMetric.RestingHr,
        HealthMetric.TrainingLoad,
        HealthMetric.StressScore,
        HealthMetric.MoodScore,
        HealthMetric.EnergyScore);

    internal static readonly AlertThresholds DefaultThresholds = new();

    internal static readonly RuleOptions DefaultRules = new();

    internal static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The rules of the specification, evaluated once: the score, and one explanation line per rule that fired,
    /// formatted only when read.
    /// </summary>
    private sealed class Explanations : DeferredTextList
    {
        private const int SleepPoor = 1, SleepFair = 2, SleepGood = 3;

        private readonly DailyMetrics _today;
        private readonly double _sleepScore;
        private readonly byte _sleep;
        private readonly OriginalRecovery _original;
        private readonly EvidenceRecovery _evidence;
        private readonly bool _load;
        private readonly bool _mood;
        private readonly bool _stress;
        private readonly int _count;

        public Explanations(DailyMetrics today, Baseline baseline, HrvNormalRange? range, TrainingLoadSummary? load, AlertThresholds thresholds, RuleOptions rules, double? sleepNeedHours)
        {
            _today = today;
            double score = 100;
            int notRecorded = 0, noBaseline = 0;

            if (SleepScore(today, baseline, sleepNeedHours) is { } sleepScore)
            {
                _sleepScore = sleepScore;
                if (sleepScore < PoorSleepScore)
                {
                    score -= 20;
                    _sleep = SleepPoor;
                }
                else if (sleepScore < FairSleepScore)
                {
                    score -= 10;
                    _sleep = SleepFair;
                }
                else
                {
                    _sleep = SleepGood;
                }
            }
            else
            {
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                notRecorded |= today.SleepHours.HasValue ? 0 : Inputs.Bit(HealthMetric.SleepHours);
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                notRecorded |= today.EffectiveSleepEfficiency.HasValue ? 0 : Inputs.Bit(HealthMetric.SleepEfficiency);
            }

            bool hrvJudged, heartJudged;
            if (rules.IsOriginalApp)
            {
                _original = new OriginalRecovery(today, baseline, thresholds);
                score -= _original.Points;
                hrvJudged = _original.HrvJudged;
                heartJudged = _original.HeartJudged;
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                notRecorded |= (_original.HrvNotRecorded ? Inputs.Bit(HealthMetric.Hrv) : 0) | (_original.HeartNotRecorded ? Inputs.Bit(HealthMetric.RestingHr) : 0);
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                noBaseline |= (_original.HrvNoBaseline ? Inputs.Bit(HealthMetric.Hrv) : 0) | (_original.HeartNoBaseline ? Inputs.Bit(HealthMetric.RestingHr) : 0);
            }
            else
            {
                _evidence = new EvidenceRecovery(today, baseline, range, load, rules.Baselines);
                score -= _evidence.Points;
                hrvJudged = _evidence.HrvJudged;
                heartJudged = _evidence.HeartJudged;
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                notRecorded |= _evidence.HrvNotRecorded ? Inputs.Bit(HealthMetric.Hrv) : 0;
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                noBaseline |= _evidence.HrvNoBaseline ? Inputs.Bit(HealthMetric.Hrv) : 0;
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                notRecorded |= today.RestingHr.HasValue ? 0 : Inputs.Bit(HealthMetric.RestingHr);
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                noBaseline |= today.RestingHr.HasValue && !heartJudged ? Inputs.Bit(HealthMetric.RestingHr) : 0;
            }

            if (today.TrainingLoad is { } todayLoad)
            {
                _load = todayLoad > HighTrainingLoad;
                score -= _load ? 15 : 0;
            }
            else
            {
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                notRecorded |= Inputs.Bit(HealthMetric.TrainingLoad);
            }

            // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
            notRecorded |= today.MoodScore.HasValue ? 0 : Inputs.Bit(HealthMetric.MoodScore);
            // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
            notRecorded |= today.EnergyScore.HasValue ? 0 : Inputs.Bit(HealthMetric.EnergyScore);
            _mood = today.MoodScore <= LowMoodOrEnergy || today.EnergyScore <= LowMoodOrEnergy;
            score -= _mood ? 15 : 0;

            if (today.StressScore is { } stress)
            {
                _stress = stress > HighStress;
                score -= _stress ? 10 : 0;
            }
            else
            {
                // Stryker disable once assignment : equivalent, no input bit is set twice, so ^= sets it like |=
                notRecorded |= Inputs.Bit(HealthMetric.StressScore);
            }

            bool recoveryJudged = _sleep != 0 || hrvJudged || heartJudged;
            // Sleep hours without efficiency (or the reverse) cannot be used; without any recovery marker nothing is.
            int unused = !recoveryJudged ? Inputs.All : _sleep == 0 ? Inputs.Bit(HealthMetric.SleepHours) | Inputs.Bit(HealthMetric.SleepEfficiency) : 0;
            Coverage = Inputs.Get(notRecorded, noBaseline, unused);
            Score = recoveryJudged ? SafeMath.ClampPercent(score) : null;
            _count = recoveryJudged
                ? (_sleep != 0 ? 1 : 0) + _original.Count + _evidence.Count + (_load ? 1 : 0) + (_mood ? 1 : 0) + (_stress ? 1 : 0)
                : 0;
        }

        public int? Score { get; }

        public ScoreCoverage Coverage { get; }

        public override int Count => _count;

        public override void Append(ref InvariantText text, int index)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            int line = -1;
            if (_sleep != 0 && ++line == index)
            {
                switch (_sleep)
                {
                    case SleepPoor:
                        text.AppendLiteral("Poor sleep: sleep score ");
                        text.AppendFormatted(_sleepScore, "0.#");
                        text.AppendLiteral(" (−20)");
                        break;
                    case SleepFair:
                        text.AppendLiteral("Sleep could be better: sleep score ");
                        text.AppendFormatted(_sleepScore, "0.#");
                        text.AppendLiteral(" (−10)");
                        break;
                    default:
                        text.AppendLiteral("Good sleep: sleep score ");
                        text.AppendFormatted(_sleepScore, "0.#");
                        break;
                }
            }
            else if (index - line <= _original.Count)
            {
                _original.Append(ref text, index - line - 1);
            }
            // Stryker disable once arithmetic : equivalent, one preset per score: evidence-based, _original.Count is 0; original, _evidence.Count is 0 and index − line > _original.Count makes both sides positive
            else if (index - line - _original.Count <= _evidence.Count)
            {
                // Stryker disable once arithmetic : equivalent, reached only under the evidence-based preset, where _original.Count is 0
                _evidence.Append(ref text, index - line - _original.Count - 1);
            }
            else
            {
                AppendTodayRules(ref text, index, line + _original.Count + _evidence.Count);
            }
        }

        /// <summary>The lines of today's load, mood/energy and stress rules; <paramref name="line"/> is the last line written before them.</summary>
        private void AppendTodayRules(ref InvariantText text, int index, int line)
        {
            if (_load && ++line == index)
            {
                text.AppendLiteral("High training load ");
                text.AppendFormatted(_today.TrainingLoad.GetValueOrDefault(), "0.#");
                text.AppendLiteral(" (−15)");
            }
            else if (_mood && ++line == index)
            {
                AppendMood(ref text);
            }
            else
            {
                text.AppendLiteral("High stress ");
                text.AppendFormatted(_today.StressScore.GetValueOrDefault(), "0.#");
                text.AppendLiteral(" (−10)");
            }
        }

        private void AppendMood(ref InvariantText text)
        {
            if (_today.MoodScore is { } mood && _today.EnergyScore is { } energy)
            {
                text.AppendLiteral("Low mood or energy (");
                text.AppendFormatted(mood);
                text.AppendLiteral("/5, ");
                text.AppendFormatted(energy);
                text.AppendLiteral("/5) (−15)");
            }
            else
            {
                text.AppendLiteral(_today.MoodScore.HasValue ? "Low mood (" : "Low energy (");
                text.AppendFormatted(_today.MoodScore ?? _today.EnergyScore ?? 0);
                text.AppendLiteral("/5) (−15)");
            }
        }
    }
}

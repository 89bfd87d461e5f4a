using System.Globalization;
using System.Runtime.CompilerServices;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>Computes the <see cref="ReadinessScore"/> of a day.</summary>
public static class ReadinessCalculator
{
    /// <summary>A sleep score below this costs 20 points ("poor sleep").</summary>
    public const double PoorSleepScore = 70;

    /// <summary>A sleep score below this costs 10 points ("sleep could be better").</summary>
    public const double FairSleepScore = 85;

    /// <summary>An HRV drop larger than this percentage (but within the alert threshold) costs 10 points.</summary>
    public const double MildHrvDropPercent = 5;

    /// <summary>An HRV rise larger than this percentage is noted as good recovery.</summary>
    public const double GoodRecoveryHrvRisePercent = 5;

    /// <summary>A resting HR rise larger than this percentage (but within the alert threshold) costs 10 points.</summary>
    public const double MildRestingHrRisePercent = 5;

    /// <summary>A training load above this costs 15 points.</summary>
    public const double HighTrainingLoad = 80;

    /// <summary>Mood or energy at or below this costs 15 points.</summary>
    public const int LowMoodOrEnergy = 2;

    /// <summary>A stress score above this costs 10 points.</summary>
    public const double HighStress = 75;

    /// <summary>
    /// Starts at 100 and subtracts points per rule of the specification: sleep score
    /// (sleep / baseline sleep × efficiency), HRV and resting-HR change against the baseline (using the alert
    /// thresholds), training load, mood/energy and stress. The result is clamped to 0–100.
    /// </summary>
    /// <remarks>
    /// A rule whose input was not measured (or whose baseline is unknown) does not run and costs no points; the
    /// score's <see cref="ReadinessScore.Coverage"/> names what it was judged from. Without any recovery marker
    /// (sleep hours with efficiency, HRV, or resting HR) the score is <see langword="null"/>. The sleep rule needs
    /// sleep hours and efficiency (reported or derived from time in bed); without a sleep baseline it uses efficiency
    /// alone. The HRV rule compares only values of the same HRV method. Mood/energy uses whichever of the two was
    /// reported. This is a training-readiness heuristic from the original app, not a diagnosis.
    /// </remarks>
    /// <param name="today">The day to score.</param>
    /// <param name="baseline">The personal baseline. Zero baseline values are treated as "no comparison possible".</param>
    /// <param name="thresholds">The alert thresholds (HRV drop and resting-HR rise); defaults when <see langword="null"/>.</param>
    /// <param name="sleepNeedHours">The nightly sleep need for the sleep score (see <see cref="SleepScore"/>); <see langword="null"/>: the baseline sleep, as in the original app.</param>
    /// <returns>The score with one explanation per rule that fired.</returns>
    public static ReadinessScore Compute(DailyMetrics today, Baseline baseline, AlertThresholds? thresholds = null, double? sleepNeedHours = null)
    {
        ArgumentNullException.ThrowIfNull(today);
        ArgumentNullException.ThrowIfNull(baseline);
        var explanations = new Explanations(today, baseline, thresholds ?? DefaultThresholds, sleepNeedHours);
        return new ReadinessScore(explanations.Score, explanations) { Coverage = explanations.Coverage };
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

    internal static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The rules of the specification, evaluated once: the score, and one explanation line per rule that fired,
    /// formatted only when read.
    /// </summary>
    private sealed class Explanations : DeferredTextList
    {
        private const int SleepPoor = 1, SleepFair = 2, SleepGood = 3;
        private const int HrvNone = 0, HrvDropAlert = 1, HrvDropMild = 2, HrvGood = 3;
        private const int HeartNone = 0, HeartAlert = 1, HeartMild = 2;

        private readonly DailyMetrics _today;
        private readonly double _sleepScore;
        private readonly double _hrvDelta;
        private readonly double _heartDelta;
        private readonly byte _sleep;
        private readonly byte _hrv;
        private readonly byte _heart;
        private readonly bool _load;
        private readonly bool _mood;
        private readonly bool _stress;
        private readonly int _count;

        public Explanations(DailyMetrics today, Baseline baseline, AlertThresholds thresholds, double? sleepNeedHours)
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
                notRecorded |= today.SleepHours.HasValue ? 0 : Inputs.Bit(HealthMetric.SleepHours);
                notRecorded |= today.EffectiveSleepEfficiency.HasValue ? 0 : Inputs.Bit(HealthMetric.SleepEfficiency);
            }

            bool hrvJudged = false;
            if (today.Hrv is null)
            {
                notRecorded |= Inputs.Bit(HealthMetric.Hrv);
            }
            else if (today.HrvMethod != baseline.HrvMethod || SafeMath.PercentChange(today.Hrv, baseline.Hrv) is not { } hrvDelta)
            {
                noBaseline |= Inputs.Bit(HealthMetric.Hrv);
            }
            else
            {
                hrvJudged = true;
                _hrvDelta = hrvDelta;
                if (hrvDelta < -thresholds.HrvDropPercent)
                {
                    score -= 25;
                    _hrv = HrvDropAlert;
                }
                else if (hrvDelta < -MildHrvDropPercent)
                {
                    score -= 10;
                    _hrv = HrvDropMild;
                }
                else if (hrvDelta > GoodRecoveryHrvRisePercent)
                {
                    _hrv = HrvGood;
                }
            }

            bool heartJudged = false;
            if (today.RestingHr is null)
            {
                notRecorded |= Inputs.Bit(HealthMetric.RestingHr);
            }
            else if (SafeMath.PercentChange(today.RestingHr, baseline.RestingHr) is not { } heartDelta)
            {
                noBaseline |= Inputs.Bit(HealthMetric.RestingHr);
            }
            else
            {
                heartJudged = true;
                _heartDelta = heartDelta;
                if (heartDelta > thresholds.RestingHrIncreasePercent)
                {
                    score -= 20;
                    _heart = HeartAlert;
                }
                else if (heartDelta > MildRestingHrRisePercent)
                {
                    score -= 10;
                    _heart = HeartMild;
                }
            }

            if (today.TrainingLoad is { } load)
            {
                _load = load > HighTrainingLoad;
                score -= _load ? 15 : 0;
            }
            else
            {
                notRecorded |= Inputs.Bit(HealthMetric.TrainingLoad);
            }

            notRecorded |= today.MoodScore.HasValue ? 0 : Inputs.Bit(HealthMetric.MoodScore);
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
                notRecorded |= Inputs.Bit(HealthMetric.StressScore);
            }

            bool recoveryJudged = _sleep != 0 || hrvJudged || heartJudged;
            // Sleep hours without efficiency (or the reverse) cannot be used; without any recovery marker nothing is.
            int unused = !recoveryJudged ? Inputs.All : _sleep == 0 ? Inputs.Bit(HealthMetric.SleepHours) | Inputs.Bit(HealthMetric.SleepEfficiency) : 0;
            Coverage = Inputs.Get(notRecorded, noBaseline, unused);
            Score = recoveryJudged ? SafeMath.ClampPercent(score) : null;
            _count = recoveryJudged
                ? (_sleep != 0 ? 1 : 0) + (_hrv != HrvNone ? 1 : 0) + (_heart != HeartNone ? 1 : 0) + (_load ? 1 : 0) + (_mood ? 1 : 0) + (_stress ? 1 : 0)
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
            else if (_hrv != HrvNone && ++line == index)
            {
                if (_hrv == HrvGood)
                {
                    text.AppendLiteral("Good recovery: HRV ");
                    text.AppendFormatted(_hrvDelta, "0.#");
                    text.AppendLiteral(" % above baseline");
                }
                else
                {
                    text.AppendLiteral("HRV ");
                    text.AppendFormatted(-_hrvDelta, "0.#");
                    text.AppendLiteral(_hrv == HrvDropAlert ? " % below baseline (−25)" : " % below baseline (−10)");
                }
            }
            else if (_heart != HeartNone && ++line == index)
            {
                text.AppendLiteral("Resting HR ");
                text.AppendFormatted(_heartDelta, "0.#");
                text.AppendLiteral(_heart == HeartAlert ? " % above baseline (−20)" : " % above baseline (−10)");
            }
            else if (_load && ++line == index)
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

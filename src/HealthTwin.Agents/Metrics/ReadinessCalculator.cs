using System.Globalization;
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
    /// <param name="today">The day to score.</param>
    /// <param name="baseline">The personal baseline. Zero baseline values are treated as "no comparison possible".</param>
    /// <param name="thresholds">The alert thresholds (HRV drop and resting-HR rise); defaults when <see langword="null"/>.</param>
    /// <returns>The score with one explanation per rule that fired.</returns>
    public static ReadinessScore Compute(DailyMetrics today, Baseline baseline, AlertThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(today);
        ArgumentNullException.ThrowIfNull(baseline);
        thresholds ??= DefaultThresholds;
        var explanations = new List<string>(6);
        double score = 100;

        double sleepScore = SleepScore(today, baseline);
        if (sleepScore < PoorSleepScore)
        {
            score -= 20;
            explanations.Add(Format($"Poor sleep: sleep score {sleepScore:0} (−20)"));
        }
        else if (sleepScore < FairSleepScore)
        {
            score -= 10;
            explanations.Add(Format($"Sleep could be better: sleep score {sleepScore:0} (−10)"));
        }
        else
        {
            explanations.Add(Format($"Good sleep: sleep score {sleepScore:0}"));
        }

        double hrvDelta = SafeMath.PercentChange(today.Hrv, baseline.Hrv);
        if (hrvDelta < -thresholds.HrvDropPercent)
        {
            score -= 25;
            explanations.Add(Format($"HRV {-hrvDelta:0} % below baseline (−25)"));
        }
        else if (hrvDelta < -MildHrvDropPercent)
        {
            score -= 10;
            explanations.Add(Format($"HRV {-hrvDelta:0} % below baseline (−10)"));
        }
        else if (hrvDelta > GoodRecoveryHrvRisePercent)
        {
            explanations.Add(Format($"Good recovery: HRV {hrvDelta:0} % above baseline"));
        }

        double hrDelta = SafeMath.PercentChange(today.RestingHr, baseline.RestingHr);
        if (hrDelta > thresholds.RestingHrIncreasePercent)
        {
            score -= 20;
            explanations.Add(Format($"Resting HR {hrDelta:0} % above baseline (−20)"));
        }
        else if (hrDelta > MildRestingHrRisePercent)
        {
            score -= 10;
            explanations.Add(Format($"Resting HR {hrDelta:0} % above baseline (−10)"));
        }

        if (today.TrainingLoad > HighTrainingLoad)
        {
            score -= 15;
            explanations.Add(Format($"High training load {today.TrainingLoad:0} (−15)"));
        }

        if (today.MoodScore <= LowMoodOrEnergy || today.EnergyScore <= LowMoodOrEnergy)
        {
            score -= 15;
            explanations.Add(Format($"Low mood or energy ({today.MoodScore}/5, {today.EnergyScore}/5) (−15)"));
        }

        if (today.StressScore > HighStress)
        {
            score -= 10;
            explanations.Add(Format($"High stress {today.StressScore:0} (−10)"));
        }

        return new ReadinessScore(SafeMath.ClampPercent(score), explanations);
    }

    /// <summary>The sleep score: (sleep hours / baseline sleep hours) × (efficiency / 100) × 100. A zero baseline counts as ratio 1.</summary>
    /// <param name="today">The day.</param>
    /// <param name="baseline">The baseline.</param>
    /// <returns>The score (0 or more, finite).</returns>
    public static double SleepScore(DailyMetrics today, Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(today);
        ArgumentNullException.ThrowIfNull(baseline);
        double hours = baseline.SleepHours > 0 && double.IsFinite(baseline.SleepHours) ? today.SleepHours * today.SleepEfficiency / baseline.SleepHours : today.SleepEfficiency;
        return SafeMath.Clean(hours);
    }

    internal static readonly AlertThresholds DefaultThresholds = new();

    internal static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

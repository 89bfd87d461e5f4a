using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// The recovery rules of the original app's readiness: HRV and resting HR as a percent change against the baseline
/// (which includes today). Evaluated once; the explanation lines are written only when read.
/// </summary>
/// <remarks>
/// HRV more than the HRV-drop threshold (default 15 %) below baseline −25, more than 5 % below −10, more than 5 % above
/// "good recovery"; resting HR more than the rise threshold (default 10 %) above −20, more than 5 % above −10.
/// </remarks>
internal readonly struct OriginalRecovery
{
    private const byte HrvNone = 0, HrvDropAlert = 1, HrvDropMild = 2, HrvGood = 3;
    private const byte HeartNone = 0, HeartAlert = 1, HeartMild = 2;

    private readonly double _hrvDelta;
    private readonly double _heartDelta;
    private readonly byte _hrv;
    private readonly byte _heart;

    public OriginalRecovery(DailyMetrics today, Baseline baseline, AlertThresholds thresholds)
    {
        int points = 0;
        if (today.Hrv is null)
        {
            HrvNotRecorded = true;
        }
        else if (today.HrvMethod != baseline.HrvMethod || SafeMath.PercentChange(today.Hrv, baseline.Hrv) is not { } hrvDelta)
        {
            HrvNoBaseline = true;
        }
        else
        {
            HrvJudged = true;
            _hrvDelta = hrvDelta;
            if (hrvDelta < -thresholds.HrvDropPercent)
            {
                points += 25;
                _hrv = HrvDropAlert;
            }
            else if (hrvDelta < -ReadinessCalculator.MildHrvDropPercent)
            {
                points += 10;
                _hrv = HrvDropMild;
            }
            else if (hrvDelta > ReadinessCalculator.GoodRecoveryHrvRisePercent)
            {
                _hrv = HrvGood;
            }
        }

        if (today.RestingHr is null)
        {
            HeartNotRecorded = true;
        }
        else if (SafeMath.PercentChange(today.RestingHr, baseline.RestingHr) is not { } heartDelta)
        {
            HeartNoBaseline = true;
        }
        else
        {
            HeartJudged = true;
            _heartDelta = heartDelta;
            if (heartDelta > thresholds.RestingHrIncreasePercent)
            {
                points += 20;
                _heart = HeartAlert;
            }
            else if (heartDelta > ReadinessCalculator.MildRestingHrRisePercent)
            {
                points += 10;
                _heart = HeartMild;
            }
        }

        Points = points;
        Count = (_hrv != HrvNone ? 1 : 0) + (_heart != HeartNone ? 1 : 0);
    }

    /// <summary>The points to subtract.</summary>
    public int Points { get; }

    /// <summary>How many explanation lines the rules wrote.</summary>
    public int Count { get; }

    /// <summary>Whether HRV was compared with the baseline.</summary>
    public bool HrvJudged { get; }

    /// <summary>Whether HRV was recorded today but has no comparable baseline.</summary>
    public bool HrvNoBaseline { get; }

    /// <summary>Whether HRV was not recorded today.</summary>
    public bool HrvNotRecorded { get; }

    /// <summary>Whether resting HR was compared with the baseline.</summary>
    public bool HeartJudged { get; }

    /// <summary>Whether resting HR was recorded today but has no baseline.</summary>
    public bool HeartNoBaseline { get; }

    /// <summary>Whether resting HR was not recorded today.</summary>
    public bool HeartNotRecorded { get; }

    /// <summary>Writes line <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>): HRV, then resting HR.</summary>
    public void Append(ref InvariantText text, int index)
    {
        if (_hrv != HrvNone && index == 0)
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
        else
        {
            text.AppendLiteral("Resting HR ");
            text.AppendFormatted(_heartDelta, "0.#");
            text.AppendLiteral(_heart == HeartAlert ? " % above baseline (−20)" : " % above baseline (−10)");
        }
    }
}

using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// The recovery rules of the evidence-based readiness: today's HRV and resting HR against the previous days in standard
/// deviations, the rolling HRV mean against the normal range (Plews), and form from the training load. Evaluated once;
/// the explanation lines are written only when read.
/// </summary>
/// <remarks>
/// Points: HRV today more than k SD below the usual on the ln scale −10; the 7-day HRV mean below the normal range −15
/// (together −25, the weight of HRV in the original rules); resting HR more than k SD above the usual −20; form below
/// −30 % of fitness −10. k is <see cref="BaselineRuleOptions.DeviationSd"/> (default 2).
/// </remarks>
internal readonly struct EvidenceRecovery
{
    /// <summary>Points for today's HRV more than k SD below the usual.</summary>
    public const int HrvDropPoints = 10;

    /// <summary>Points for the rolling HRV mean below the normal range.</summary>
    public const int HrvBelowRangePoints = 15;

    /// <summary>Points for today's resting HR more than k SD above the usual.</summary>
    public const int RestingHrPoints = 20;

    /// <summary>Points for form below <see cref="LowFormPercent"/> of fitness.</summary>
    public const int LowFormPoints = 10;

    /// <summary>HRV today more than this many SD above the usual is noted as good recovery (no points).</summary>
    public const double GoodRecoverySd = 1;

    /// <summary>Form below this percentage of fitness costs points (the "high risk" zone of form as a share of fitness).</summary>
    public const double LowFormPercent = -30;

    /// <summary>The least fitness (0–100 load scale) for form relative to it to mean anything.</summary>
    public const double MinimumFitnessForForm = 10;

    private const byte HrvNone = 0, HrvDrop = 1, HrvGood = 2;

    private readonly HrvNormalRange? _range;
    private readonly double _hrvZ;
    private readonly double _heartZ;
    private readonly double _formPercent;
    private readonly byte _hrvDay;
    private readonly bool _hrvBelowRange;
    private readonly bool _heartHigh;
    private readonly bool _lowForm;

    public EvidenceRecovery(DailyMetrics today, Baseline baseline, HrvNormalRange? range, TrainingLoadSummary? load, BaselineRuleOptions options)
    {
        double k = options.DeviationSd;
        int points = 0;
        bool hrvJudged = false;
        if (DailyDeviation.HrvZ(today, baseline) is { } hz)
        {
            hrvJudged = true;
            _hrvZ = hz;
            if (hz < -k)
            {
                _hrvDay = HrvDrop;
                points += HrvDropPoints;
            }
            else if (hz > GoodRecoverySd)
            {
                _hrvDay = HrvGood;
            }
        }

        if (range is { Status: not HrvNormalRangeStatus.Unknown })
        {
            hrvJudged = true;
            if (range.Status == HrvNormalRangeStatus.Below)
            {
                _hrvBelowRange = true;
                _range = range;
                points += HrvBelowRangePoints;
            }
        }

        HrvJudged = hrvJudged;
        HrvNoBaseline = !hrvJudged && today.Hrv.HasValue;
        HrvNotRecorded = !hrvJudged && !today.Hrv.HasValue;

        if (DailyDeviation.RestingHrZ(today, baseline) is { } rz)
        {
            HeartJudged = true;
            _heartZ = rz;
            if (rz > k)
            {
                _heartHigh = true;
                points += RestingHrPoints;
            }
        }

        if (load is { FormSettled: true, Form: { } form, Fitness: { } fitness } && fitness >= MinimumFitnessForForm && load.LoadDays >= options.CalibrationDays)
        {
            _formPercent = SafeMath.Clean(form * 100 / fitness);
            if (_formPercent < LowFormPercent)
            {
                _lowForm = true;
                points += LowFormPoints;
            }
        }

        Points = points;
        Count = (_hrvDay != HrvNone ? 1 : 0) + (_hrvBelowRange ? 1 : 0) + (_heartHigh ? 1 : 0) + (_lowForm ? 1 : 0);
    }

    /// <summary>The points to subtract.</summary>
    public int Points { get; }

    /// <summary>How many explanation lines the rules wrote.</summary>
    public int Count { get; }

    /// <summary>Whether HRV was judged (today against the usual, or the rolling mean against the normal range).</summary>
    public bool HrvJudged { get; }

    /// <summary>Whether HRV was recorded today but neither comparison was possible yet.</summary>
    public bool HrvNoBaseline { get; }

    /// <summary>Whether HRV was not recorded today and the rolling mean could not be judged either.</summary>
    public bool HrvNotRecorded { get; }

    /// <summary>Whether resting HR was compared with the usual.</summary>
    public bool HeartJudged { get; }

    /// <summary>Writes line <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>): HRV today, HRV range, resting HR, form.</summary>
    public void Append(ref InvariantText text, int index)
    {
        int line = -1;
        if (_hrvDay != HrvNone && ++line == index)
        {
            if (_hrvDay == HrvGood)
            {
                text.AppendLiteral("Good recovery: HRV ");
                text.AppendFormatted(_hrvZ, "0.#");
                text.AppendLiteral(" SD above your usual");
            }
            else
            {
                text.AppendLiteral("HRV ");
                text.AppendFormatted(-_hrvZ, "0.#");
                text.AppendLiteral(" SD below your usual on the log scale (−10)");
            }
        }
        else if (_hrvBelowRange && ++line == index)
        {
            _range!.AppendBelow(ref text);
            text.AppendLiteral(" (−15)");
        }
        else if (_heartHigh && ++line == index)
        {
            text.AppendLiteral("Resting HR ");
            text.AppendFormatted(_heartZ, "0.#");
            text.AppendLiteral(" SD above your usual (−20)");
        }
        else
        {
            text.AppendLiteral("Form ");
            text.AppendFormatted(_formPercent, "0");
            text.AppendLiteral(" % of fitness: recent load well above what you are used to (−10)");
        }
    }
}

using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// The burnout (overreaching) markers of the evidence-based preset, evaluated once: level, points, and one reason line
/// per marker, formatted only when read. See <see cref="BurnoutRiskCalculator.Compute"/>.
/// </summary>
internal sealed class EvidenceBurnoutReasons : DeferredTextList
{
    /// <summary>Points for the rolling HRV mean below the normal range.</summary>
    public const int HrvPoints = 30;

    /// <summary>Points for the 3-day resting HR more than k standard errors above the usual.</summary>
    public const int RestingHrPoints = 25;

    /// <summary>Points for the 7-day sleep efficiency more than 10 % below the usual.</summary>
    public const int EfficiencyPoints = 20;

    /// <summary>Points for low self-reported mood or energy over the week, on its own.</summary>
    public const int SelfReportPoints = 25;

    /// <summary>Points for a high device stress score over the week, on its own.</summary>
    public const int StressPoints = 15;

    /// <summary>
    /// A weekly mean of mood or energy below this (on 1–5, where 2 is "low" and 3 "neutral") is low: closer to low than
    /// to neutral, so a week of neutral answers with one bad day does not count.
    /// </summary>
    public const double LowSelfReport = 2.5;

    /// <summary>The fewest days with a value a weekly mean needs (as the HRV rolling mean, after Plews et al. 2014).</summary>
    public const int MinimumWeekDays = 3;

    /// <summary>The calendar days of the resting-HR window, today included.</summary>
    public const int RestingHrDays = 3;

    /// <summary>The calendar days of the weekly windows, today included.</summary>
    public const int WeekDays = 7;

    private const int HrvBit = 1, HeartBit = 2, EfficiencyBit = 4, SelfReportBit = 8, StressBit = 16;

    private readonly Baseline _baseline;
    private readonly HrvNormalRange? _range;
    private readonly double _maxStress;
    private readonly double _rhr3;
    private readonly double _rhrSe;
    private readonly double _eff7;
    private readonly double _stress7;
    private readonly double? _mood7;
    private readonly double? _energy7;
    private readonly int _mask;
    private readonly int _count;

    public EvidenceBurnoutReasons(ReadOnlySpan<DailyMetrics> history, Baseline baseline, AlertThresholds thresholds, RuleOptions rules, HrvNormalRange range)
    {
        _baseline = baseline;
        _maxStress = thresholds.MaxStressScore;
        CoverageTable inputs = BurnoutRiskCalculator.Inputs;
        int points = 0, notRecorded = 0, noBaseline = 0, judged = 0;
        DateOnly today = history[^1].Date;
        ReadOnlySpan<DailyMetrics> week = Window(history, today, WeekDays);
        ReadOnlySpan<DailyMetrics> last3 = Window(history, today, RestingHrDays);

        // HRV: the rolling mean of ln HRV against the personal normal range (Plews et al. 2012, 2013).
        if (range.Status != HrvNormalRangeStatus.Unknown)
        {
            judged++;
            if (range.Status == HrvNormalRangeStatus.Below)
            {
                points += HrvPoints;
                // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
                _mask |= HrvBit;
                _range = range;
            }
        }
        else
        {
            // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
            (range.RollingDays == 0 ? ref notRecorded : ref noBaseline) |= inputs.Bit(HealthMetric.Hrv);
        }

        // Resting HR: the mean of the last 3 days against the usual, in standard errors of a mean of that many days.
        double? rhr3 = SafeMath.Mean(last3, static d => d.RestingHr, out int rhrDays);
        if (rhr3 is not { } r)
        {
            // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
            notRecorded |= inputs.Bit(HealthMetric.RestingHr);
        }
        else if (baseline.RestingHr is not { } usual || DailyDeviation.RestingHrSd(baseline) is not { } sd)
        {
            // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
            noBaseline |= inputs.Bit(HealthMetric.RestingHr);
        }
        else
        {
            judged++;
            double se = sd / Math.Sqrt(rhrDays);
            if (SafeMath.Clean((r - usual) / se) > rules.Baselines.DeviationSd)
            {
                points += RestingHrPoints;
                // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
                _mask |= HeartBit;
                _rhr3 = r;
                _rhrSe = SafeMath.Clean((r - usual) / se);
            }
        }

        // Sleep efficiency: the weekly mean more than 10 % below the usual.
        double? eff7 = SafeMath.Mean(week, static d => d.EffectiveSleepEfficiency, out int effDays);
        if (eff7 is not { } e || effDays < MinimumWeekDays)
        {
            // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
            (effDays == 0 ? ref notRecorded : ref noBaseline) |= inputs.Bit(HealthMetric.SleepEfficiency);
        }
        else if (SafeMath.PercentChange(e, baseline.SleepEfficiency) is not { } effDelta)
        {
            // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
            noBaseline |= inputs.Bit(HealthMetric.SleepEfficiency);
        }
        else
        {
            judged++;
            if (effDelta < -BurnoutRiskCalculator.EfficiencyDropPercent)
            {
                points += EfficiencyPoints;
                // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
                _mask |= EfficiencyBit;
                _eff7 = e;
            }
        }

        // Self-report counts on its own (Meeusen et al. 2013; Saw et al. 2016).
        double? mood7 = SafeMath.Mean(week, static d => d.MoodScore, out int moodDays);
        double? energy7 = SafeMath.Mean(week, static d => d.EnergyScore, out int energyDays);
        mood7 = moodDays >= MinimumWeekDays ? mood7 : null;
        energy7 = energyDays >= MinimumWeekDays ? energy7 : null;
        // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
        (moodDays == 0 ? ref notRecorded : ref noBaseline) |= mood7.HasValue ? 0 : inputs.Bit(HealthMetric.MoodScore);
        // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
        (energyDays == 0 ? ref notRecorded : ref noBaseline) |= energy7.HasValue ? 0 : inputs.Bit(HealthMetric.EnergyScore);
        if (mood7.HasValue || energy7.HasValue)
        {
            judged++;
            if (mood7 < LowSelfReport || energy7 < LowSelfReport)
            {
                points += SelfReportPoints;
                // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
                _mask |= SelfReportBit;
                _mood7 = mood7;
                _energy7 = energy7;
            }
        }

        // Device stress, on its own and with fewer points (a derived score, not a validated overreaching marker).
        double? stress7 = SafeMath.Mean(week, static d => d.StressScore, out int stressDays);
        if (stress7 is not { } s || stressDays < MinimumWeekDays)
        {
            // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
            (stressDays == 0 ? ref notRecorded : ref noBaseline) |= inputs.Bit(HealthMetric.StressScore);
        }
        else
        {
            judged++;
            if (s > thresholds.MaxStressScore)
            {
                points += StressPoints;
                // Stryker disable once assignment : equivalent, the bit is set at most once and only from 0 (XOR = OR)
                _mask |= StressBit;
                _stress7 = s;
            }
        }

        // No input is recorded but unused: a marker not judged has its inputs in notRecorded or noBaseline.
        Coverage = inputs.Get(notRecorded, noBaseline);
        Points = Math.Min(points, 100);
        Level = judged == 0 ? null : Points >= BurnoutRiskCalculator.RedPoints ? BurnoutLevel.Red : Points >= BurnoutRiskCalculator.YellowPoints ? BurnoutLevel.Yellow : BurnoutLevel.Green;
        // One line per marker, plus the advice line of red, or "Markers stable" without any point.
        _count = judged == 0 ? 0 : System.Numerics.BitOperations.PopCount((uint)_mask) + (Level == BurnoutLevel.Red || Points == 0 ? 1 : 0);
    }

    public ScoreCoverage Coverage { get; }

    public BurnoutLevel? Level { get; }

    public int Points { get; }

    public override int Count => _count;

    /// <summary>The days of the <paramref name="days"/> calendar days ending <paramref name="today"/> (today included).</summary>
    private static ReadOnlySpan<DailyMetrics> Window(ReadOnlySpan<DailyMetrics> history, DateOnly today, int days)
    {
        int first = today.DayNumber - days + 1;
        int start = history.Length;
        while (start > 0 && history[start - 1].Date.DayNumber >= first)
        {
            start--;
        }

        return history[start..];
    }

    public override void Append(ref InvariantText text, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        int line = -1;
        if ((_mask & HrvBit) != 0 && ++line == index)
        {
            _range!.AppendBelow(ref text);
            text.AppendLiteral(" (Plews: rolling mean of ln HRV against your longer-term mean ± a share of its SD)");
        }
        else if ((_mask & HeartBit) != 0 && ++line == index)
        {
            text.AppendLiteral("3-day mean resting HR ");
            text.AppendFormatted(_rhr3, "0.#");
            text.AppendLiteral(" bpm is ");
            text.AppendFormatted(_rhrSe, "0.#");
            text.AppendLiteral(" standard errors above your usual ");
            text.AppendFormatted(_baseline.RestingHr.GetValueOrDefault(), "0.#");
            text.AppendLiteral(" bpm");
        }
        else if ((_mask & EfficiencyBit) != 0 && ++line == index)
        {
            text.AppendLiteral("7-day mean sleep efficiency ");
            text.AppendFormatted(_eff7, "0.#");
            text.AppendLiteral(" % is more than 10 % below your usual ");
            text.AppendFormatted(_baseline.SleepEfficiency.GetValueOrDefault(), "0.#");
            text.AppendLiteral(" %");
        }
        else if ((_mask & SelfReportBit) != 0 && ++line == index)
        {
            AppendSelfReport(ref text);
        }
        else if ((_mask & StressBit) != 0 && ++line == index)
        {
            text.AppendLiteral("7-day mean stress ");
            text.AppendFormatted(_stress7, "0.#");
            text.AppendLiteral(" is above ");
            text.AppendFormatted(_maxStress, "0.#");
        }
        else
        {
            text.AppendLiteral(Points == 0 ? "Markers stable" : "Consider consulting a healthcare professional");
        }
    }

    private void AppendSelfReport(ref InvariantText text)
    {
        text.AppendLiteral("Low self-reported wellbeing over the week: ");
        if (_mood7 is { } mood)
        {
            text.AppendLiteral("mood ");
            text.AppendFormatted(mood, "0.#");
            text.AppendLiteral("/5");
        }

        if (_energy7 is { } energy)
        {
            text.AppendLiteral(_mood7.HasValue ? ", energy " : "energy ");
            text.AppendFormatted(energy, "0.#");
            text.AppendLiteral("/5");
        }

        text.AppendLiteral(" (counts on its own: Meeusen et al. 2013, Saw et al. 2016)");
    }
}

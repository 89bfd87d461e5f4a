using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>
/// The four burnout markers of <see cref="PredictiveAnalyticsAgent"/>, each as a level with a trend, and what they
/// project for the days ahead.
/// </summary>
/// <remarks>
/// Evidence-based preset: a <see cref="TrendLine"/> per marker over the last <see cref="BurnoutRuleOptions.TrendWindowDays"/>
/// calendar days (HRV on the log scale, only values of the baseline's HRV method), at least
/// <see cref="BurnoutRuleOptions.TrendMinimumDays"/> days each, projected with a damped trend; sleep is compared with
/// the sleep need (never the habit). Original app's preset: the mean of the last 3 days present (training load: of the
/// last 7) against the baseline, with no trend, so every day of the week scores the same, as in the app.
/// </remarks>
internal readonly struct BurnoutForecast
{
    public const int HrvBit = 1, StressBit = 2, SleepBit = 4, LoadBit = 8;

    /// <summary>An HRV deviation below this percentage adds 30 points.</summary>
    public const double HrvBelowPercent = -10;

    /// <summary>A stress deviation above this percentage adds 25 points.</summary>
    public const double StressAbovePercent = 15;

    /// <summary>A sleep deviation below this percentage (of the baseline, or of the need) adds 25 points.</summary>
    public const double SleepBelowPercent = -10;

    /// <summary>A training load level above this adds 20 points.</summary>
    public const double LoadAbove = 75;

    private readonly TrendLine _hrv, _stress, _sleep, _load;
    private readonly double _hrvReference, _stressReference, _sleepReference, _damping;

    private BurnoutForecast(
        bool originalApp,
        TrendLine hrv,
        TrendLine stress,
        TrendLine sleep,
        TrendLine load,
        double hrvReference,
        double stressReference,
        double sleepReference,
        int known,
        int calibrating,
        double damping)
    {
        OriginalApp = originalApp;
        _hrv = hrv;
        _stress = stress;
        _sleep = sleep;
        _load = load;
        _hrvReference = hrvReference;
        _stressReference = stressReference;
        _sleepReference = sleepReference;
        Known = known;
        Calibrating = calibrating;
        _damping = damping;
    }

    /// <summary>Whether the original app's preset was in force.</summary>
    public bool OriginalApp { get; }

    /// <summary>The markers that were judged (bits).</summary>
    public int Known { get; }

    /// <summary>The markers with some data in the window but fewer days than the minimum (bits; evidence-based preset).</summary>
    public int Calibrating { get; }

    /// <summary>The fewest days behind a judged marker (0 when none was judged).</summary>
    public int DaysOfData
    {
        get
        {
            int days = int.MaxValue;
            days = (Known & HrvBit) != 0 ? Math.Min(days, _hrv.Days) : days;
            days = (Known & StressBit) != 0 ? Math.Min(days, _stress.Days) : days;
            days = (Known & SleepBit) != 0 ? Math.Min(days, _sleep.Days) : days;
            days = (Known & LoadBit) != 0 ? Math.Min(days, _load.Days) : days;
            return days == int.MaxValue ? 0 : days;
        }
    }

    /// <summary>The level, the trend and the days of a marker.</summary>
    public TrendLine Line(int bit) => bit switch
    {
        HrvBit => _hrv,
        StressBit => _stress,
        SleepBit => _sleep,
        _ => _load,
    };

    /// <summary>The reference a marker is compared with (baseline, or the sleep need); 0 for the load.</summary>
    public double Reference(int bit) => bit switch
    {
        HrvBit => _hrvReference,
        StressBit => _stressReference,
        SleepBit => _sleepReference,
        _ => 0,
    };

    /// <summary>Today's level of a marker in its own unit (HRV in ms, not on the log scale).</summary>
    public double LevelNow(int bit) => bit == HrvBit && !OriginalApp ? Math.Exp(_hrv.Level) : Line(bit).Level;

    /// <summary>The projected value of a marker on day <paramref name="k"/>: percent against its reference, or the load itself.</summary>
    public double Projected(int bit, int k)
    {
        double value = Line(bit).Project(k, _damping);
        return bit switch
        {
            HrvBit => Percent(OriginalApp ? value : Math.Exp(value), _hrvReference),
            StressBit => Percent(value, _stressReference),
            SleepBit => Percent(value, _sleepReference),
            _ => SafeMath.Clean(Math.Clamp(value, 0, 100)),
        };
    }

    /// <summary>
    /// Whether no marker has a trend (always so in the original app, which projects the current means): every day's
    /// projection is then today's level, and <see cref="FactorsOn"/> is the same on every day.
    /// </summary>
    public bool IsFlat => _hrv.Slope == 0 && _stress.Slope == 0 && _sleep.Slope == 0 && _load.Slope == 0;

    /// <summary>The markers projected past their thresholds on day <paramref name="k"/> (bits).</summary>
    public int FactorsOn(int k)
    {
        int mask = 0;
        mask |= (Known & HrvBit) != 0 && Projected(HrvBit, k) < HrvBelowPercent ? HrvBit : 0;
        mask |= (Known & StressBit) != 0 && Projected(StressBit, k) > StressAbovePercent ? StressBit : 0;
        mask |= (Known & SleepBit) != 0 && Projected(SleepBit, k) < SleepBelowPercent ? SleepBit : 0;
        mask |= (Known & LoadBit) != 0 && Projected(LoadBit, k) > LoadAbove ? LoadBit : 0;
        return mask;
    }

    /// <summary>The points of a set of markers.</summary>
    public static int ScoreOf(int mask) =>
        ((mask & HrvBit) != 0 ? 30 : 0) + ((mask & StressBit) != 0 ? 25 : 0) + ((mask & SleepBit) != 0 ? 25 : 0) + ((mask & LoadBit) != 0 ? 20 : 0);

    /// <summary>The metric of a marker.</summary>
    public static HealthMetric MetricOf(int bit) => bit switch
    {
        HrvBit => HealthMetric.Hrv,
        StressBit => HealthMetric.StressScore,
        SleepBit => HealthMetric.SleepHours,
        _ => HealthMetric.TrainingLoad,
    };

    /// <summary>Computes the markers of a context.</summary>
    public static BurnoutForecast Of(AgentContext context)
    {
        RuleOptions rules = context.Rules;
        Baseline b = context.Baseline;
        double hrvReference = Positive(b.Hrv), stressReference = Positive(b.StressScore);
        if (rules.IsOriginalApp)
        {
            return Original(context, hrvReference, stressReference, Positive(b.SleepHours));
        }

        double sleepReference = Positive(context.SleepNeed.Hours);
        BurnoutRuleOptions options = rules.Burnout;
        ReadOnlySpan<DailyMetrics> days = context.Days;
        int today = context.Today.Date.DayNumber, window = options.TrendWindowDays, minimum = options.TrendMinimumDays;
        Span<double> x = stackalloc double[window];
        Span<double> y = stackalloc double[window];
        int known = 0, calibrating = 0;
        TrendLine hrv = Fit(days, today, window, minimum, HrvBit, b.HrvMethod, hrvReference, x, y, ref known, ref calibrating);
        TrendLine stress = Fit(days, today, window, minimum, StressBit, b.HrvMethod, stressReference, x, y, ref known, ref calibrating);
        TrendLine sleep = Fit(days, today, window, minimum, SleepBit, b.HrvMethod, sleepReference, x, y, ref known, ref calibrating);
        TrendLine load = Fit(days, today, window, minimum, LoadBit, b.HrvMethod, 1, x, y, ref known, ref calibrating);
        return new BurnoutForecast(false, hrv, stress, sleep, load, hrvReference, stressReference, sleepReference, known, calibrating, options.TrendDamping);
    }

    private static BurnoutForecast Original(AgentContext context, double hrvReference, double stressReference, double sleepReference)
    {
        // The three 3-day means in one pass (the same sums in the same order as SafeMath.Mean, without its delegate).
        HrvMethod method = context.Baseline.HrvMethod;
        PresentMean hrv = default, stressMean = default, sleepMean = default;
        foreach (DailyMetrics d in context.LastSpan(3))
        {
            hrv.Add(d.HrvMethod == method ? d.Hrv : null);
            stressMean.Add(d.StressScore);
            sleepMean.Add(d.SleepHours);
        }

        int hrvDays = hrv.Count, stressDays = stressMean.Count, sleepDays = sleepMean.Count;
        double? stress = stressMean.Value;
        double? sleep = sleepMean.Value;
        double? load = SafeMath.Mean(context.LastSpan(7), static d => d.TrainingLoad, out int loadDays);
        int known = (hrvDays > 0 && hrvReference > 0 ? HrvBit : 0)
            | (stress is not null && stressReference > 0 ? StressBit : 0)
            | (sleep is not null && sleepReference > 0 ? SleepBit : 0)
            | (load is not null ? LoadBit : 0);
        return new BurnoutForecast(
            true,
            new TrendLine(hrv.Value.GetValueOrDefault(), 0, hrvDays),
            new TrendLine(stress.GetValueOrDefault(), 0, stressDays),
            new TrendLine(sleep.GetValueOrDefault(), 0, sleepDays),
            new TrendLine(load.GetValueOrDefault(), 0, loadDays),
            hrvReference,
            stressReference,
            sleepReference,
            known,
            0,
            0);
    }

    private static TrendLine Fit(
        ReadOnlySpan<DailyMetrics> days,
        int today,
        int window,
        int minimum,
        int bit,
        HrvMethod method,
        double reference,
        Span<double> x,
        Span<double> y,
        ref int known,
        ref int calibrating)
    {
        int n = 0;
        for (int i = days.Length - 1; i >= 0 && n < window; i--)
        {
            DailyMetrics day = days[i];
            int age = today - day.Date.DayNumber;
            if (age >= window)
            {
                break;
            }

            double? value = bit switch
            {
                HrvBit => day.HrvMethod == method && day.Hrv is { } hrv && hrv > 0 ? Math.Log(hrv) : null,
                StressBit => day.StressScore,
                SleepBit => day.SleepHours,
                _ => day.TrainingLoad,
            };
            if (value is { } v)
            {
                x[n] = -age;
                y[n] = v;
                n++;
            }
        }

        if (n < minimum)
        {
            calibrating |= n > 0 && reference > 0 ? bit : 0;
            return new TrendLine(0, 0, n);
        }

        known |= reference > 0 ? bit : 0;
        return TrendLine.Fit(x[..n], y[..n]);
    }

    private static double Percent(double value, double reference) => SafeMath.PercentChange(value, reference);

    private static double Positive(double? value) => value is { } v && v > 0 && double.IsFinite(v) ? v : 0;
}

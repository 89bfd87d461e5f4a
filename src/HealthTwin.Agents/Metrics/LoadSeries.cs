using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// One pass over the calendar days of the bounded load window: fitness and fatigue (Banister), the acute and chronic
/// EWMA of the workload ratio (Williams), the values the form and the ramp rate need, and how many days were unknown.
/// </summary>
/// <remarks>
/// <para>
/// The series ends on the last day the loads cover: today when today has a load value, else yesterday (today is not
/// over). It starts on the first day with a load value within <see cref="TrainingLoadRuleOptions.WindowDays"/>
/// calendar days of that end, so a history that began before the user's load source was connected does not count
/// its earlier days as rest. Reads only that window: the first record is found by binary search, then each calendar
/// day is visited once.
/// </para>
/// <para>
/// Each calendar day of the series is either known (a load value; or a recorded day without one when
/// <see cref="DayWithoutLoadTreatment.RestDay"/>, as 0) or unknown (no record; or a recorded day without a load with
/// <see cref="DayWithoutLoadTreatment.Unknown"/>). Unknown days still let time pass but add no weight.
/// </para>
/// </remarks>
internal static class LoadSeries
{
    /// <summary>Banister's 1 − k = e^(−1/τ) for τ = 0…90 days (index τ), computed once.</summary>
    private static readonly double[] BanisterKeeps = BanisterTable(90);

    /// <summary>Runs the pass over a non-empty history sorted by date ascending with unique dates.</summary>
    /// <remarks>
    /// When every day of the series is known, <see cref="EveryDayKnown"/> runs the classic recursions. Otherwise,
    /// instead of decaying every sum each day, each day's weight grows by 1 / (1 − gain) (day d weighs
    /// (1 − gain)^−(d − first)): the weighted means are ratios, so the common factor cancels, and the weight of the whole
    /// series, 1 − (1 − gain)^days, is (1 − gain) ÷ the last day's growth factor. Per day that is one multiplication per
    /// kernel, plus a multiply-add and an add for a known load: no call, no power, nothing allocated. The factors stay
    /// finite: at most 0.5^−1000 ≈ 10^301 (N = 3 over 1,000 days).
    /// </remarks>
    public static LoadSeriesResult Compute(ReadOnlySpan<DailyMetrics> days, TrainingLoadRuleOptions options)
    {
        int today = days[^1].Date.DayNumber;
        bool todayLoaded = days[^1].TrainingLoad.HasValue;
        int end = todayLoaded ? today : today - 1;
        int last = todayLoaded ? days.Length - 1 : days.Length - 2;
        int start = FirstLoadDay(days, end - options.WindowDays + 1, last);
        if (start < 0)
        {
            // Stryker disable once initializer : equivalent, End is read only when SeriesDays > 0 (TrainingLoadCalculator's LoadThrough)
            return new LoadSeriesResult { End = end };
        }

        double fitnessKeep = BanisterKeep(options.FitnessTimeConstantDays), fatigueKeep = BanisterKeep(options.FatigueTimeConstantDays);
        double acuteKeep = 1 - (2.0 / (options.AcuteWindowDays + 1)), chronicKeep = 1 - (2.0 / (options.ChronicWindowDays + 1));
        double fitnessGrowth = 1 / fitnessKeep, fatigueGrowth = 1 / fatigueKeep, acuteGrowth = 1 / acuteKeep, chronicGrowth = 1 / chronicKeep;

        // Growth factors start one day "before" the first day, so the first multiplication gives that day weight 1.
        double fitnessW = fitnessKeep, fatigueW = fatigueKeep, acuteW = acuteKeep, chronicW = chronicKeep;
        double fitnessSum = 0, fitnessKnown = 0, fatigueSum = 0, fatigueKnown = 0;
        double acuteSum = 0, acuteKnown = 0, chronicSum = 0, chronicKnown = 0;
        Snapshot yesterdayState = default, weekAgoState = default;

        bool restDays = options.DayWithoutLoad == DayWithoutLoadTreatment.RestDay;
        int first = days[start].Date.DayNumber;
        int yesterday = today - 1, weekAgo = end - 7;
        int weekFrom = end - 6, acuteFrom = end - options.AcuteWindowDays + 1, chronicFrom = end - options.ChronicWindowDays + 1;

        // Dates are strictly increasing, so equal spans of days and of indexes mean no calendar day is missing: the
        // date of each record then follows from its index and the records' dates need not be read.
        // Stryker disable once arithmetic : equivalent, a wrong span only sends a contiguous history down the general pass, which gives the same markers to within rounding noise (TrainingLoadWindowTests checks they agree)
        int span = days[last].Date.DayNumber - first;
        bool contiguous = span == last - start;
        if (contiguous && restDays && days[last].Date.DayNumber == end)
        {
            return EveryDayKnown(days, start, last, today, options);
        }

        int loadDays = 0, rest = 0, unknown = 0, unknownWeek = 0, unknownAcute = 0, unknownChronic = 0;
        int next = start;
        for (int day = first; day <= end; day++)
        {
            fitnessW *= fitnessGrowth;
            fatigueW *= fatigueGrowth;
            acuteW *= acuteGrowth;
            chronicW *= chronicGrowth;

            double? value = null;
            if (next <= last && (contiguous || days[next].Date.DayNumber == day))
            {
                value = days[next].TrainingLoad;
                next++;
                if (value.HasValue)
                {
                    loadDays++;
                }
                else if (restDays)
                {
                    value = 0;
                    rest++;
                }
            }

            if (value is { } load)
            {
                fitnessSum += load * fitnessW;
                fitnessKnown += fitnessW;
                fatigueSum += load * fatigueW;
                fatigueKnown += fatigueW;
                acuteSum += load * acuteW;
                acuteKnown += acuteW;
                chronicSum += load * chronicW;
                chronicKnown += chronicW;
            }
            else
            {
                unknown++;
                unknownWeek += day >= weekFrom ? 1 : 0;
                unknownAcute += day >= acuteFrom ? 1 : 0;
                unknownChronic += day >= chronicFrom ? 1 : 0;
            }

            if (day == yesterday)
            {
                yesterdayState = new Snapshot(fitnessSum, fitnessKnown, fitnessW, fatigueSum, fatigueKnown, fatigueW);
            }

            if (day == weekAgo)
            {
                weekAgoState = new Snapshot(fitnessSum, fitnessKnown, fitnessW, 0, 0, 0);
            }
        }

        int seriesDays = end - first + 1;
        (double? monotony, double? strain, double weekLoad) = seriesDays >= 7 && unknownWeek == 0
            ? FosterMonotony.Week(days, last, end, options.MonotonyCap)
            : (null, null, 0);
        return new LoadSeriesResult
        {
            End = end,
            SeriesDays = seriesDays,
            LoadDays = loadDays,
            RestDays = rest,
            UnknownDays = unknown,
            UnknownWeek = unknownWeek,
            UnknownAcute = unknownAcute,
            UnknownChronic = unknownChronic,
            Fitness = FromZero(fitnessSum, fitnessKnown, fitnessW, fitnessKeep),
            Fatigue = FromZero(fatigueSum, fatigueKnown, fatigueW, fatigueKeep),
            FitnessYesterday = FromZero(yesterdayState.FitnessSum, yesterdayState.FitnessKnown, yesterdayState.FitnessW, fitnessKeep),
            FatigueYesterday = FromZero(yesterdayState.FatigueSum, yesterdayState.FatigueKnown, yesterdayState.FatigueW, fatigueKeep),
            FitnessWeekAgo = FromZero(weekAgoState.FitnessSum, weekAgoState.FitnessKnown, weekAgoState.FitnessW, fitnessKeep),
            // The series starts on a day with a load value, so both weights are positive.
            Acute = acuteSum / acuteKnown,
            Chronic = chronicSum / chronicKnown,
            Monotony = monotony,
            Strain = strain,
            WeekLoad = weekLoad,
        };
    }

    /// <summary>
    /// The common case, every calendar day of the series known (no day without a record, recorded days without a load
    /// are rest days): the classic recursions x = (1 − gain) x + load, one multiply-add per kernel and day. Banister's
    /// value is then gain × x (started at 0), and the EWMA is x divided by its weights' sum (1 − (1 − gain)^days) / gain.
    /// </summary>
    private static LoadSeriesResult EveryDayKnown(ReadOnlySpan<DailyMetrics> days, int start, int last, int today, TrainingLoadRuleOptions options)
    {
        double fitnessKeep = BanisterKeep(options.FitnessTimeConstantDays), fatigueKeep = BanisterKeep(options.FatigueTimeConstantDays);
        double acuteKeep = 1 - (2.0 / (options.AcuteWindowDays + 1)), chronicKeep = 1 - (2.0 / (options.ChronicWindowDays + 1));
        int seriesDays = last - start + 1, end = days[last].Date.DayNumber;
        int yesterdayIndex = start + (today - 1 - days[start].Date.DayNumber), weekAgoIndex = last - 7;
        double fitness = 0, fatigue = 0, acute = 0, chronic = 0, fitnessYesterday = 0, fatigueYesterday = 0, fitnessWeekAgo = 0;
        int loadDays = 0;
        for (int i = start; i <= last; i++)
        {
            double? value = days[i].TrainingLoad;
            double load = value.GetValueOrDefault();
            loadDays += value.HasValue ? 1 : 0;
            fitness = (fitness * fitnessKeep) + load;
            fatigue = (fatigue * fatigueKeep) + load;
            acute = (acute * acuteKeep) + load;
            chronic = (chronic * chronicKeep) + load;
            if (i == yesterdayIndex)
            {
                (fitnessYesterday, fatigueYesterday) = (fitness, fatigue);
            }

            if (i == weekAgoIndex)
            {
                fitnessWeekAgo = fitness;
            }
        }

        (double? monotony, double? strain, double weekLoad) = seriesDays >= 7
            ? FosterMonotony.Week(days, last, end, options.MonotonyCap)
            : (null, null, 0);
        double fitnessGain = 1 - fitnessKeep, fatigueGain = 1 - fatigueKeep;
        return new LoadSeriesResult
        {
            End = end,
            SeriesDays = seriesDays,
            LoadDays = loadDays,
            RestDays = seriesDays - loadDays,
            Fitness = fitnessGain * fitness,
            Fatigue = fatigueGain * fatigue,
            FitnessYesterday = fitnessGain * fitnessYesterday,
            FatigueYesterday = fatigueGain * fatigueYesterday,
            FitnessWeekAgo = fitnessGain * fitnessWeekAgo,
            Acute = acute * (1 - acuteKeep) / (1 - Math.Pow(acuteKeep, seriesDays)),
            Chronic = chronic * (1 - chronicKeep) / (1 - Math.Pow(chronicKeep, seriesDays)),
            Monotony = monotony,
            Strain = strain,
            WeekLoad = weekLoad,
        };
    }

    /// <summary>
    /// Banister's value started at 0 the day before the series: the weighted mean of the known loads times the weight
    /// of the whole series so far, 1 − (1 − k)^days = 1 − keep ÷ growth (days without a value take the weighted mean of
    /// the known ones; with every day known this is the recursion x = x + k (load − x) from 0). 0 before the series.
    /// </summary>
    private static double FromZero(double sum, double known, double growth, double keep) =>
        known > 0 ? sum / known * (1 - (keep / growth)) : 0;

    /// <summary>1 − k for τ, from the table: the options allow τ of 2–90 days (checked before the pass runs).</summary>
    private static double BanisterKeep(int tau) => BanisterKeeps[tau];

    private static double[] BanisterTable(int maxTau)
    {
        var keeps = new double[maxTau + 1];
        for (int tau = 1; tau <= maxTau; tau++)
        {
            keeps[tau] = Math.Exp(-1.0 / tau);
        }

        return keeps;
    }

    /// <summary>The index of the first day on or after <paramref name="from"/> (up to <paramref name="last"/>) with a load value, or −1.</summary>
    private static int FirstLoadDay(ReadOnlySpan<DailyMetrics> days, int from, int last)
    {
        int low = 0, high = last + 1; // first index whose date is on or after 'from'
        while (low < high)
        {
            // Stryker disable once bitwise : equivalent, low + high is never negative (at most twice the history's length)
            int middle = (low + high) >>> 1;
            if (days[middle].Date.DayNumber < from)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (int i = low; i <= last; i++)
        {
            if (days[i].TrainingLoad.HasValue)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The fitness and fatigue sums of one day (0 before the series).</summary>
    private readonly record struct Snapshot(double FitnessSum, double FitnessKnown, double FitnessW, double FatigueSum, double FatigueKnown, double FatigueW);
}

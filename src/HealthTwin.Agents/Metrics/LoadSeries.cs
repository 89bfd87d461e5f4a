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
/// its earlier days as rest. Reads only that window: records are found by binary search and visited once.
/// </para>
/// <para>
/// Each calendar day of the series is either known (a load value; or a recorded day without one when
/// <see cref="DayWithoutLoadTreatment.RestDay"/>, as 0) or unknown (no record; or a recorded day without a load with
/// <see cref="DayWithoutLoadTreatment.Unknown"/>). Unknown days still let time pass but add no weight.
/// </para>
/// </remarks>
internal static class LoadSeries
{
    /// <summary>Runs the pass over a non-empty history sorted by date ascending with unique dates.</summary>
    public static LoadSeriesResult Compute(ReadOnlySpan<DailyMetrics> days, TrainingLoadRuleOptions options)
    {
        int today = days[^1].Date.DayNumber;
        bool todayLoaded = days[^1].TrainingLoad.HasValue;
        int end = todayLoaded ? today : today - 1;
        int last = todayLoaded ? days.Length - 1 : days.Length - 2;
        int start = FirstLoadDay(days, end - options.WindowDays + 1, last);
        if (start < 0)
        {
            return new LoadSeriesResult { End = end };
        }

        bool restDays = options.DayWithoutLoad == DayWithoutLoadTreatment.RestDay;
        var fitness = ExponentialLoad.Banister(options.FitnessTimeConstantDays);
        var fatigue = ExponentialLoad.Banister(options.FatigueTimeConstantDays);
        var acute = ExponentialLoad.Williams(options.AcuteWindowDays);
        var chronic = ExponentialLoad.Williams(options.ChronicWindowDays);
        ExponentialLoad fitnessYesterday = default, fatigueYesterday = default, fitnessWeekAgo = default;

        int first = days[start].Date.DayNumber;
        int yesterday = today - 1, weekAgo = end - 7;
        var unknown = new UnknownDays(end, options.AcuteWindowDays, options.ChronicWindowDays);
        int loadDays = 0, rest = 0, previous = first - 1;
        for (int i = start; i <= last; i++)
        {
            DailyMetrics day = days[i];
            int date = day.Date.DayNumber;
            unknown.Add(previous + 1, date - 1);
            if (Covers(yesterday, previous, date))
            {
                (fitnessYesterday, fatigueYesterday) = (At(fitness, yesterday - previous), At(fatigue, yesterday - previous));
            }

            if (Covers(weekAgo, previous, date))
            {
                fitnessWeekAgo = At(fitness, weekAgo - previous);
            }

            int passed = date - previous;
            fitness.Pass(passed);
            fatigue.Pass(passed);
            acute.Pass(passed);
            chronic.Pass(passed);
            previous = date;

            double load;
            if (day.TrainingLoad is { } recorded)
            {
                load = recorded;
                loadDays++;
            }
            else if (restDays)
            {
                load = 0;
                rest++;
            }
            else
            {
                unknown.Add(date, date);
                continue;
            }

            fitness.Add(load);
            fatigue.Add(load);
            acute.Add(load);
            chronic.Add(load);
        }

        unknown.Add(previous + 1, end);
        if (Covers(yesterday, previous, end + 1))
        {
            (fitnessYesterday, fatigueYesterday) = (At(fitness, yesterday - previous), At(fatigue, yesterday - previous));
        }

        if (Covers(weekAgo, previous, end + 1))
        {
            fitnessWeekAgo = At(fitness, weekAgo - previous);
        }

        int passedToEnd = end - previous;
        fitness.Pass(passedToEnd);
        fatigue.Pass(passedToEnd);
        acute.Pass(passedToEnd);
        chronic.Pass(passedToEnd);

        int seriesDays = end - first + 1;
        (double? monotony, double? strain, double weekLoad) = seriesDays >= 7 && unknown.Week == 0
            ? FosterMonotony.Week(days, last, end, options.MonotonyCap)
            : (null, null, 0);
        return new LoadSeriesResult
        {
            End = end,
            SeriesDays = seriesDays,
            LoadDays = loadDays,
            RestDays = rest,
            UnknownDays = unknown.Total,
            UnknownWeek = unknown.Week,
            UnknownAcute = unknown.Acute,
            UnknownChronic = unknown.Chronic,
            Fitness = fitness.FromZero(seriesDays),
            Fatigue = fatigue.FromZero(seriesDays),
            FitnessYesterday = fitnessYesterday.FromZero(yesterday - first + 1),
            FatigueYesterday = fatigueYesterday.FromZero(yesterday - first + 1),
            FitnessWeekAgo = fitnessWeekAgo.FromZero(weekAgo - first + 1),
            Acute = acute.Mean,
            Chronic = chronic.Mean,
            Monotony = monotony,
            Strain = strain,
            WeekLoad = weekLoad,
        };
    }

    /// <summary>
    /// Whether calendar day <paramref name="target"/> lies in [<paramref name="previous"/>, <paramref name="next"/>):
    /// after the state of <paramref name="previous"/> and before the next record. The ranges of successive records do
    /// not overlap, so each snapshot is taken once; a day before the series is never covered (its value is 0).
    /// </summary>
    private static bool Covers(int target, int previous, int next) => target >= previous && target < next;

    /// <summary>A snapshot of <paramref name="current"/> <paramref name="days"/> calendar days later (no load added).</summary>
    private static ExponentialLoad At(ExponentialLoad current, int days)
    {
        current.Pass(days);
        return current;
    }

    /// <summary>The index of the first day on or after <paramref name="from"/> (up to <paramref name="last"/>) with a load value, or −1.</summary>
    private static int FirstLoadDay(ReadOnlySpan<DailyMetrics> days, int from, int last)
    {
        int low = 0, high = last + 1; // first index whose date is on or after 'from'
        while (low < high)
        {
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

    /// <summary>Counts unknown calendar days: in the whole series, the last 7 days, and the acute and chronic windows.</summary>
    private struct UnknownDays(int end, int acuteDays, int chronicDays)
    {
        public int Total;
        public int Week;
        public int Acute;
        public int Chronic;

        /// <summary>Adds the unknown days <paramref name="from"/>–<paramref name="to"/> (nothing when the range is empty).</summary>
        public void Add(int from, int to)
        {
            if (to < from)
            {
                return;
            }

            Total += to - from + 1;
            Week += Overlap(from, to, end - 6);
            Acute += Overlap(from, to, end - acuteDays + 1);
            Chronic += Overlap(from, to, end - chronicDays + 1);
        }

        private readonly int Overlap(int from, int to, int windowStart) => Math.Max(0, Math.Min(to, end) - Math.Max(from, windowStart) + 1);
    }
}

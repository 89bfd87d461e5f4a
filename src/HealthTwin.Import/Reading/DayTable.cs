namespace HealthTwin.Import.Reading;

/// <summary>The days one importer is filling, by date; emitted in date order.</summary>
internal sealed class DayTable(WearableSource source)
{
    private readonly SortedDictionary<DateOnly, DayDraft> days = [];

    public DayDraft this[DateOnly date]
    {
        get
        {
            if (!days.TryGetValue(date, out DayDraft? day))
            {
                day = new DayDraft(date);
                days.Add(date, day);
            }

            return day;
        }
    }

    public int Count => days.Count;

    /// <summary>Adds every day to the context, in date order.</summary>
    public void EmitTo(WearableReadContext context)
    {
        foreach (DayDraft day in days.Values)
        {
            context.AddDay(day.ToDay(source));
        }
    }
}

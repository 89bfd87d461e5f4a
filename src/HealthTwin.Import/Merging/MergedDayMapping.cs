using HealthTwin.Agents.Model;

namespace HealthTwin.Import.Merging;

/// <summary>Builds the merged <see cref="DailyMetrics"/> from the winning source of each metric group.</summary>
internal static class MergedDayMapping
{
    public static DailyMetrics Create(DateOnly date, ImportedDay? sleep, ImportedDay? hrv, HrvMethod? method, ImportedDay? rhr, ImportedDay? steps, ImportedDay? workout, ImportedDay? load, ImportedDay? stress, ImportedDay? self) =>
        throw new NotSupportedException("interim: waiting for the partial-days model on main");
}

using System.Collections.Concurrent;

namespace HealthTwin.Agents.Model;

/// <summary>
/// Looks up system time zones by id, remembering each id seen (users share a handful of zones), so building a context
/// does not pay for the runtime's locked lookup every time.
/// </summary>
internal static class TimeZones
{
    private const int MaxCached = 1024;
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    /// <summary>The zone with the id, or <see langword="null"/> when the id is null or unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (id is null)
        {
            return null;
        }

        if (Cache.TryGetValue(id, out TimeZoneInfo? zone))
        {
            return zone;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone))
        {
            return null;
        }

        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(id, zone);
        }

        return zone;
    }
}

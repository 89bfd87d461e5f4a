using HealthTwin.Import.Merging;

namespace HealthTwin.Import;

/// <summary>
/// Options of the wearable import, bound from the <c>HealthTwin:Import</c> configuration section by
/// <c>AddWearableImport(configuration)</c> and validated on start.
/// </summary>
public sealed class WearableImportOptions
{
    /// <summary>The configuration section the options bind from by convention: <c>HealthTwin:Import</c>.</summary>
    public const string SectionName = "HealthTwin:Import";

    /// <summary>
    /// The user's IANA time zone (for example <c>Europe/Amsterdam</c>) used to put records on calendar days. When
    /// <see langword="null"/> (the default) each record is dated in the local time the device wrote with it, and
    /// records that carry only UTC are dated in UTC.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Per-metric source precedence: for each metric group the sources in the order they win when several sources
    /// have the same day. Groups not given keep the default order (overnight metrics: Oura, WHOOP, Garmin, Fitbit,
    /// Apple Health; steps and workouts: Garmin, Apple Health, Fitbit or WHOOP, then the rings; training load: WHOOP,
    /// Garmin, Oura; stress: Garmin; see the package README); sources not listed rank after the listed ones in their
    /// default order. Keys: <c>Sleep</c>, <c>Hrv</c>, <c>RestingHr</c>, <c>Steps</c>,
    /// <c>WorkoutMinutes</c>, <c>TrainingLoad</c>, <c>StressScore</c>, <c>SelfReport</c>; values: <see cref="WearableSource"/>
    /// names. Unknown names fail validation on start.
    /// </summary>
#pragma warning disable CA2227 // Options must be settable for the configuration binder.
    public Dictionary<string, List<string>> Precedence { get; set; } = new(StringComparer.OrdinalIgnoreCase);
#pragma warning restore CA2227

    /// <summary>The largest file (or zip entry, uncompressed) accepted, in bytes. Default 8 GiB.</summary>
    public long MaxFileBytes { get; set; } = 8L * 1024 * 1024 * 1024;
}

namespace HealthTwin.Import;

/// <summary>A file format the importers read. Detected from the content (<see cref="IWearableImporter.CanRead"/>), or named by the caller.</summary>
public enum WearableFormat
{
    /// <summary>Apple Health <c>export.zip</c> or its <c>export.xml</c>.</summary>
    AppleHealth,

    /// <summary>Oura's trends CSV export (<c>oura_*_trends.csv</c>).</summary>
    OuraCsv,

    /// <summary>Oura API v2 JSON documents (<c>daily_sleep</c>, <c>sleep</c>, <c>daily_readiness</c>, <c>daily_activity</c>).</summary>
    OuraApi,

    /// <summary>WHOOP account export CSVs (<c>physiological_cycles.csv</c>, <c>sleeps.csv</c>, <c>workouts.csv</c>, <c>journal_entries.csv</c>).</summary>
    WhoopCsv,

    /// <summary>WHOOP API v2 JSON (cycle, recovery, sleep, workout collections or records).</summary>
    WhoopApi,

    /// <summary>Garmin Connect JSON (daily summary, daily HRV, daily sleep).</summary>
    GarminConnect,

    /// <summary>Fitbit Web API JSON (sleep by date, activities by date, activity time series) and Google Takeout daily files of the same shape.</summary>
    Fitbit,

    /// <summary>Open mHealth data points or bodies (step-count, sleep-episode, sleep-duration, heart-rate, physical-activity).</summary>
    OpenMHealth,

    /// <summary>HL7 FHIR R4 Observations and Bundles (read by the <c>HealthTwin.Import.Fhir</c> package).</summary>
    FhirR4,

    /// <summary>A zip archive whose entries are read one by one (Apple Health, WHOOP and Oura exports arrive zipped).</summary>
    Zip,
}

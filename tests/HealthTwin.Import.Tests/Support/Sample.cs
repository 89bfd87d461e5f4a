using System.IO.Compression;
using System.Text;

namespace HealthTwin.Import.Tests.Support;

/// <summary>The copied sample files (see Samples/ATTRIBUTION.md) and helpers to make malformed variants of them.</summary>
internal static class Sample
{
    public const string AppleSmall = "apple-health/alxdrcirilo__apple-health-parser/export.xml";
    public const string AppleIpyhealth = "apple-health/mereldawu__ipyhealth/export.xml";
    public const string OuraTrends = "oura/mohdasti__Wearable-comparative-analysis/oura_2026-05-22_2026-07-23_trends.csv";
    public const string WhoopCycles = "whoop/andrewcxjin__aipi510_dataset/physiological_cycles.csv";
    public const string WhoopWorkouts = "whoop/mohdasti__Wearable-comparative-analysis/workouts.csv";
    public const string WhoopJournal = "whoop/mohdasti__Wearable-comparative-analysis/journal_entries.csv";
    public const string GarminSummary = "garmin/matin__garth/derived/test_daily_summary_get.interaction2.body.json";
    public const string GarminHrv = "garmin/matin__garth/derived/test_daily_hrv.interaction0.body.json";
    public const string GarminSleep = "garmin/matin__garth/derived/test_daily_sleep_data_get.interaction0.body.json";
    public const string GarminSleepNoData = "garmin/matin__garth/derived/test_daily_sleep_data_get.interaction1.body.json";
    public const string GarminFit = "garmin/dtcooper__python-fitparse/garmin-fenix-5-run.fit";
    public const string FitbitSleep = "fitbit/openmhealth__shimmer/fitbit-sleep-date.json";
    public const string FitbitActivities = "fitbit/openmhealth__shimmer/fitbit-activities-date-single-in-activities-list.json";
    public const string OmhSteps = "open-mhealth/openmhealth__schemas/test-data/omh/step-count/3.0/shouldPass/valid-step-count.json";
    public const string OmhSleep = "open-mhealth/openmhealth__schemas/test-data/omh/sleep-episode/1.1/shouldPass/valid-sleep-episode.json";
    public const string OmhHeartRate = "open-mhealth/openmhealth__schemas/test-data/omh/heart-rate/2.0/shouldPass/with-temporal-relationship-to-sleep.json";
    public const string OmhActivity = "open-mhealth/openmhealth__schemas/test-data/omh/physical-activity/1.2/shouldPass/with-calories-burned.json";
    public const string FhirHeartRate = "fhir-r4/fhir-ru__fhir-ru.github.io/observation-example-heart-rate.json";
    public const string FhirVitalsPanel = "fhir-r4/fhir-ru__fhir-ru.github.io/observation-example-vitals-panel.json";

    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Samples", relative);

    public static byte[] Bytes(string relative) => System.IO.File.ReadAllBytes(PathOf(relative));

    public static string Text(string relative) => System.IO.File.ReadAllText(PathOf(relative));

    public static WearableFile File(string relative) => WearableFile.FromPath(PathOf(relative));

    public static WearableFile FromText(string name, string text) => WearableFile.FromStream(name, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    public static WearableFile FromBytes(string name, byte[] bytes) => WearableFile.FromStream(name, new MemoryStream(bytes));

    /// <summary>A zip holding the given entries (name → bytes), as Apple Health's export.zip does.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                ZipArchiveEntry entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                using Stream stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}

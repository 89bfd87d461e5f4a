using System.Globalization;
using System.Text;

namespace HealthTwin.Benchmarks.Import;

/// <summary>
/// Writes a synthetic Apple Health <c>export.xml</c> of a given size, shaped like a real export: the DTD header,
/// then Records with the real attribute layout (heart rate with metadata every 2 minutes, active energy, Watch and
/// iPhone steps that overlap, HRV with beat lists, resting heart rate, a night of sleep stages, a workout and an
/// activity summary per day). Deterministic: the same size gives the same bytes.
/// </summary>
internal static class AppleHealthExportGenerator
{
    private const string Watch = "device=\"&lt;&lt;HKDevice: 0x283c2a490&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:9.1&gt;\"";
    private const string Phone = "device=\"&lt;&lt;HKDevice: 0x283c2b7f0&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone13,2, software:16.1&gt;\"";

    public static long Write(string path, long targetBytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 20);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>\n<!ATTLIST HealthData locale CDATA #REQUIRED>\n]>\n<HealthData locale=\"en_GB\">\n <ExportDate value=\"2026-01-01 08:00:00 +0000\"/>\n <Me HKCharacteristicTypeIdentifierDateOfBirth=\"1990-01-01\" HKCharacteristicTypeIdentifierBiologicalSex=\"HKBiologicalSexFemale\"/>\n");
        var day = new DateTime(2020, 1, 1);
        var sb = new StringBuilder(1 << 16);
        while (file.Position + (writer.Encoding.GetMaxByteCount(sb.Length)) < targetBytes)
        {
            WriteDay(sb, day);
            writer.Write(sb);
            sb.Clear();
            writer.Flush();
            day = day.AddDays(1);
        }

        writer.Write("</HealthData>\n");
        writer.Flush();
        return file.Length;
    }

    private static void WriteDay(StringBuilder sb, DateTime day)
    {
        // 720 ticks of 2 minutes.
        for (int tick = 0; tick < 720; tick++)
        {
            DateTime t = day.AddMinutes(tick * 2);
            string at = Time(t);
            int bpm = 55 + ((tick * 7) % 40);
            sb.Append(" <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"User’s Apple Watch\" sourceVersion=\"9.1\" ").Append(Watch)
              .Append(" unit=\"count/min\" creationDate=\"").Append(Time(t.AddSeconds(40))).Append("\" startDate=\"").Append(at).Append("\" endDate=\"").Append(at)
              .Append("\" value=\"").Append(bpm.ToString(CultureInfo.InvariantCulture)).Append("\">\n  <MetadataEntry key=\"HKMetadataKeyHeartRateMotionContext\" value=\"0\"/>\n </Record>\n");
            if (tick % 2 == 0)
            {
                sb.Append(" <Record type=\"HKQuantityTypeIdentifierActiveEnergyBurned\" sourceName=\"User’s Apple Watch\" sourceVersion=\"9.1\" ").Append(Watch)
                  .Append(" unit=\"kcal\" creationDate=\"").Append(at).Append("\" startDate=\"").Append(at).Append("\" endDate=\"").Append(Time(t.AddMinutes(1)))
                  .Append("\" value=\"0.").Append((tick % 97).ToString("00", CultureInfo.InvariantCulture)).Append("\"/>\n");
            }

            if (tick % 3 == 0 && tick > 240)
            {
                Steps(sb, "User’s Apple Watch", Watch, t, 20 + (tick % 50));
            }

            if (tick % 5 == 0 && tick > 240)
            {
                Steps(sb, "User’s iPhone", Phone, t, 18 + (tick % 45));
            }
        }

        for (int i = 0; i < 5; i++)
        {
            DateTime t = day.AddHours(1 + (i * 4));
            sb.Append(" <Record type=\"HKQuantityTypeIdentifierHeartRateVariabilitySDNN\" sourceName=\"User’s Apple Watch\" sourceVersion=\"9.1\" ").Append(Watch)
              .Append(" unit=\"ms\" creationDate=\"").Append(Time(t)).Append("\" startDate=\"").Append(Time(t)).Append("\" endDate=\"").Append(Time(t.AddMinutes(1)))
              .Append("\" value=\"").Append((38 + i).ToString(CultureInfo.InvariantCulture)).Append(".4\">\n  <HeartRateVariabilityMetadataList>\n");
            for (int b = 0; b < 60; b++)
            {
                sb.Append("   <InstantaneousBeatsPerMinute bpm=\"").Append((60 + (b % 9)).ToString(CultureInfo.InvariantCulture)).Append("\" time=\"").Append(t.AddSeconds(b).ToString("h:mm:ss.ff tt", CultureInfo.InvariantCulture)).Append("\"/>\n");
            }

            sb.Append("  </HeartRateVariabilityMetadataList>\n </Record>\n");
        }

        string morning = Time(day.AddHours(7));
        sb.Append(" <Record type=\"HKQuantityTypeIdentifierRestingHeartRate\" sourceName=\"User’s Apple Watch\" sourceVersion=\"9.1\" unit=\"count/min\" creationDate=\"").Append(morning)
          .Append("\" startDate=\"").Append(morning).Append("\" endDate=\"").Append(morning).Append("\" value=\"54\"/>\n");
        string[] stages = ["InBed", "AsleepCore", "AsleepDeep", "AsleepCore", "AsleepREM", "Awake", "AsleepCore", "AsleepREM"];
        DateTime sleep = day.AddHours(-1);
        for (int s = 0; s < stages.Length; s++)
        {
            DateTime end = s == 0 ? sleep.AddHours(8) : sleep.AddMinutes(55);
            sb.Append(" <Record type=\"HKCategoryTypeIdentifierSleepAnalysis\" sourceName=\"").Append(s == 0 ? "User’s iPhone" : "User’s Apple Watch")
              .Append("\" sourceVersion=\"9.1\" creationDate=\"").Append(Time(day.AddHours(7))).Append("\" startDate=\"").Append(Time(sleep)).Append("\" endDate=\"").Append(Time(end))
              .Append("\" value=\"HKCategoryValueSleepAnalysis").Append(stages[s]).Append("\">\n  <MetadataEntry key=\"HKTimeZone\" value=\"Europe/London\"/>\n </Record>\n");
            if (s > 0)
            {
                sleep = end;
            }
        }

        DateTime workout = day.AddHours(18);
        sb.Append(" <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"42.5\" durationUnit=\"min\" sourceName=\"User’s Apple Watch\" sourceVersion=\"9.1\" ").Append(Watch)
          .Append(" creationDate=\"").Append(Time(workout.AddMinutes(43))).Append("\" startDate=\"").Append(Time(workout)).Append("\" endDate=\"").Append(Time(workout.AddMinutes(42.5)))
          .Append("\">\n  <WorkoutStatistics type=\"HKQuantityTypeIdentifierActiveEnergyBurned\" startDate=\"").Append(Time(workout)).Append("\" endDate=\"").Append(Time(workout.AddMinutes(42.5)))
          .Append("\" sum=\"412\" unit=\"kcal\"/>\n </Workout>\n");
        sb.Append(" <ActivitySummary dateComponents=\"").Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
          .Append("\" activeEnergyBurned=\"512\" activeEnergyBurnedGoal=\"500\" activeEnergyBurnedUnit=\"kcal\" appleMoveTime=\"0\" appleMoveTimeGoal=\"0\" appleExerciseTime=\"47\" appleExerciseTimeGoal=\"30\" appleStandHours=\"12\" appleStandHoursGoal=\"12\"/>\n");
    }

    private static void Steps(StringBuilder sb, string source, string device, DateTime t, int steps)
    {
        string at = Time(t);
        sb.Append(" <Record type=\"HKQuantityTypeIdentifierStepCount\" sourceName=\"").Append(source).Append("\" sourceVersion=\"9.1\" ").Append(device)
          .Append(" unit=\"count\" creationDate=\"").Append(at).Append("\" startDate=\"").Append(at).Append("\" endDate=\"").Append(Time(t.AddMinutes(1)))
          .Append("\" value=\"").Append(steps.ToString(CultureInfo.InvariantCulture)).Append("\"/>\n");
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
}

using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HealthTwin.Agents.Model;

namespace HealthTwin.Import.Fhir;

/// <summary>
/// Writes a user's days as an HL7 FHIR R4 Bundle (type <c>collection</c>) of Observations, one per day and metric,
/// with the codes and UCUM units of <see cref="FhirCodes"/> and the day as a FHIR <c>date</c>. Values are written
/// with full precision, so <c>WearableImporter</c> (with <c>AddFhirImport()</c>) reads the Bundle back to the same days.
/// </summary>
public static class FhirExporter
{
    private const string CategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>Builds the Bundle.</summary>
    /// <param name="days">The days.</param>
    /// <param name="subject">The subject reference (for example <c>Patient/123</c>), or <see langword="null"/> to leave it out.</param>
    /// <returns>The Bundle.</returns>
    public static Bundle CreateBundle(IEnumerable<DailyMetrics> days, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (DailyMetrics day in days)
        {
            foreach (Observation observation in Observations(day, subject))
            {
                bundle.Entry.Add(new Bundle.EntryComponent { Resource = observation });
            }
        }

        return bundle;
    }

    /// <summary>Writes the Bundle as FHIR JSON.</summary>
    /// <param name="destination">The stream (left open).</param>
    /// <param name="days">The days.</param>
    /// <param name="subject">The subject reference, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the JSON is written.</returns>
    public static async System.Threading.Tasks.Task WriteAsync(Stream destination, IEnumerable<DailyMetrics> days, string? subject = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        string json = new FhirJsonSerializer().SerializeToString(CreateBundle(days, subject), true);
        await destination.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<Observation> Observations(DailyMetrics day, string? subject)
    {
        if (day.SleepHours is { } sleep)
        {
            yield return Quantity(day, subject, FhirCodes.Loinc, FhirCodes.SleepDuration, "Sleep duration", "activity", sleep, "h", "h");
        }

        if (day.TimeInBedHours is { } inBed)
        {
            yield return Quantity(day, subject, FhirCodes.HealthTwinSystem, FhirCodes.TimeInBed, "Time in bed", "activity", inBed, "h", "h");
        }

        if (day.SleepEfficiency is { } efficiency)
        {
            yield return Quantity(day, subject, FhirCodes.HealthTwinSystem, FhirCodes.SleepEfficiency, "Sleep efficiency", "activity", efficiency, "%", "%");
        }

        if (day.Hrv is { } hrv)
        {
            yield return day.HrvMethod == HrvMethod.Sdnn
                ? Quantity(day, subject, FhirCodes.Loinc, FhirCodes.HrvSdnn, "R-R interval.standard deviation (Heart rate variability)", "vital-signs", hrv, "ms", "ms")
                : Quantity(day, subject, FhirCodes.HealthTwinSystem, FhirCodes.HrvRmssd, "Heart rate variability (rMSSD)", "vital-signs", hrv, "ms", "ms");
        }

        if (day.RestingHr is { } rhr)
        {
            yield return Quantity(day, subject, FhirCodes.Loinc, FhirCodes.RestingHeartRate, "Heart rate --resting", "vital-signs", rhr, "beats/minute", "/min");
        }

        if (day.Steps is { } steps)
        {
            yield return Quantity(day, subject, FhirCodes.Loinc, FhirCodes.Steps, "Number of steps in unspecified time Pedometer", "activity", steps, "steps", "{steps}");
        }

        if (day.WorkoutMinutes is { } minutes)
        {
            yield return Quantity(day, subject, FhirCodes.HealthTwinSystem, FhirCodes.WorkoutMinutes, "Workout minutes", "activity", minutes, "min", "min");
        }

        if (day.TrainingLoad is { } load)
        {
            yield return Quantity(day, subject, FhirCodes.HealthTwinSystem, FhirCodes.TrainingLoad, "Training load (0-100)", "activity", load, "score", "{score}");
        }

        if (day.StressScore is { } stress)
        {
            yield return Quantity(day, subject, FhirCodes.HealthTwinSystem, FhirCodes.StressScore, "Stress score (0-100)", "survey", stress, "score", "{score}");
        }

        if (day.MoodScore is { } mood)
        {
            yield return Create(day, subject, FhirCodes.HealthTwinSystem, FhirCodes.MoodScore, "Self-reported mood (1-5)", "survey", new Integer(mood));
        }

        if (day.EnergyScore is { } energy)
        {
            yield return Create(day, subject, FhirCodes.HealthTwinSystem, FhirCodes.EnergyScore, "Self-reported energy (1-5)", "survey", new Integer(energy));
        }

        if (day.Notes is { } notes)
        {
            yield return Create(day, subject, FhirCodes.HealthTwinSystem, FhirCodes.Notes, "Daily note", "survey", new FhirString(notes));
        }
    }

    private static Observation Quantity(DailyMetrics day, string? subject, string system, string code, string display, string category, double value, string unit, string ucum) =>
        Create(day, subject, system, code, display, category, new Quantity
        {
            // The shortest round-trip text of the double, so reading it back gives the same double.
            Value = decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
            Unit = unit,
            System = FhirCodes.Ucum,
            Code = ucum,
        });

    private static Observation Create(DailyMetrics day, string? subject, string system, string code, string display, string category, DataType value)
    {
        var observation = new Observation
        {
            Id = $"healthtwin-{day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{code}",
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(system, code, display, display),
            Effective = new FhirDateTime(day.Date.Year, day.Date.Month, day.Date.Day),
            Value = value,
        };
        observation.Category.Add(new CodeableConcept(CategorySystem, category));
        if (subject is not null)
        {
            observation.Subject = new ResourceReference(subject);
        }

        return observation;
    }
}

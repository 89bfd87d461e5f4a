using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HealthTwin.Agents.Model;
using HealthTwin.Import.Reading;
using Task = System.Threading.Tasks.Task;

namespace HealthTwin.Import.Fhir;

/// <summary>
/// HL7 FHIR R4 Observations, and Bundles of them, parsed with the Firely SDK. Recognised codes and UCUM units are
/// those of <see cref="FhirCodes"/>; values in other units of the same dimension are converted (min and s to h,
/// s to ms). An Observation is dated by its <c>effectiveDateTime</c> (a date is taken as is; a date-time is dated in
/// the user's zone) or <c>effectivePeriod</c> (sleep by its end, as a wake-up date; others by the start).
/// Skipped with a reason: heart rate 8867-4 (a sample is not a resting heart rate), panels without a value, other
/// codes, wrong units, and Observations that are cancelled or entered in error.
/// </summary>
internal sealed class FhirImporter : IWearableImporter
{
    private static readonly FhirJsonDeserializer Deserializer = new();

    public WearableFormat Format => WearableFormat.FhirR4;

    public bool CanRead(WearableFileHead head)
    {
        string text = head.Text;
        return text.Contains("\"resourceType\"", StringComparison.Ordinal)
            && (text.Contains("\"Observation\"", StringComparison.Ordinal) || text.Contains("\"Bundle\"", StringComparison.Ordinal));
    }

    public async Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        string json = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        Resource resource;
        try
        {
            resource = Deserializer.DeserializeResource(json);
        }
        catch (DeserializationFailedException ex)
        {
            throw new WearableImportException(context.FileName, "resource", null, "not a valid FHIR R4 resource: " + First(ex.Message), ex);
        }
        catch (FormatException ex)
        {
            throw new WearableImportException(context.FileName, "resource", null, "not valid FHIR JSON: " + First(ex.Message), ex);
        }

        var days = new DayTable(WearableSource.Fhir);
        switch (resource)
        {
            case Bundle bundle:
                int i = 0;
                foreach (Bundle.EntryComponent entry in bundle.Entry)
                {
                    string location = $"Bundle.entry[{i++}]";
                    if (entry.Resource is Observation observation)
                    {
                        Read(observation, location + ".resource", days, context);
                    }
                    else
                    {
                        context.Skip(location, "resource", $"a {entry.Resource?.TypeName ?? "missing resource"} is not an Observation.");
                    }
                }

                break;
            case Observation single:
                Read(single, "Observation" + (single.Id is { } id ? "/" + id : string.Empty), days, context);
                break;
            default:
                throw new WearableImportException(context.FileName, "resource", "resourceType", $"'{resource.TypeName}' is not an Observation or a Bundle.");
        }

        days.EmitTo(context);
    }

    private static string First(string message)
    {
        int cut = message.IndexOf('\n', StringComparison.Ordinal);
        return cut > 0 ? message[..cut].Trim() : message;
    }

    private static void Read(Observation observation, string location, DayTable days, WearableReadContext context)
    {
        if (observation.Status is ObservationStatus.Cancelled or ObservationStatus.EnteredInError)
        {
            context.Skip(location, "status", $"an Observation with status '{observation.Status}' holds no value to import.");
            return;
        }

        Coding? coding = observation.Code?.Coding.FirstOrDefault(c => c.System is FhirCodes.Loinc or FhirCodes.HealthTwinSystem && Known(c.Code));
        if (coding is null)
        {
            string codes = string.Join(", ", observation.Code?.Coding.Select(c => c.Code) ?? []);
            string reason = observation.Code?.Coding.Any(c => c.Code == FhirCodes.HeartRate) == true
                ? "heart rate 8867-4 is a heart-rate sample, not a resting heart rate (40443-4); not imported."
                : observation.HasMember.Count > 0 && observation.Value is null
                    ? $"a panel ({codes}) has no value of its own; its members are separate Observations."
                    : $"code '{codes}' is not a daily metric HealthTwin imports.";
            context.Skip(location, "code", reason);
            return;
        }

        bool isSleep = coding.Code is FhirCodes.SleepDuration or FhirCodes.TimeInBed or FhirCodes.SleepEfficiency;
        if (!TryDate(observation, isSleep, location, context, out DateOnly date))
        {
            return;
        }

        DayDraft day = days[date];
        switch (coding.Code)
        {
            case FhirCodes.MoodScore or FhirCodes.EnergyScore:
                if (observation.Value is not Integer { Value: { } rating } || rating is < 1 or > 5)
                {
                    context.Skip(location, "valueInteger", "a rating must be an integer 1–5.");
                    return;
                }

                if (coding.Code == FhirCodes.MoodScore)
                {
                    day.MoodScore = rating;
                }
                else
                {
                    day.EnergyScore = rating;
                }

                return;
            case FhirCodes.Notes:
                if (observation.Value is FhirString { Value: { } note })
                {
                    day.Notes = note;
                }
                else
                {
                    context.Skip(location, "valueString", "a note must be a string.");
                }

                return;
        }

        if (observation.Value is not Quantity { Value: { } raw } quantity)
        {
            context.Skip(location, "valueQuantity", "the Observation has no valueQuantity with a value.");
            return;
        }

        string unit = quantity.Code ?? quantity.Unit ?? string.Empty;
        double value = double.Parse(raw.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        switch (coding.Code)
        {
            case FhirCodes.RestingHeartRate when Unit(unit, location, context, "/min", ("/min", 1), ("{beats}/min", 1), ("beats/minute", 1), ("bpm", 1)) is { } f:
                Set(value * f, 20, 250, "/min", location, context, v => day.RestingHr = v);
                break;
            case FhirCodes.Steps when Unit(unit, location, context, "{steps}", ("{steps}", 1), ("{step}", 1), ("steps", 1), ("1", 1), ("{count}", 1)) is { } f:
                Set(value * f, 0, 1_000_000, "{steps}", location, context, v => day.Steps = (int)Math.Round(v));
                break;
            case FhirCodes.HrvSdnn or FhirCodes.HrvRmssd when Unit(unit, location, context, "ms", ("ms", 1), ("s", 1000)) is { } f:
                Set(value * f, double.Epsilon, 1000, "ms", location, context, v =>
                {
                    day.Hrv = v;
                    day.HrvMethod = coding.Code == FhirCodes.HrvSdnn ? HrvMethod.Sdnn : HrvMethod.Rmssd;
                });
                break;
            case FhirCodes.SleepDuration or FhirCodes.TimeInBed when Unit(unit, location, context, "h", ("h", 1), ("min", 1 / 60d), ("s", 1 / 3600d)) is { } f:
                Set(value * f, 0, 24, "h", location, context, v =>
                {
                    if (coding.Code == FhirCodes.SleepDuration)
                    {
                        day.SleepHours = v;
                    }
                    else
                    {
                        day.TimeInBedHours = v;
                    }
                });
                break;
            case FhirCodes.SleepEfficiency when Unit(unit, location, context, "%", ("%", 1)) is { } f:
                Set(value * f, 0, 100, "%", location, context, v => day.SleepEfficiency = v);
                break;
            case FhirCodes.WorkoutMinutes when Unit(unit, location, context, "min", ("min", 1), ("h", 60), ("s", 1 / 60d)) is { } f:
                Set(value * f, 0, 1440, "min", location, context, v => day.WorkoutMinutes = v);
                break;
            case FhirCodes.TrainingLoad or FhirCodes.StressScore when Unit(unit, location, context, "{score}", ("{score}", 1), ("1", 1)) is { } f:
                Set(value * f, 0, 100, "{score}", location, context, v =>
                {
                    if (coding.Code == FhirCodes.TrainingLoad)
                    {
                        day.TrainingLoad = v;
                    }
                    else
                    {
                        day.StressScore = v;
                    }
                });
                break;
        }
    }

    private static bool Known(string? code) => code is FhirCodes.RestingHeartRate or FhirCodes.Steps or FhirCodes.HrvSdnn or FhirCodes.SleepDuration
        or FhirCodes.HrvRmssd or FhirCodes.TimeInBed or FhirCodes.SleepEfficiency or FhirCodes.WorkoutMinutes or FhirCodes.TrainingLoad
        or FhirCodes.StressScore or FhirCodes.MoodScore or FhirCodes.EnergyScore or FhirCodes.Notes;

    private static double? Unit(string unit, string location, WearableReadContext context, string expected, params (string Code, double Factor)[] allowed)
    {
        foreach ((string code, double factor) in allowed)
        {
            if (string.Equals(unit, code, StringComparison.Ordinal))
            {
                return factor;
            }
        }

        context.Skip(location, "valueQuantity.code", $"unit '{Values.Printable(unit)}' is not '{expected}' (UCUM) or a convertible unit.");
        return null;
    }

    private static void Set(double value, double min, double max, string unit, string location, WearableReadContext context, Action<double> set)
    {
        if (Values.InRange(value, min, max, unit, out double? ok, out string? reason))
        {
            set(ok!.Value);
        }
        else
        {
            context.Skip(location, "valueQuantity.value", reason!);
        }
    }

    private static bool TryDate(Observation observation, bool isSleep, string location, WearableReadContext context, out DateOnly date)
    {
        date = default;
        string? text = observation.Effective switch
        {
            FhirDateTime dt => dt.Value,
            Period p => isSleep ? p.End ?? p.Start : p.Start ?? p.End,
            Instant i => i.Value?.ToString("o", CultureInfo.InvariantCulture),
            _ => null,
        };
        if (text is null)
        {
            context.Skip(location, "effective[x]", "the Observation has no effectiveDateTime or effectivePeriod, so it has no day.");
            return false;
        }

        if (text.Length == 10 && JsonFields.TryDate(text, out date))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset instant))
        {
            context.Skip(location, "effective[x]", $"'{Values.Printable(text)}' is not a FHIR date or dateTime with a day.");
            return false;
        }

        date = isSleep && observation.Effective is Period ? context.WakeDateOf(instant) : context.DateOf(instant);
        return true;
    }
}

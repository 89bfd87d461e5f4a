using HealthTwin.Agents.Model;
using HealthTwin.Import.Fhir;
using HealthTwin.Import.OpenMHealth;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.Merging;

public sealed class RoundTripTests
{
    private static readonly DateTimeOffset ExportedAt = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Days with awkward values: full-precision doubles, both HRV methods, partial days, self-report and notes.</summary>
    public static TheoryData<string?> Zones => new() { null, "Europe/Berlin", "America/Los_Angeles", "Pacific/Auckland" };

    private static IReadOnlyList<DailyMetrics> Days() =>
    [
        new()
        {
            Date = new DateOnly(2024, 3, 30), SleepHours = 31380 / 3600d, TimeInBedHours = 35673 / 3600d, SleepEfficiency = 88, Hrv = 45.9626,
            HrvMethod = HrvMethod.Sdnn, RestingHr = 53.5, Steps = 12345, WorkoutMinutes = 55.46542123357455, TrainingLoad = 6.7 / 21 * 100,
            StressScore = 24, MoodScore = 4, EnergyScore = 2, Notes = "slept badly; \"noisy\" street ✓",
        },
        new() { Date = new DateOnly(2024, 3, 31), SleepHours = 7.1, Hrv = 38.2, HrvMethod = HrvMethod.Sdnn },
        new() { Date = new DateOnly(2024, 4, 1), Steps = 0, WorkoutMinutes = 0.1 + 0.2 },
        new() { Date = new DateOnly(2024, 4, 2), SleepEfficiency = 91.3, TrainingLoad = 100 },
        new() { Date = new DateOnly(2024, 4, 3), MoodScore = 1 },
    ];

    [Theory]
    [MemberData(nameof(Zones))]
    public async Task OpenMHealth_ExportThenImport_SameDays(string? zone)
    {
        using var buffer = new MemoryStream();
        await OpenMHealthExporter.WriteAsync(buffer, Days(), zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone), ExportedAt);

        WearableImportResult result = await Importers.Create().ImportAsync(
            Sample.FromBytes("days.omh.json", buffer.ToArray()), new WearableImportRequest { TimeZone = zone });

        result.Files.Should().ContainSingle().Which.Format.Should().Be(WearableFormat.OpenMHealth);
        result.Skipped.Should().BeEmpty();
        result.Days.Should().Equal(Days());
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public async Task Fhir_ExportThenImport_SameDays(string? zone)
    {
        using var buffer = new MemoryStream();
        await FhirExporter.WriteAsync(buffer, Days(), "Patient/example");

        WearableImportResult result = await Importers.Create().ImportAsync(
            Sample.FromBytes("days.fhir.json", buffer.ToArray()), new WearableImportRequest { TimeZone = zone });

        result.Files.Should().ContainSingle().Which.Format.Should().Be(WearableFormat.FhirR4);
        result.Skipped.Should().BeEmpty();
        result.Days.Should().Equal(Days());
    }

    [Fact]
    public void Fhir_Bundle_UsesLoincAndUcum()
    {
        var bundle = FhirExporter.CreateBundle(Days().Take(1));

        Dictionary<string, Hl7.Fhir.Model.Observation> codes = bundle.Entry
            .Select(e => e.Resource).OfType<Hl7.Fhir.Model.Observation>()
            .ToDictionary(o => o.Code.Coding[0].Code!);
        Unit(codes[FhirCodes.RestingHeartRate]).Should().Be("/min");
        codes[FhirCodes.RestingHeartRate].Code.Coding[0].System.Should().Be("http://loinc.org");
        Unit(codes[FhirCodes.Steps]).Should().Be("{steps}");
        Unit(codes[FhirCodes.HrvSdnn]).Should().Be("ms");
        Unit(codes[FhirCodes.SleepDuration]).Should().Be("h");
        codes[FhirCodes.Steps].Effective.Should().BeOfType<Hl7.Fhir.Model.FhirDateTime>().Which.Value.Should().Be("2024-03-30");
        codes[FhirCodes.Steps].Subject.Should().BeNull();
    }

    private static string? Unit(Hl7.Fhir.Model.Observation observation) => observation.Value.Should().BeOfType<Hl7.Fhir.Model.Quantity>().Which.Code;
}

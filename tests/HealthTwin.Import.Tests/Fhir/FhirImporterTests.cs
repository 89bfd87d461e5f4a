using HealthTwin.Agents.Model;
using HealthTwin.Import.Fhir;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.Fhir;

public sealed class FhirImporterTests
{
    private readonly FhirImporter importer = new();

    [Fact]
    public async Task ReadAsync_HeartRateExample_SkippedBecauseASampleIsNotRestingHeartRate()
    {
        // observation-example-heart-rate.json: LOINC 8867-4, 44 /min on 1999-07-02.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.FhirHeartRate);

        read.Days.Should().BeEmpty();
        SkippedRecord skipped = read.Skipped.Should().ContainSingle().Subject;
        skipped.Location.Should().Be("Observation/heart-rate");
        skipped.Field.Should().Be("code");
        skipped.Reason.Should().Contain("not a resting heart rate");
    }

    [Fact]
    public async Task ReadAsync_VitalSignsPanel_SkippedAsAPanelWithoutValue()
    {
        WearableReadContext read = await Read.SampleAsync(importer, Sample.FhirVitalsPanel);

        read.Days.Should().BeEmpty();
        read.Skipped.Should().ContainSingle().Which.Reason.Should().Contain("panel");
    }

    [Fact]
    public async Task ReadAsync_BundleOfLoincObservations_ValuesUnitsAndDates()
    {
        string bundle = """
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"40443-4"}]},"effectiveDateTime":"2024-03-01","valueQuantity":{"value":52,"unit":"beats/minute","system":"http://unitsofmeasure.org","code":"/min"}}},
              {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"55423-8"}]},"effectiveDateTime":"2024-03-01","valueQuantity":{"value":8012,"unit":"steps","system":"http://unitsofmeasure.org","code":"{steps}"}}},
              {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"80404-7"}]},"effectiveDateTime":"2024-03-01T07:10:00+01:00","valueQuantity":{"value":0.048,"unit":"s","system":"http://unitsofmeasure.org","code":"s"}}},
              {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"93832-4"}]},"effectivePeriod":{"start":"2024-02-29T23:00:00+01:00","end":"2024-03-01T06:30:00+01:00"},"valueQuantity":{"value":420,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}}},
              {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"40443-4"}]},"effectiveDateTime":"2024-03-02","valueQuantity":{"value":52,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}},
              {"resource":{"resourceType":"Patient","id":"p"}}
            ]}
            """;

        WearableReadContext read = await Read.TextAsync(importer, "bundle.json", bundle, "Europe/Paris");

        ImportedDay day = read.Days.Should().ContainSingle().Subject;
        day.Date.Should().Be(new DateOnly(2024, 3, 1));
        day.RestingHr.Should().Be(52);
        day.Steps.Should().Be(8012);
        day.Hrv.Should().Be(48);
        day.HrvMethod.Should().Be(HrvMethod.Sdnn);
        day.SleepHours.Should().Be(7);
        read.Skipped.Select(s => (s.Location, s.Field)).Should().Equal(
            ("Bundle.entry[4].resource", "valueQuantity.code"),
            ("Bundle.entry[5]", "resource"));
        read.Skipped[0].Reason.Should().Be("unit 'kg' is not '/min' (UCUM) or a convertible unit.");
    }

    [Fact]
    public async Task ReadAsync_NotFhir_ImportError()
    {
        Func<Task> act = () => Read.TextAsync(importer, "x.json", """{"resourceType":"Observation","status":"final","code":{"coding":[{"code":1}]},"valueQuantity":"abc"}""");

        (await act.Should().ThrowAsync<WearableImportException>()).Which.File.Should().Be("x.json");
    }
}

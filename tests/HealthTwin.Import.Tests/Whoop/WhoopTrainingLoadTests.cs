using HealthTwin.Agents;
using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Import.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Import.Tests.Whoop;

/// <summary>
/// The training-load markers on a real WHOOP export (physiological_cycles.csv, 51 days, 2024-10-02 to 2024-11-21).
/// Expected values were computed independently from the file's Day Strain column (load = strain ÷ 21 × 100, rounded
/// to 0.1, dated by wake-up) with the formulas of docs/science/training-load.md, not with this library.
/// </summary>
public sealed class WhoopTrainingLoadTests
{
    private readonly WearableImporter importer = Importers.Create();

    [Fact]
    public async Task Compute_RealWhoopCycles_PmcRatioAndMonotonyAsComputedByHand()
    {
        WearableImportResult result = await importer.ImportAsync(Sample.File(Sample.WhoopCycles));

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(result.Days);

        // 2024-11-21 is WHOOP's open cycle: sleep and HRV but no final strain, so the markers end on 2024-11-20.
        result.Days[^1].Date.Should().Be(new DateOnly(2024, 11, 21));
        result.Days[^1].TrainingLoad.Should().BeNull();
        summary.LoadThrough.Should().Be(new DateOnly(2024, 11, 20));
        (summary.SeriesDays, summary.LoadDays, summary.RestDays, summary.UnrecordedDays).Should().Be((50, 50, 0, 0));

        // Fitness from 0 on 2024-10-01 (τ 42): 26.85531; fatigue (τ 7): 35.19785; form = the same day's difference
        // (yesterday is the last load day) −8.34254; ramp = fitness − fitness on 2024-11-13 = 1.17752.
        summary.Fitness.Should().Be(26.855);
        summary.Fatigue.Should().Be(35.198);
        summary.Form.Should().Be(-8.343);
        summary.RampRate.Should().Be(1.178);

        // EWMA with weights renormalised over 50 days: acute 34.61299, chronic 36.84189 → 0.93950: no spike.
        summary.AcuteLoad.Should().Be(34.613);
        summary.ChronicLoad.Should().Be(36.842);
        summary.AcuteChronicRatio.Should().Be(0.94);
        summary.LoadSpike.Should().BeFalse();

        // Week 2024-11-14…20: 27.6, 23.8, 35.2, 27.6, 53.8, 32.4, 31.9 → mean 33.18571 / population SD 9.11646 = 3.64020.
        // WHOOP's Day Strain counts everyday activity, so no day is 0 and monotony runs high (a documented limitation).
        summary.Monotony.Should().Be(3.64);
        summary.Strain.Should().Be(845.618);
        summary.HighMonotony.Should().BeTrue();
    }

    [Fact]
    public async Task Analyze_RealWhoopCycles_NoSpikeCardAndTheRatioAsEvidenceOnly()
    {
        WearableImportResult result = await importer.ImportAsync(Sample.File(Sample.WhoopCycles));
        var factory = new AgentContextFactory(new FakeTimeProvider(new DateTimeOffset(2024, 11, 21, 14, 0, 0, TimeSpan.Zero)), Options.Create(new HealthTwinOptions()));
        AgentContext context = factory.Create("whoop-user", new UserProfile { Age = 30, TimeZone = "America/New_York" }, result.Days);

        AgentOutcome outcome = await new InjuryRiskAgent().AnalyzeWithOutcomeAsync(context, CancellationToken.None);

        outcome.Recommendations.Should().NotContain(r => r.Id.StartsWith("injury-risk:load-spike", StringComparison.Ordinal), "a ratio of 0.94 is no spike");
        outcome.SkippedRules.Should().NotContain(s => s.Rule == InjuryRiskAgent.SpikeRule, "the ratio could be judged");
        context.TrainingLoad.Should().BeSameAs(context.TrainingLoad);
        context.TrainingLoad.AcuteChronicRatio.Should().Be(0.94);
    }

    [Fact]
    public async Task Compute_RealOuraTrends_NoLoadSoTheLoadMarkersAreUnknownNotZero()
    {
        WearableImportResult result = await importer.ImportAsync(Sample.File(Sample.OuraTrends));

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(result.Days);

        result.Days.Should().OnlyContain(d => d.TrainingLoad == null);
        (summary.Fitness, summary.Fatigue, summary.Form, summary.AcuteChronicRatio, summary.Monotony).Should().Be((null, null, null, null, null));
        (summary.LoadDays, summary.LoadSpike).Should().Be((0, false));
    }
}

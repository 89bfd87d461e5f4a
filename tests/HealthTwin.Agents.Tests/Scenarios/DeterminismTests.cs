using System.Globalization;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Synthetic;
using static HealthTwin.Agents.Tests.Scenarios.ScenarioRunner;

namespace HealthTwin.Agents.Tests.Scenarios;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MachineSettingsGroup
{
    public const string Name = "Machine settings";
}

/// <summary>The same scenario and clock give byte-identical JSON: across runs, machine time zones and cultures. The user's zone does matter.</summary>
[Collection(MachineSettingsGroup.Name)]
public sealed class DeterminismTests
{
    public static TheoryData<SyntheticScenario> Scenarios => new(Enum.GetValues<SyntheticScenario>());

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Analyze_SameScenarioAndClockTwice_IdenticalJson(SyntheticScenario scenario)
    {
        string first = HealthTwinJson.Serialize((await RunAsync(scenario)).Analysis);
        string second = HealthTwinJson.Serialize((await RunAsync(scenario)).Analysis);

        second.Should().Be(first);
        first.Should().Contain("\"analyzedAt\":\"2025-03-14T12:00:00+00:00\"");
    }

    [Fact]
    public async Task Analyze_DifferentMachineTimeZones_IdenticalJson()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The TZ variable only selects the local zone on Unix; CI runs on Linux.
        }

        string? original = Environment.GetEnvironmentVariable("TZ");
        try
        {
            var outputs = new List<string>();
            var offsets = new List<TimeSpan>();
            foreach (string zone in new[] { "Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kolkata" })
            {
                Environment.SetEnvironmentVariable("TZ", zone);
                TimeZoneInfo.ClearCachedData();
                offsets.Add(TimeZoneInfo.Local.GetUtcOffset(Noon));
                outputs.Add(await AnalyzeAllAsync(new DateTimeOffset(2025, 3, 14, 20, 30, 0, TimeSpan.Zero)));
            }

            offsets.Should().OnlyHaveUniqueItems("the machine zone really changed between the runs");
            outputs.Should().AllBe(outputs[0]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", original);
            TimeZoneInfo.ClearCachedData();
        }
    }

    [Fact]
    public async Task Analyze_DifferentCurrentCultures_IdenticalJson()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        try
        {
            var outputs = new List<string>();
            foreach (string culture in new[] { "de-DE", "en-US", "ar-SA", "" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                outputs.Add(await AnalyzeAllAsync(Noon));
            }

            outputs.Should().AllBe(outputs[0]);
            outputs[0].Should().Contain("sleep debt 1.1 h").And.NotContain("1,1 h");
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public async Task Analyze_SameInstantDifferentUserTimeZone_LocalTimeRulesChange()
    {
        // 12:00 UTC: afternoon in London, 21:00 in Tokyo (bedroom reminder and pre-sleep breathing hours).
        (AgentAnalysis london, _) = await RunAsync(SyntheticScenario.SickDay, profile: p => p with { TimeZone = "Europe/London" });
        (AgentAnalysis tokyo, AgentContext tokyoContext) = await RunAsync(SyntheticScenario.SickDay, profile: p => p with { TimeZone = "Asia/Tokyo" });

        tokyoContext.LocalHour.Should().Be(21);
        Has(london, "sleep-environment", "bedroom-reminder").Should().BeFalse();
        Has(tokyo, "sleep-environment", "bedroom-reminder").Should().BeTrue();
        Has(london, "breathing-coach", "sleep-breathing").Should().BeFalse();
        Has(tokyo, "breathing-coach", "sleep-breathing").Should().BeTrue();
        HealthTwinJson.Serialize(tokyo).Should().NotBe(HealthTwinJson.Serialize(london));
    }

    private static async Task<string> AnalyzeAllAsync(DateTimeOffset now)
    {
        var json = new System.Text.StringBuilder();
        foreach (SyntheticScenario scenario in Enum.GetValues<SyntheticScenario>())
        {
            foreach (string zone in new[] { "UTC", "Europe/Berlin", "America/New_York" })
            {
                json.AppendLine(HealthTwinJson.Serialize((await RunAsync(scenario, now: now, profile: p => p with { TimeZone = zone })).Analysis));
            }
        }

        return json.ToString();
    }
}

using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Tests.Rules;

/// <summary>The rule options: defaults, binding from a real host's appsettings, validation and the per-analysis snapshot.</summary>
public sealed class RuleOptionsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("healthtwin-rules-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Defaults_AreTheEvidenceBasedPreset()
    {
        var options = new HealthTwinOptions();

        options.Rules.Preset.Should().Be(RulePreset.EvidenceBased);
        options.Rules.IsOriginalApp.Should().BeFalse();
        RuleOptions.OriginalApp().IsOriginalApp.Should().BeTrue();
        options.Validate().Should().BeEmpty();
    }

    [Fact]
    public void AddHealthTwin_AppsettingsRulesSection_BindsPresetAndNestedSettings()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """
            { "HealthTwin": { "Rules": { "Preset": "OriginalApp", "Baselines": { "CalibrationDays": 21 }, "Sleep": { "NeedHours": 8.5 }, "TrainingLoad": { "FitnessTimeConstantDays": 28 }, "Burnout": { "TrendMinimumDays": 10 } } } }
            """);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Services.AddHealthTwin();
        using IHost host = builder.Build();

        RuleOptions rules = host.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value.Rules;

        rules.Preset.Should().Be(RulePreset.OriginalApp);
        rules.Baselines.CalibrationDays.Should().Be(21);
        rules.Sleep.NeedHours.Should().Be(8.5);
        rules.TrainingLoad.FitnessTimeConstantDays.Should().Be(28);
        rules.Burnout.TrendMinimumDays.Should().Be(10);
    }

    [Fact]
    public void Validate_OutOfRangeSettings_NameTheConfigurationKeyValueAndRange()
    {
        var rules = new RuleOptions { Preset = (RulePreset)7 };
        rules.Baselines.CalibrationDays = 2;
        rules.Sleep.NeedHours = double.NaN;
        rules.TrainingLoad.FatigueTimeConstantDays = 15;
        rules.Burnout.TrendMinimumDays = 29;

        rules.Validate().Should().BeEquivalentTo(new MetricsValidationError[]
        {
            new("HealthTwin:Rules:Preset", "7", "EvidenceBased or OriginalApp"),
            new("HealthTwin:Rules:Baselines:CalibrationDays", "2", "3–60 days"),
            new("HealthTwin:Rules:Sleep:NeedHours", "NaN", "4–12 h"),
            new("HealthTwin:Rules:TrainingLoad:FatigueTimeConstantDays", "15", "2–14 days"),
            new("HealthTwin:Rules:Burnout:TrendMinimumDays", "29", "3–28 days"),
        });
    }

    [Fact]
    public void Create_OptionsChangedAfterwards_ContextKeepsItsSnapshot()
    {
        var options = new HealthTwinOptions();
        var factory = new AgentContextFactory(TimeProvider.System, Options.Create(options));
        options.Rules.Preset = RulePreset.OriginalApp;
        options.Rules.Baselines.CalibrationDays = 30;

        AgentContext context = factory.Create("user-1", new UserProfile { Name = "A" }, [new DailyMetrics { Date = new DateOnly(2025, 1, 1), Steps = 1000 }]);

        context.Rules.Preset.Should().Be(RulePreset.EvidenceBased);
        context.Rules.Baselines.CalibrationDays.Should().Be(14);
    }
}

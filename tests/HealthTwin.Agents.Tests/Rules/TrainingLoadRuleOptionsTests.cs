using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Tests.Rules;

/// <summary>The training load settings: defaults, ranges at their boundaries, cross-checks and binding from appsettings.</summary>
public sealed class TrainingLoadRuleOptionsTests : IDisposable
{
    private const string Key = "HealthTwin:Rules:TrainingLoad:";
    private readonly string _root = Directory.CreateTempSubdirectory("healthtwin-load-rules-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Defaults_PublishedValuesAndValid()
    {
        var options = new TrainingLoadRuleOptions();

        (options.FitnessTimeConstantDays, options.FatigueTimeConstantDays, options.AcuteWindowDays, options.ChronicWindowDays).Should().Be((42, 7, 7, 28));
        (options.SpikeRatioAbove, options.HighMonotonyAbove, options.MonotonyCap, options.WindowDays).Should().Be((1.5, 2.0, 10.0, 200));
        options.DayWithoutLoad.Should().Be(DayWithoutLoadTreatment.RestDay);
        options.WorkoutMinutesRiseAbovePercent.Should().Be(20);
        options.Validate().Should().BeEmpty();
    }

    public static TheoryData<string, Action<TrainingLoadRuleOptions>, string?, string?> Boundaries => new()
    {
        { "AcuteWindowDays", o => o.AcuteWindowDays = 2, "2", "3–14 days" },
        { "AcuteWindowDays", o => o.AcuteWindowDays = 3, null, null },
        { "AcuteWindowDays", o => o.AcuteWindowDays = 15, "15", "3–14 days" },
        { "ChronicWindowDays", o => o.ChronicWindowDays = 13, "13", "14–56 days" },
        { "ChronicWindowDays", o => (o.ChronicWindowDays, o.WindowDays) = (56, 392), null, null },
        { "WindowDays", o => o.ChronicWindowDays = 56, "200", "392–1000 days (at least 60, 4 × FitnessTimeConstantDays and 7 × ChronicWindowDays)" },
        { "ChronicWindowDays", o => (o.AcuteWindowDays, o.ChronicWindowDays) = (10, 19), "19", "20–56 days" },
        { "ChronicWindowDays", o => (o.AcuteWindowDays, o.ChronicWindowDays) = (10, 20), null, null },
        { "SpikeRatioAbove", o => o.SpikeRatioAbove = 1.09, "1.09", "1.1–3" },
        { "SpikeRatioAbove", o => o.SpikeRatioAbove = 3, null, null },
        { "SpikeRatioAbove", o => o.SpikeRatioAbove = double.NaN, "NaN", "1.1–3" },
        { "HighMonotonyAbove", o => o.HighMonotonyAbove = 5.1, "5.1", "1.2–5" },
        { "MonotonyCap", o => o.MonotonyCap = 2, "2", "2–100 and above HighMonotonyAbove" },
        { "MonotonyCap", o => o.MonotonyCap = 2.01, null, null },
        { "MonotonyCap", o => o.MonotonyCap = 100.5, "100.5", "2–100 and above HighMonotonyAbove" },
        { "WindowDays", o => o.WindowDays = 195, "195", "196–1000 days (at least 60, 4 × FitnessTimeConstantDays and 7 × ChronicWindowDays)" },
        { "WindowDays", o => o.WindowDays = 196, null, null },
        { "WindowDays", o => (o.FitnessTimeConstantDays, o.WindowDays) = (90, 359), "359", "360–1000 days (at least 60, 4 × FitnessTimeConstantDays and 7 × ChronicWindowDays)" },
        { "WindowDays", o => (o.FitnessTimeConstantDays, o.WindowDays) = (90, 360), null, null },
        { "WindowDays", o => o.WindowDays = 1001, "1001", "196–1000 days (at least 60, 4 × FitnessTimeConstantDays and 7 × ChronicWindowDays)" },
        { "DayWithoutLoad", o => o.DayWithoutLoad = (DayWithoutLoadTreatment)5, "5", "RestDay or Unknown" },
        { "WorkoutMinutesRiseAbovePercent", o => o.WorkoutMinutesRiseAbovePercent = 4.9, "4.9", "5–200 %" },
        { "WorkoutMinutesRiseAbovePercent", o => o.WorkoutMinutesRiseAbovePercent = 200, null, null },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Validate_SettingAroundItsRange_ErrorNamesKeyValueAndRange(string name, Action<TrainingLoadRuleOptions> change, string? value, string? range)
    {
        var options = new TrainingLoadRuleOptions();
        change(options);

        IReadOnlyList<MetricsValidationError> errors = options.Validate();

        if (value is null)
        {
            errors.Should().BeEmpty();
        }
        else
        {
            errors.Should().Equal(new MetricsValidationError(Key + name, value, range!));
        }
    }

    [Fact]
    public void AddHealthTwin_AppsettingsTrainingLoadSection_Binds()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """
            { "HealthTwin": { "Rules": { "TrainingLoad": { "DayWithoutLoad": "Unknown", "SpikeRatioAbove": 1.6, "MonotonyCap": 8, "WindowDays": 300, "AcuteWindowDays": 5, "ChronicWindowDays": 21, "WorkoutMinutesRiseAbovePercent": 30 } } } }
            """);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Services.AddHealthTwin();
        using IHost host = builder.Build();

        TrainingLoadRuleOptions options = host.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value.Rules.TrainingLoad;

        options.DayWithoutLoad.Should().Be(DayWithoutLoadTreatment.Unknown);
        (options.SpikeRatioAbove, options.MonotonyCap, options.WindowDays, options.AcuteWindowDays, options.ChronicWindowDays, options.WorkoutMinutesRiseAbovePercent)
            .Should().Be((1.6, 8.0, 300, 5, 21, 30.0));
    }

    [Fact]
    public void AddHealthTwin_InvalidTrainingLoadSetting_HostFailsOnStartNamingTheKey()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """
            { "HealthTwin": { "Rules": { "TrainingLoad": { "SpikeRatioAbove": 0.9 } } } }
            """);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Services.AddHealthTwin();
        using IHost host = builder.Build();

        Action act = () => _ = host.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*HealthTwin:Rules:TrainingLoad:SpikeRatioAbove = 0.9*1.1–3*");
    }

    [Fact]
    public void TrainingLoad_ContextWithUnvalidatedInvalidSettings_ThrowsNamingTheKey()
    {
        var rules = new RuleOptions();
        rules.TrainingLoad.ChronicWindowDays = 3;
        AgentContext context = BuiltIn.RulesTestContext.Create(rules, TestData.History(3));

        Func<object> act = () => context.TrainingLoad;

        act.Should().Throw<ArgumentException>().WithMessage("*HealthTwin:Rules:TrainingLoad:ChronicWindowDays = 3 is outside the allowed range 14–56 days.*");
    }

    [Fact]
    public void Clone_IsIndependent()
    {
        var options = new TrainingLoadRuleOptions();
        TrainingLoadRuleOptions copy = options.Clone();

        options.SpikeRatioAbove = 2;

        copy.SpikeRatioAbove.Should().Be(1.5);
    }
}

using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Tests.Rules;

/// <summary>The baseline settings: defaults, every range at and beyond its bounds, the cross-checks, binding and validation on start.</summary>
public sealed class BaselineRuleOptionsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("healthtwin-baselines-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Defaults_AreThePublishedValues()
    {
        var options = new BaselineRuleOptions();

        options.CalibrationDays.Should().Be(14);
        options.WindowDays.Should().Be(28);
        options.DeviationSd.Should().Be(2);
        options.HrvNormalRangeDays.Should().Be(60);
        options.HrvNormalRangeWidthSd.Should().Be(0.5);
        options.HrvRollingDays.Should().Be(7);
        options.Validate().Should().BeEmpty();
    }

    public static TheoryData<string, double, string?> Ranges => new()
    {
        { "CalibrationDays", 2, "3–60 days" },
        { "CalibrationDays", 3, null },
        { "CalibrationDays", 28, null },
        { "WindowDays", 6, "7–90 days" },
        { "WindowDays", 90, null },
        { "WindowDays", 91, "7–90 days" },
        { "DeviationSd", 0.99, "1–4 SD" },
        { "DeviationSd", 1, null },
        { "DeviationSd", 4, null },
        { "DeviationSd", 4.01, "1–4 SD" },
        { "DeviationSd", double.NaN, "1–4 SD" },
        { "HrvNormalRangeDays", 27, "28–120 days" },
        { "HrvNormalRangeDays", 120, null },
        { "HrvNormalRangeDays", 121, "28–120 days" },
        { "HrvNormalRangeWidthSd", 0.09, "0.1–2 SD" },
        { "HrvNormalRangeWidthSd", 0.1, null },
        { "HrvNormalRangeWidthSd", 2.01, "0.1–2 SD" },
        { "HrvRollingDays", 2, "3–14 days" },
        { "HrvRollingDays", 14, null },
        { "HrvRollingDays", 15, "3–14 days" },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Validate_Ranges_NameKeyValueAndRange(string name, double value, string? range)
    {
        var options = new BaselineRuleOptions();
        switch (name)
        {
            case "CalibrationDays": options.CalibrationDays = (int)value; break;
            case "WindowDays": options.WindowDays = (int)value; break;
            case "DeviationSd": options.DeviationSd = value; break;
            case "HrvNormalRangeDays": options.HrvNormalRangeDays = (int)value; break;
            case "HrvNormalRangeWidthSd": options.HrvNormalRangeWidthSd = value; break;
            default: options.HrvRollingDays = (int)value; break;
        }

        IReadOnlyList<MetricsValidationError> errors = options.Validate();

        if (range is null)
        {
            errors.Should().BeEmpty();
        }
        else
        {
            errors.Should().ContainSingle().Which.Should().Be(new MetricsValidationError(
                "HealthTwin:Rules:Baselines:" + name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), range));
        }
    }

    [Fact]
    public void Validate_CalibrationLongerThanTheWindow_Rejected()
    {
        var options = new BaselineRuleOptions { CalibrationDays = 21, WindowDays = 20 };

        options.Validate().Should().Equal(new MetricsValidationError(
            "HealthTwin:Rules:Baselines:CalibrationDays", "21", "3–20 days (at most HealthTwin:Rules:Baselines:WindowDays)"));
        new BaselineRuleOptions { CalibrationDays = 20, WindowDays = 20 }.Validate().Should().BeEmpty();
    }

    [Fact]
    public void AddHealthTwin_AppsettingsBaselines_BoundAndUsedByTheContext()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """
            { "HealthTwin": { "Rules": { "Baselines": { "CalibrationDays": 7, "WindowDays": 21, "DeviationSd": 2.5, "HrvNormalRangeDays": 45, "HrvNormalRangeWidthSd": 0.75, "HrvRollingDays": 5 } } } }
            """);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Services.AddHealthTwin();
        using IHost host = builder.Build();

        BaselineRuleOptions bound = host.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value.Rules.Baselines;
        AgentContext context = host.Services.GetRequiredService<AgentContextFactory>().Create("u1", TestData.Profile(), TestData.History(8));

        (bound.CalibrationDays, bound.WindowDays, bound.DeviationSd, bound.HrvNormalRangeDays, bound.HrvNormalRangeWidthSd, bound.HrvRollingDays)
            .Should().Be((7, 21, 2.5, 45, 0.75, 5));
        context.Baseline.RequiredDays.Should().Be(7);
        context.Baseline.Hrv.Should().Be(60, "7 previous days meet the configured calibration");
        context.HrvNormalRange.RollingWindowDays.Should().Be(5);
    }

    [Fact]
    public void AddHealthTwin_InvalidBaselines_FailsOnStartNamingTheKey()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """
            { "HealthTwin": { "Rules": { "Baselines": { "DeviationSd": 0 } } } }
            """);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Services.AddHealthTwin();
        using IHost host = builder.Build();

        Action act = () => _ = host.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*HealthTwin:Rules:Baselines:DeviationSd*");
    }
}

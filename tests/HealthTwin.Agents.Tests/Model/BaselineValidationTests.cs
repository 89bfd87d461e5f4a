using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Model;

/// <summary>
/// A host-supplied baseline is validated like the days: NaN, infinity, negative, zero and absurdly small values are
/// rejected with an error naming the field, the value and the allowed range, instead of silently switching every
/// comparison off or printing "5.2e302 %".
/// </summary>
public sealed class BaselineValidationTests
{
    private static AgentContext Create(Baseline baseline, RuleOptions? rules = null, int days = 3) =>
        new AgentContextFactory(new FakeTimeProvider(BuiltIn.AgentTestContext.Noon), Options.Create(new HealthTwinOptions { Rules = rules ?? new RuleOptions() }))
            .Create("u1", TestData.Profile(), TestData.History(days), new AgentContextOptions { Baseline = baseline });

    public static TheoryData<string, double, string, string> BadValues => new()
    {
        { "hrv", double.NaN, "NaN", "1–1000 ms" },
        { "hrv", double.PositiveInfinity, "Infinity", "1–1000 ms" },
        { "hrv", -60, "-60", "1–1000 ms" },
        { "hrv", 0, "0", "1–1000 ms" },
        { "hrv", 5e-302, "5E-302", "1–1000 ms" },
        { "hrv", 0.99, "0.99", "1–1000 ms" },
        { "hrv", 1000.1, "1000.1", "1–1000 ms" },
        { "restingHr", 19.9, "19.9", "20–250 bpm" },
        { "restingHr", double.NegativeInfinity, "-Infinity", "20–250 bpm" },
        { "restingHr", 250.5, "250.5", "20–250 bpm" },
        { "sleepHours", 0, "0", "1–24 h" },
        { "sleepHours", 1e-300, "1E-300", "1–24 h" },
        { "sleepHours", 24.01, "24.01", "1–24 h" },
        { "sleepEfficiency", 0.5, "0.5", "1–100 %" },
        { "sleepEfficiency", 101, "101", "1–100 %" },
        { "stressScore", 0, "0", "1–100" },
        { "stressScore", double.NaN, "NaN", "1–100" },
        { "hrvLnSd", -0.1, "-0.1", "0–2 (natural-log units)" },
        { "hrvLnSd", 2.5, "2.5", "0–2 (natural-log units)" },
        { "restingHrSd", double.NaN, "NaN", "0–50 bpm" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Create_HostBaselineOutOfRange_ThrowsNamingFieldValueAndRange(string field, double value, string shown, string range)
    {
        Baseline baseline = With(TestData.Baseline(), field, value);

        foreach (RuleOptions rules in new[] { new RuleOptions(), RuleOptions.OriginalApp() })
        {
            Action act = () => Create(baseline, rules);

            HealthDataValidationException error = act.Should().Throw<HealthDataValidationException>().Which;
            error.Errors.Should().Equal(new MetricsValidationError("baseline." + field, shown, range));
            error.ParamName.Should().Be("baseline." + field);
            error.Message.Should().StartWith($"baseline.{field} = {shown} is outside the allowed range {range}.");
        }
    }

    [Theory]
    [InlineData("hrv", 1)]
    [InlineData("hrv", 1000)]
    [InlineData("restingHr", 20)]
    [InlineData("restingHr", 250)]
    [InlineData("sleepHours", 1)]
    [InlineData("sleepHours", 24)]
    [InlineData("sleepEfficiency", 100)]
    [InlineData("stressScore", 1)]
    [InlineData("hrvLnSd", 0)]
    [InlineData("restingHrSd", 50)]
    public void Create_HostBaselineAtTheBounds_Accepted(string field, double value)
    {
        Baseline baseline = With(TestData.Baseline(), field, value);

        Create(baseline, RuleOptions.OriginalApp()).Baseline.Should().BeSameAs(baseline);
    }

    [Fact]
    public void Create_SeveralBadFieldsAndABadDay_AllReportedTogether()
    {
        var baseline = new Baseline { Hrv = double.NaN, HrvMethod = (HrvMethod)9, SleepHours = -1, HrvDays = -2 };
        List<DailyMetrics> history = TestData.History(3, (d, i) => i == 0 ? d with { RestingHr = 300 } : d);

        Action act = () => new AgentContextFactory().Create("u1", TestData.Profile(), history, new AgentContextOptions { Baseline = baseline });

        act.Should().Throw<HealthDataValidationException>().Which.Errors.Select(e => e.Field)
            .Should().Equal("baseline.hrv", "baseline.hrvMethod", "baseline.sleepHours", "baseline.hrvDays", "2025-03-12.restingHr");
    }

    [Fact]
    public void Validate_UnknownValues_AreValid()
    {
        Baseline.Unknown.Validate().Should().BeEmpty();
        TestData.Baseline().Validate().Should().BeEmpty();
    }

    [Fact]
    public void Create_EvidencePresetHostBaselineWithoutSpreads_SpreadsFromThePreviousDays()
    {
        // 20 days of TestData: HRV a steady 60 ms and resting HR 60 bpm: spreads 0. The host's means stay as given.
        Baseline host = TestData.Baseline(hrv: 70, restingHr: 55);

        AgentContext context = Create(host, days: 20);

        context.Baseline.Hrv.Should().Be(70);
        context.Baseline.RestingHr.Should().Be(55);
        context.Baseline.HrvLnSd.Should().Be(0);
        context.Baseline.RestingHrSd.Should().Be(0);
    }

    [Fact]
    public void Create_EvidencePresetHostBaselineWithSpreads_UsedAsGiven()
    {
        Baseline host = TestData.Baseline() with { HrvLnSd = 0.15, RestingHrSd = 2.5 };

        Create(host, days: 20).Baseline.Should().BeSameAs(host);
    }

    private static Baseline With(Baseline baseline, string field, double value) => field switch
    {
        "hrv" => baseline with { Hrv = value },
        "restingHr" => baseline with { RestingHr = value },
        "sleepHours" => baseline with { SleepHours = value },
        "sleepEfficiency" => baseline with { SleepEfficiency = value },
        "stressScore" => baseline with { StressScore = value },
        "hrvLnSd" => baseline with { HrvLnSd = value },
        "restingHrSd" => baseline with { RestingHrSd = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field"),
    };
}

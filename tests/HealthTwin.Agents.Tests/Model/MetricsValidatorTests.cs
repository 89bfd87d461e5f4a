using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests.Model;

public class MetricsValidatorTests
{
    public static TheoryData<string, Func<DailyMetrics, DailyMetrics>, string> OutOfRange => new()
    {
        { "sleepHours", d => d with { SleepHours = -0.1 }, "0–24 h" },
        { "sleepHours", d => d with { SleepHours = 24.01 }, "0–24 h" },
        { "sleepHours", d => d with { SleepHours = double.NaN }, "0–24 h" },
        { "sleepEfficiency", d => d with { SleepEfficiency = 100.5 }, "0–100 %" },
        { "hrv", d => d with { Hrv = 0 }, "greater than 0" },
        { "hrv", d => d with { Hrv = double.PositiveInfinity }, "greater than 0" },
        { "restingHr", d => d with { RestingHr = 19.9 }, "20–250 bpm" },
        { "restingHr", d => d with { RestingHr = 250.1 }, "20–250 bpm" },
        { "steps", d => d with { Steps = -1 }, "0 or more" },
        { "workoutMinutes", d => d with { WorkoutMinutes = 1441 }, "0–1440 min" },
        { "trainingLoad", d => d with { TrainingLoad = 101 }, "0–100" },
        { "stressScore", d => d with { StressScore = -1 }, "0–100" },
        { "moodScore", d => d with { MoodScore = 0 }, "1–5" },
        { "energyScore", d => d with { EnergyScore = 6 }, "1–5" },
        { "hrvMethod", d => d with { HrvMethod = (HrvMethod)7 }, "rmssd or sdnn" },
        { "notes", d => d with { Notes = new string('x', MetricsValidator.MaxNotesLength + 1) }, "at most 2000 characters" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_ValueOutOfRange_NamesFieldValueAndRange(string field, Func<DailyMetrics, DailyMetrics> change, string range)
    {
        IReadOnlyList<MetricsValidationError> errors = MetricsValidator.Validate(change(TestData.Day()));

        errors.Should().ContainSingle();
        errors[0].Field.Should().Be(field);
        errors[0].AllowedRange.Should().Contain(range);
        errors[0].ToString().Should().Contain(field).And.Contain("outside the allowed range");
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void ValidateHistory_ValueOutOfRange_IsRejectedByTheFastPathToo(string field, Func<DailyMetrics, DailyMetrics> change, string range)
    {
        IReadOnlyList<MetricsValidationError> errors = MetricsValidator.ValidateHistory([change(TestData.Day())]);

        errors.Should().ContainSingle().Which.Field.Should().Be("2025-03-14." + field);
        errors[0].AllowedRange.Should().Contain(range);
    }

    [Fact]
    public void Validate_ValuesAtTheEdgesOfTheirRanges_IsValid()
    {
        DailyMetrics low = TestData.Day() with { SleepHours = 0, SleepEfficiency = 0, Hrv = 0.1, RestingHr = 20, Steps = 0, WorkoutMinutes = 0, TrainingLoad = 0, StressScore = 0, MoodScore = 1, EnergyScore = 1 };
        DailyMetrics high = TestData.Day() with { SleepHours = 24, SleepEfficiency = 100, Hrv = 1000, RestingHr = 250, WorkoutMinutes = 1440, TrainingLoad = 100, StressScore = 100, MoodScore = 5, EnergyScore = 5 };

        MetricsValidator.Validate(low).Should().BeEmpty();
        MetricsValidator.Validate(high).Should().BeEmpty();
        MetricsValidator.ValidateHistory([low, high with { Date = low.Date.AddDays(1) }]).Should().BeEmpty();
    }

    [Fact]
    public void EnsureValid_InvalidDay_ThrowsArgumentExceptionNamingTheField()
    {
        Action act = () => MetricsValidator.EnsureValid(TestData.Day() with { RestingHr = 300 });

        act.Should().Throw<HealthDataValidationException>()
            .Which.Should().BeAssignableTo<ArgumentException>()
            .Which.ParamName.Should().Be("restingHr");
        act.Should().Throw<HealthDataValidationException>().WithMessage("*restingHr = 300*20–250 bpm*");
    }

    [Fact]
    public void ValidateHistory_DuplicateDate_ReportsTheDate()
    {
        List<DailyMetrics> history = [TestData.Day(), TestData.Day()];

        IReadOnlyList<MetricsValidationError> errors = MetricsValidator.ValidateHistory(history);

        errors.Should().ContainSingle().Which.Field.Should().Be("2025-03-14.date");
    }

    [Fact]
    public void ValidateHistory_InvalidDay_PrefixesFieldWithDate()
    {
        IReadOnlyList<MetricsValidationError> errors = MetricsValidator.ValidateHistory(TestData.History(3, (d, i) => i == 1 ? d with { Hrv = -5 } : d));

        errors.Should().ContainSingle().Which.Field.Should().Be("2025-03-13.hrv");
    }

    [Theory]
    [InlineData(9, "profile.age")]
    [InlineData(121, "profile.age")]
    public void UserProfileValidate_AgeOutOfRange_NamesField(int age, string field)
    {
        new UserProfile { Age = age }.Validate().Should().ContainSingle().Which.Field.Should().Be(field);
    }

    [Fact]
    public void UserProfileValidate_UnknownTimeZone_NamesField()
    {
        new UserProfile { TimeZone = "Mars/Olympus_Mons" }.Validate().Should().ContainSingle().Which.Field.Should().Be("profile.timeZone");
    }

    [Theory]
    [InlineData(2.9)]
    [InlineData(14.1)]
    public void UserProfileValidate_SleepNeedOutOfRange_NamesField(double need)
    {
        new UserProfile { SleepNeedHours = need }.Validate().Should().ContainSingle().Which.Field.Should().Be("profile.sleepNeedHours");
    }

    [Fact]
    public void AlertThresholdsValidate_OutOfRange_NamesEachField()
    {
        var thresholds = new AlertThresholds { HrvDropPercent = 0, RestingHrIncreasePercent = 101, MinSleepHours = 13, MaxStressScore = 100 };

        thresholds.Validate().Select(e => e.Field).Should().Equal("HealthTwin:Alerts:HrvDropPercent", "HealthTwin:Alerts:RestingHrIncreasePercent", "HealthTwin:Alerts:MinSleepHours", "HealthTwin:Alerts:MaxStressScore");
    }

    [Fact]
    public void RecommendationIdCreate_SameInputs_SameId()
    {
        RecommendationId.Create("sleep", "sleep-debt", TestData.Today).Should().Be("sleep:sleep-debt:2025-03-14")
            .And.Be(RecommendationId.Create("sleep", "sleep-debt", TestData.Today));
    }

    [Fact]
    public void RecommendationIdCreate_ColonInRule_Throws()
    {
        Action act = () => RecommendationId.Create("sleep", "a:b", TestData.Today);

        act.Should().Throw<ArgumentException>().WithParameterName("ruleId");
    }
}

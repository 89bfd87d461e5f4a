using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Agents.Tests.Synthetic;

public sealed class SyntheticHistoryTests
{
    private static readonly DateOnly End = new(2025, 3, 14);

    public static TheoryData<SyntheticScenario> Scenarios => new(Enum.GetValues<SyntheticScenario>());

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Generate_AnyScenario_ConsecutiveDaysEndingAtTheEndDate(SyntheticScenario scenario)
    {
        IReadOnlyList<DailyMetrics> days = SyntheticHistory.Generate(scenario, End, 30);

        days.Should().HaveCount(30);
        days[^1].Date.Should().Be(End);
        days.Select(d => d.Date).Should().Equal(Enumerable.Range(0, 30).Select(i => End.AddDays(i - 29)));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Generate_ManySeedsAndLengths_EveryValueInRange(SyntheticScenario scenario)
    {
        foreach (int days in new[] { 1, 2, 7, 14, 30, 90 })
        {
            for (int seed = -50; seed <= 50; seed++)
            {
                IReadOnlyList<DailyMetrics> history = SyntheticHistory.Generate(scenario, End, days, seed);

                MetricsValidator.ValidateHistory(history).Should().BeEmpty($"{scenario}, {days} days, seed {seed}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Generate_SameInputs_SameValues(SyntheticScenario scenario)
    {
        SyntheticHistory.Generate(scenario, End, 45, 7).Should().Equal(SyntheticHistory.Generate(scenario, End, 45, 7));
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentDetails()
    {
        SyntheticHistory.Generate(SyntheticScenario.WellRecovered, End, 30, 1)
            .Should().NotEqual(SyntheticHistory.Generate(SyntheticScenario.WellRecovered, End, 30, 2));
    }

    [Fact]
    public void Generate_DifferentScenariosSameSeed_DifferentNoise()
    {
        // WellRecovered and SickDay share every mean except today's, so any difference before today is the noise stream.
        IReadOnlyList<DailyMetrics> well = SyntheticHistory.Generate(SyntheticScenario.WellRecovered, End);
        IReadOnlyList<DailyMetrics> sick = SyntheticHistory.Generate(SyntheticScenario.SickDay, End);

        well[0].Should().NotBe(sick[0]);
    }

    [Theory]
    [InlineData(SyntheticScenario.WellRecovered, "5CFBE877A562CC5C9B807F00F94361CA151D9EA281EB4C42381AA60862A6B049")]
    [InlineData(SyntheticScenario.ExamWeekStress, "5A053473FA27AF2815721BF3F18B64306737144F19AF2F0ACB4F09C873067B6A")]
    [InlineData(SyntheticScenario.OverreachingAthlete, "25A8FD76668885FB0BED1CF8898C024D687BE9E85229AE98F954CC369F778D20")]
    [InlineData(SyntheticScenario.ChronicShortSleeper, "659B43DE87307C71F38D7F5438D1351992CC106AD23582FFEDE1386F82989E6B")]
    [InlineData(SyntheticScenario.SickDay, "1780FBC157F413D1B97FF3F141964AEC03DE99F339C933C43B05D9FBC7BF11F9")]
    public void Generate_DefaultSeed_ByteIdenticalToTheRecordedHistory(SyntheticScenario scenario, string sha256)
    {
        // Golden values: the generator must produce the same JSON on every machine and runtime. If this fails after a
        // deliberate change to the generator, update the hashes (and mention it: hosts' demos will change).
        string json = JsonSerializer.Serialize(SyntheticHistory.Generate(scenario, End), HealthTwinJsonContext.Default.IReadOnlyListDailyMetrics);

        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).Should().Be(sha256);
    }

    [Fact]
    public void Generate_SickDayDefaultSeed_RecordedToday()
    {
        string json = JsonSerializer.Serialize(SyntheticHistory.Generate(SyntheticScenario.SickDay, End)[^1], HealthTwinJsonContext.Default.DailyMetrics);

        json.Should().Be("""{"date":"2025-03-14","sleepHours":6.8,"sleepEfficiency":83.4,"hrv":41.7,"restingHr":66.7,"steps":2044,"workoutMinutes":0,"trainingLoad":4.6,"stressScore":57,"moodScore":2,"energyScore":1}""");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(SyntheticHistory.MaxDays + 1)]
    public void Generate_DaysOutOfRange_Throws(int days)
    {
        Action act = () => SyntheticHistory.Generate(SyntheticScenario.WellRecovered, End, days);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(days));
    }

    [Fact]
    public void Generate_UnknownScenario_Throws()
    {
        Action act = () => SyntheticHistory.Generate((SyntheticScenario)99, End);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("scenario");
    }

    [Fact]
    public void Generate_StartBeforeTheFirstDate_Throws()
    {
        Action act = () => SyntheticHistory.Generate(SyntheticScenario.WellRecovered, DateOnly.MinValue.AddDays(5), 10);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("endDate");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void RecommendedProfile_AnyScenario_Valid(SyntheticScenario scenario)
    {
        UserProfile profile = SyntheticHistory.RecommendedProfile(scenario);

        profile.Validate().Should().BeEmpty();
        profile.SleepNeedHours.Should().NotBeNull();
        profile.ExamPhase.Should().Be(scenario == SyntheticScenario.ExamWeekStress);
    }

    [Fact]
    public void SplitMix64_SeedZero_ReferenceSequence()
    {
        var random = new SplitMix64(0);

        random.NextUInt64().Should().Be(0xE220A8397B1DCDAFUL);
        random.NextUInt64().Should().Be(0x6E789E6AA1B965F4UL);
        random.NextUInt64().Should().Be(0x06C45D188009454FUL);
    }

    [Fact]
    public void SplitMix64_Noise_BoundedWithMeanZeroAndUnitSpread()
    {
        var random = new SplitMix64(123);
        double sum = 0, squares = 0;
        const int n = 100_000;
        for (int i = 0; i < n; i++)
        {
            double x = random.NextNoise();
            x.Should().BeInRange(-3.4642, 3.4642);
            sum += x;
            squares += x * x;
        }

        (sum / n).Should().BeApproximately(0, 0.02);
        Math.Sqrt(squares / n).Should().BeApproximately(1, 0.02);
    }
}

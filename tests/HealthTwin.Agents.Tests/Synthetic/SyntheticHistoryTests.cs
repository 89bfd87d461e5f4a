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
    [InlineData(SyntheticScenario.WellRecovered, "44AC6843F5B84A08A2BD8EA3F969D869FE16E885B678699AFC09BEE87213E319")]
    [InlineData(SyntheticScenario.ExamWeekStress, "AECC1C33FFC4F4CDFC93969A99DA3DFE2C918FB5FC61AF0A93277975FA8300D3")]
    [InlineData(SyntheticScenario.OverreachingAthlete, "C4DC5E249B1FB99E7EC3F7390EDE65EBBD40F2FCC21960E0FA31B09E93949CDB")]
    [InlineData(SyntheticScenario.ChronicShortSleeper, "C60357E2645C00872071AC71A1E3FCB673FF9C38519D1E80C3769C3D280DB194")]
    [InlineData(SyntheticScenario.SickDay, "AF4B88E29A11DE244E73C4FCB254DE47C9ABB30313C2AE2C43EC05E6504D6A43")]
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

        json.Should().Be("""{"date":"2025-03-14","sleepHours":6.8,"sleepEfficiency":83.4,"hrv":41.7,"hrvMethod":"rmssd","restingHr":66.7,"steps":2044,"workoutMinutes":0,"trainingLoad":4.6,"stressScore":57,"moodScore":2,"energyScore":1}""");
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

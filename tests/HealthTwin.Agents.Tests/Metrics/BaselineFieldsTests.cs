using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// Every field of a computed baseline, in both presets (issue 16: an efficiency summed with <c>-=</c> survived, since
/// the efficiency and stress baselines were never asserted). Each metric has its own values and its own number of
/// measured days, so a mean, count or spread taken from the wrong metric shows. The comparisons are whole-record
/// (<see cref="Baseline"/> is a record), with the irrational HRV and SD values checked to 1e-8 and then set to the
/// expected ones. Expected values by hand (python3 as a calculator).
/// </summary>
public sealed class BaselineFieldsTests
{
    private static readonly double[] Hrv = [50, 55, 60, 65, 70];
    private static readonly double[] RestingHr = [56, 58, 60, 62, 64];
    private static readonly double[] Sleep = [7, 7.5, 8, 6.5, 8];
    private static readonly double[] Efficiency = [80, 85, 90, 95, 100];
    private static readonly double[] Stress = [20, 30, 40, 50, 60];

    /// <summary>
    /// A day 30 days back (outside the 28-day window, values far off), 20 previous days with the five-day cycles above
    /// (index 0 is 20 days before today), and today (far off, not part of its own evidence-based baseline). Resting HR is
    /// missing on day 2 (a 60); efficiency on days 0, 4, 7 (80, 100, 90); stress on days 0–4 and 7 (20, 30, 40, 50, 60, 40)
    /// and, with <paramref name="stressMissingAlsoOnDay9"/>, on day 9 (a 60) too.
    /// </summary>
    private static List<DailyMetrics> EvidenceHistory(bool stressMissingAlsoOnDay9 = false)
    {
        List<DailyMetrics> history = [new() { Date = TestData.Today.AddDays(-30), Hrv = 200, RestingHr = 90, SleepHours = 3, SleepEfficiency = 50, StressScore = 99 }];
        for (int i = 0; i < 20; i++)
        {
            history.Add(new DailyMetrics
            {
                Date = TestData.Today.AddDays(i - 20),
                Hrv = Hrv[i % 5],
                RestingHr = i == 2 ? null : RestingHr[i % 5],
                SleepHours = Sleep[i % 5],
                SleepEfficiency = i is 0 or 4 or 7 ? null : Efficiency[i % 5],
                StressScore = i is <= 4 or 7 || (stressMissingAlsoOnDay9 && i == 9) ? null : Stress[i % 5],
            });
        }

        history.Add(new DailyMetrics { Date = TestData.Today, Hrv = 30, RestingHr = 80, SleepHours = 4, SleepEfficiency = 60, StressScore = 90 });
        return history;
    }

    [Fact]
    public void Compute_EvidenceDaysWithDifferentGaps_EveryFieldFromItsOwnMetric()
    {
        // HRV: geometric mean of 50 … 70 (×4) = e^(mean ln) = 59.579803725 ms, sample SD of ln 0.122030574 (20 days).
        // Resting HR: 19 days, mean 1140 / 19 = 60, sample SD √(160 / 18) = 2.981423970. Sleep: 20 days, 148 / 20 = 7.4 h.
        // Efficiency: 17 days, (1800 − 270) / 17 = 90 %. Stress: 14 days, (800 − 240) / 14 = 40.
        Baseline baseline = BaselineCalculator.Compute(EvidenceHistory());

        baseline.Hrv.Should().BeApproximately(59.579803725, 1e-8);
        baseline.HrvLnSd.Should().BeApproximately(0.122030574, 1e-8);
        baseline.RestingHrSd.Should().BeApproximately(2.981423970, 1e-8);
        (baseline with { Hrv = 59.579803725, HrvLnSd = 0.122030574, RestingHrSd = 2.981423970 }).Should().Be(new Baseline
        {
            Hrv = 59.579803725,
            HrvMethod = HrvMethod.Rmssd,
            RestingHr = 60,
            SleepHours = 7.4,
            SleepEfficiency = 90,
            StressScore = 40,
            HrvLnSd = 0.122030574,
            RestingHrSd = 2.981423970,
            HrvDays = 20,
            RestingHrDays = 19,
            SleepHoursDays = 20,
            SleepEfficiencyDays = 17,
            StressScoreDays = 14,
            DaysUsed = 20,
            RequiredDays = 14,
            WindowDays = 28,
            IncludesToday = false,
        });
    }

    [Fact]
    public void Compute_EvidenceThirteenStressDays_StressStillCalibratingOthersKnown()
    {
        // One stress day fewer (13 of the 14 needed): no stress baseline, the others unchanged.
        Baseline baseline = BaselineCalculator.Compute(EvidenceHistory(stressMissingAlsoOnDay9: true));

        baseline.StressScore.Should().BeNull();
        baseline.StressScoreDays.Should().Be(13);
        baseline.RestingHr.Should().Be(60);
        baseline.SleepHours.Should().Be(7.4);
        baseline.SleepEfficiency.Should().Be(90);
        baseline.SleepEfficiencyDays.Should().Be(17);
    }

    /// <summary>
    /// 16 days: the 2 oldest far off (outside the original app's 14 most recent days), then 14 days alternating
    /// (index j = 0 … 13, today last): HRV 50/70, resting HR 50/60 (missing j 0–1), sleep 7/8 h, efficiency 80/96 %
    /// (missing j 0–3), stress 30/50 (missing j 0–7 and, with <paramref name="stressDays"/> below 6, more).
    /// </summary>
    private static List<DailyMetrics> OriginalHistory(int stressDays = 6)
    {
        List<DailyMetrics> history = [];
        for (int i = 0; i < 16; i++)
        {
            int j = i - 2;
            history.Add(j < 0
                ? new DailyMetrics { Date = TestData.Today.AddDays(i - 15), Hrv = 200, RestingHr = 90, SleepHours = 3, SleepEfficiency = 50, StressScore = 99 }
                : new DailyMetrics
                {
                    Date = TestData.Today.AddDays(i - 15),
                    Hrv = j % 2 == 0 ? 50 : 70,
                    RestingHr = j < 2 ? null : j % 2 == 0 ? 50 : 60,
                    SleepHours = j % 2 == 0 ? 7 : 8,
                    SleepEfficiency = j < 4 ? null : j % 2 == 0 ? 80 : 96,
                    StressScore = j < 14 - stressDays ? null : j % 2 == 0 ? 30 : 50,
                });
        }

        return history;
    }

    [Fact]
    public void Compute_OriginalAppDaysWithDifferentGaps_EveryFieldFromItsOwnMetric()
    {
        // HRV 14 days → 60; resting HR 12 days → 55; sleep 14 days → 7.5 h; efficiency 10 days → 88 %; stress 6 days → 40.
        Baseline baseline = BaselineCalculator.Compute(OriginalHistory(), RuleOptions.OriginalApp());

        baseline.Should().Be(new Baseline
        {
            Hrv = 60,
            HrvMethod = HrvMethod.Rmssd,
            RestingHr = 55,
            SleepHours = 7.5,
            SleepEfficiency = 88,
            StressScore = 40,
            HrvLnSd = null,
            RestingHrSd = null,
            HrvDays = 14,
            RestingHrDays = 12,
            SleepHoursDays = 14,
            SleepEfficiencyDays = 10,
            StressScoreDays = 6,
            DaysUsed = 14,
            RequiredDays = 3,
            WindowDays = 14,
            IncludesToday = true,
        });
    }

    [Theory]
    [InlineData(2, null)] // below the 3 days needed
    [InlineData(3, 43.333)] // j 11 … 13: 50, 30, 50 → 130 / 3
    [InlineData(4, 40.0)] // j 10 … 13: 30, 50, 30, 50
    public void Compute_OriginalAppFewStressDays_KnownFromThreeDays(int stressDays, double? expected)
    {
        Baseline baseline = BaselineCalculator.Compute(OriginalHistory(stressDays), RuleOptions.OriginalApp());

        baseline.StressScoreDays.Should().Be(stressDays);
        if (expected is { } mean)
        {
            baseline.StressScore.Should().BeApproximately(mean, 0.001);
        }
        else
        {
            baseline.StressScore.Should().BeNull();
        }

        baseline.SleepEfficiency.Should().Be(88, "the efficiency does not depend on the stress days");
    }
}

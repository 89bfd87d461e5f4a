using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The shared coverage objects of a score: each combination of not recorded, without baseline and unused inputs has its
/// own entry, and the summary names what was missing and why (survivors of the 2026-11-30 mutation run).
/// </summary>
public sealed class CoverageTableTests
{
    private static CoverageTable NewTable() => new("test score", HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.StressScore);

    [Fact]
    public void Get_CombinationsDifferingOnlyInUnusedInputs_EachItsOwnCoverage()
    {
        CoverageTable table = NewTable();

        ScoreCoverage first = table.Get(0, 0, table.Bit(HealthMetric.Hrv));
        ScoreCoverage second = table.Get(0, 0, table.Bit(HealthMetric.StressScore));

        first.Used.Should().Equal(HealthMetric.RestingHr, HealthMetric.StressScore);
        second.Used.Should().Equal(HealthMetric.Hrv, HealthMetric.RestingHr);
        table.Get(0, 0, table.Bit(HealthMetric.Hrv)).Should().BeSameAs(first);
    }

    [Fact]
    public void Get_NotRecordedVersusWithoutBaseline_DifferentEntriesAndWords()
    {
        CoverageTable table = NewTable();
        int hrv = table.Bit(HealthMetric.Hrv);

        ScoreCoverage absent = table.Get(hrv, 0);
        ScoreCoverage uncalibrated = table.Get(0, hrv);

        absent.Summary.Should().Be("The test score was judged from resting heart rate and stress score only: HRV not recorded.");
        uncalibrated.Summary.Should().Be("The test score was judged from resting heart rate and stress score only: HRV has no baseline yet (too few days with a value yet).");
        absent.Missing.Should().Equal(HealthMetric.Hrv);
        uncalibrated.Missing.Should().Equal(HealthMetric.Hrv);
    }

    [Fact]
    public void Get_AbsentAndUncalibratedTogether_BothReasonsSeparatedBySemicolon()
    {
        CoverageTable table = NewTable();

        ScoreCoverage coverage = table.Get(table.Bit(HealthMetric.StressScore), table.Bit(HealthMetric.Hrv) | table.Bit(HealthMetric.RestingHr));

        coverage.Used.Should().BeEmpty();
        coverage.Summary.Should().Be("The test score could not be judged: stress score not recorded; HRV and resting heart rate have no baseline yet (too few days with a value yet).");
    }

    [Fact]
    public void Get_NothingMissing_JudgedFromAllInputs()
    {
        CoverageTable table = NewTable();

        ScoreCoverage coverage = table.Get(0, 0);

        coverage.Summary.Should().Be("The test score was judged from all its inputs.");
        coverage.Used.Should().Equal(HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.StressScore);
        table.All.Should().Be(0b111);
    }

    [Fact]
    public void Get_RecordedWithoutBaselineAndNotRecorded_NotRecordedWins()
    {
        CoverageTable table = NewTable();
        int hrv = table.Bit(HealthMetric.Hrv);

        table.Get(hrv, hrv).Should().BeSameAs(table.Get(hrv, 0));
    }

    [Fact]
    public void Get_UnusedInputThatIsMissingAnyway_SameEntryAsWithoutIt()
    {
        CoverageTable table = NewTable();
        int hrv = table.Bit(HealthMetric.Hrv);

        table.Get(hrv, 0, hrv).Should().BeSameAs(table.Get(hrv, 0));
        table.Get(0, hrv, hrv).Should().BeSameAs(table.Get(0, hrv));
    }

    [Fact]
    public void Get_EveryCombinationOnOneTable_EachItsOwnUsedAndMissingInputs()
    {
        // 8 × 8 × 8 masks on one shared table: an entry cached for one combination must never answer for another.
        CoverageTable table = NewTable();
        HealthMetric[] inputs = [HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.StressScore];
        for (int notRecorded = 0; notRecorded < 8; notRecorded++)
        {
            for (int noBaseline = 0; noBaseline < 8; noBaseline++)
            {
                for (int unused = 0; unused < 8; unused++)
                {
                    ScoreCoverage coverage = table.Get(notRecorded, noBaseline, unused);

                    int missing = notRecorded | noBaseline;
                    coverage.Missing.Should().Equal(inputs.Where((_, i) => (missing & (1 << i)) != 0), "masks {0}, {1}, {2}", notRecorded, noBaseline, unused);
                    coverage.Used.Should().Equal(inputs.Where((_, i) => ((missing | unused) & (1 << i)) == 0), "masks {0}, {1}, {2}", notRecorded, noBaseline, unused);
                }
            }
        }
    }

    [Fact]
    public void Get_FullDayAgain_SameInstanceWithoutAllocating()
    {
        CoverageTable table = NewTable();
        ScoreCoverage first = table.Get(0, 0);
        _ = table.Get(0, 0);

        int others = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            others += ReferenceEquals(table.Get(0, 0), first) ? 0 : 1;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        others.Should().Be(0);
        allocated.Should().Be(0, "a full day's coverage is created once and shared, so it costs nothing afterwards");
    }
}

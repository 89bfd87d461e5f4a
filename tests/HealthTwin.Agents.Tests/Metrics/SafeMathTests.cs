using HealthTwin.Agents.Metrics;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The guards of <see cref="SafeMath"/> one by one (survivors of the 2026-11-30 mutation run): a baseline of 0, a negative
/// or non-finite baseline and a non-finite value each give the documented fallback, never a number from a division.
/// </summary>
public sealed class SafeMathTests
{
    [Theory]
    [InlineData(50, 0)]
    [InlineData(50, -10)]
    [InlineData(50, double.PositiveInfinity)]
    [InlineData(double.NaN, 40)]
    [InlineData(double.PositiveInfinity, 40)]
    public void PercentChange_NoPositiveFiniteBaselineOrValue_Zero(double value, double baseline) =>
        SafeMath.PercentChange(value, baseline).Should().Be(0);

    [Fact]
    public void PercentChange_PositiveBaseline_RoundedPercent() =>
        SafeMath.PercentChange(45.0, 60.0).Should().Be(-25);

    [Theory]
    [InlineData(50, 0)]
    [InlineData(50, -10)]
    [InlineData(50, double.PositiveInfinity)]
    [InlineData(double.NaN, 40)]
    public void PercentChangeNullable_NothingToCompareWith_Null(double value, double baseline) =>
        SafeMath.PercentChange((double?)value, baseline).Should().BeNull();

    [Theory]
    [InlineData(50, 0)]
    [InlineData(50, -10)]
    [InlineData(50, double.PositiveInfinity)]
    [InlineData(double.NaN, 40)]
    [InlineData(double.NegativeInfinity, 40)]
    public void Ratio_NoPositiveFiniteBaselineOrValue_Fallback(double value, double baseline) =>
        SafeMath.Ratio(value, baseline, fallback: 7).Should().Be(7);

    [Fact]
    public void Ratio_PositiveBaseline_Quotient() => SafeMath.Ratio(30, 60, fallback: 7).Should().Be(0.5);

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(-3, 0)]
    [InlineData(49.5, 50)]
    [InlineData(49.49, 49)]
    [InlineData(250, 100)]
    public void ClampPercent_Value_ClampedAndRoundedAwayFromZero(double value, int expected) =>
        SafeMath.ClampPercent(value).Should().Be(expected);

    [Theory]
    [InlineData(1, new[] { 5 })]
    [InlineData(3, new[] { 3, 4, 5 })]
    [InlineData(5, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(9, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(0, new int[0])]
    [InlineData(-1, new int[0])]
    public void Last_EveryKindOfList_SameItems(int count, int[] expected)
    {
        int[] items = [1, 2, 3, 4, 5];

        SafeMath.Last((ReadOnlySpan<int>)items, count).ToArray().Should().Equal(expected);
        SafeMath.Last((IReadOnlyList<int>)items, count).Should().Equal(expected);
        SafeMath.Last((IReadOnlyList<int>)new List<int>(items), count).Should().Equal(expected);
        SafeMath.Last((IReadOnlyList<int>)items.AsReadOnly(), count).Should().Equal(expected);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Last_CountCoversTheWholeList_TheListItselfNotACopy(int count)
    {
        int[] array = [1, 2, 3, 4, 5];
        var list = new List<int>(array);
        IReadOnlyList<int> readOnly = array.AsReadOnly();

        SafeMath.Last((IReadOnlyList<int>)array, count).Should().BeSameAs(array);
        SafeMath.Last((IReadOnlyList<int>)list, count).Should().BeSameAs(list);
        SafeMath.Last(readOnly, count).Should().BeSameAs(readOnly);
    }
}

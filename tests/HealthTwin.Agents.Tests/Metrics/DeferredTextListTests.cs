using HealthTwin.Agents.Metrics;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The lazily formatted explanation lines: each line is formatted once, on first read, and kept; <c>Join</c> reuses the
/// lines already read and formats the others straight into the joined text (survivors of the 2026-11-30 mutation run).
/// </summary>
public sealed class DeferredTextListTests
{
    /// <summary>A list whose lines are fixed texts, counting how often a line is formatted.</summary>
    private sealed class CountingLines(params string[] lines) : DeferredTextList
    {
        public int Formatted { get; private set; }

        public override int Count => lines.Length;

        public override void Append(ref InvariantText text, int index)
        {
            Formatted++;
            text.AppendLiteral(lines[index]);
            text.AppendFormatted(index + 1);
        }
    }

    [Fact]
    public void Indexer_ReadTwice_FormattedOnceSameString()
    {
        var list = new CountingLines("a", "b", "c");

        string first = list[1];
        string second = list[1];

        first.Should().Be("b2");
        second.Should().BeSameAs(first);
        list.Formatted.Should().Be(1);
    }

    [Fact]
    public void Indexer_LineAlreadyRead_AllocatesNothing()
    {
        var list = new CountingLines("a", "b", "c");
        _ = list[0];
        _ = list[2];
        _ = list[0]; // every path of the indexer has run (and been compiled) before measuring

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            _ = list[0];
            _ = list[2];
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0, "a line read once is kept, and so are its slots");
        list.Formatted.Should().Be(2);
    }

    [Fact]
    public void Enumerate_AllLinesInOrder()
    {
        var list = new CountingLines("a", "b", "c");

        list.Should().Equal("a1", "b2", "c3");
        list.Count.Should().Be(3);
    }

    [Theory]
    [InlineData(new[] { "a" }, "a1.")]
    [InlineData(new[] { "a", "b" }, "a1. b2.")]
    [InlineData(new[] { "a", "b", "c" }, "a1. b2. c3.")]
    public void Join_NoLineReadYet_SeparatorBetweenLinesSuffixAtTheEnd(string[] lines, string expected)
    {
        var list = new CountingLines(lines);

        list.Join(". ", ".").Should().Be(expected);
        list.Formatted.Should().Be(lines.Length);
    }

    [Fact]
    public void Join_SomeLinesAlreadyRead_KeptLinesReusedOthersFormatted()
    {
        var list = new CountingLines("a", "b", "c");
        _ = list[1];

        list.Join("; ", "!").Should().Be("a1; b2; c3!");
        list.Formatted.Should().Be(3, "line 2 was kept from the read, lines 1 and 3 were formatted by Join");
    }

    [Fact]
    public void Join_NoLines_OnlyTheSuffix() => new CountingLines().Join(". ", ".").Should().Be(".");
}

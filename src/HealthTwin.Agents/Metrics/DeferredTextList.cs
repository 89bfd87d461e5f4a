using System.Collections;
using System.Runtime.CompilerServices;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// A read-only list of explanation lines that are formatted only when someone reads them. The rule-based agents
/// mostly need the numbers behind a measure, not its texts, so the texts cost nothing unless they are shown; once
/// read, the lines are formatted once and kept (thread-safe, always the same strings).
/// </summary>
internal abstract class DeferredTextList : IReadOnlyList<string>
{
    // One slot per line, each formatted on first read: the planner and the fitness coach quote only the first burnout
    // reason, and formatting every line for it cost the fitness coach about 0.6 KB per analysis (ExamWeekStress,
    // `alloc`: 4,344 → 3,728 B).
    private string?[]? _lines;

    /// <inheritdoc />
    public abstract int Count { get; }

    /// <inheritdoc />
    public string this[int index]
    {
        get
        {
            string?[] lines = Slots;
            return Volatile.Read(ref lines[index]) ?? Interlocked.CompareExchange(ref lines[index], Format(index), null) ?? lines[index]!;
        }
    }

    private string?[] Slots =>
        Volatile.Read(ref _lines) ?? Interlocked.CompareExchange(ref _lines, new string?[Count], null) ?? _lines!;

    private string Format(int index)
    {
        var text = new InvariantText(0, 0);
        Append(ref text, index);
        return text.ToStringAndClear();
    }

    /// <summary>Writes line <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>) with the invariant culture.</summary>
    public abstract void Append(ref InvariantText text, int index);

    /// <summary>All lines joined with <paramref name="separator"/> and followed by <paramref name="suffix"/>, formatted straight into one string.</summary>
    public string Join(string separator, string suffix)
    {
        var text = new InvariantText(0, 0);
        string?[]? lines = Volatile.Read(ref _lines);
        for (int i = 0; i < Count; i++)
        {
            if (i > 0)
            {
                text.AppendLiteral(separator);
            }

            if (lines is not null && Volatile.Read(ref lines[i]) is { } line)
            {
                text.AppendLiteral(line);
            }
            else
            {
                Append(ref text, i);
            }
        }

        text.AppendLiteral(suffix);
        return text.ToStringAndClear();
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

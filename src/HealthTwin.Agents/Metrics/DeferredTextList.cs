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
    private string[]? _lines;

    /// <inheritdoc />
    public abstract int Count { get; }

    /// <inheritdoc />
    public string this[int index] => Lines[index];

    private string[] Lines
    {
        get
        {
            if (Volatile.Read(ref _lines) is { } lines)
            {
                return lines;
            }

            var built = new string[Count];
            for (int i = 0; i < built.Length; i++)
            {
                var text = new InvariantText(0, 0);
                Append(ref text, i);
                built[i] = text.ToStringAndClear();
            }

            return Interlocked.CompareExchange(ref _lines, built, null) ?? built;
        }
    }

    /// <summary>Writes line <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>) with the invariant culture.</summary>
    public abstract void Append(ref InvariantText text, int index);

    /// <summary>All lines joined with <paramref name="separator"/> and followed by <paramref name="suffix"/>, formatted straight into one string.</summary>
    public string Join(string separator, string suffix)
    {
        var text = new InvariantText(0, 0);
        string[]? lines = Volatile.Read(ref _lines);
        for (int i = 0; i < Count; i++)
        {
            if (i > 0)
            {
                text.AppendLiteral(separator);
            }

            if (lines is not null)
            {
                text.AppendLiteral(lines[i]);
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
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Lines).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

using System.Collections;

namespace HealthTwin.Agents.Orchestration;

/// <summary>
/// The per-agent reports of one analysis, stored compactly (id, status, duration, count; errors and fallback reasons
/// only for the agents that have them) and turned into <see cref="AgentRunReport"/> objects only when read, once each.
/// Most callers look at the recommendations, so ten report objects per analysis would mostly be garbage.
/// </summary>
internal sealed class AgentRunReportList : IReadOnlyList<AgentRunReport>
{
    private readonly Entry[] _entries;
    private readonly int _count;
    private AgentRunReport?[]? _reports;

    /// <summary>Wraps the first <paramref name="count"/> entries (which must not change afterwards).</summary>
    public AgentRunReportList(Entry[] entries, int count)
    {
        _entries = entries;
        _count = count;
    }

    /// <inheritdoc />
    public int Count => _count;

    /// <summary>Whether every agent succeeded (without creating the report objects).</summary>
    public bool AllSucceeded
    {
        get
        {
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].Status != AgentRunStatus.Succeeded)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <inheritdoc />
    public AgentRunReport this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            AgentRunReport?[] reports = Volatile.Read(ref _reports) ?? Interlocked.CompareExchange(ref _reports, new AgentRunReport?[_count], null) ?? _reports!;
            if (Volatile.Read(ref reports[index]) is { } report)
            {
                return report;
            }

            ref readonly Entry e = ref _entries[index];
            var created = new AgentRunReport
            {
                AgentId = e.AgentId,
                Status = e.Status,
                Duration = new TimeSpan(e.DurationTicks),
                RecommendationCount = e.RecommendationCount,
                Error = e.Details?.Error,
                ErrorType = e.Details?.ErrorType,
                FallbackReason = e.Details?.FallbackReason,
                SkippedRules = e.Details?.SkippedRules ?? [],
            };
            return Interlocked.CompareExchange(ref reports[index], created, null) ?? created;
        }
    }

    /// <inheritdoc />
    public IEnumerator<AgentRunReport> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One agent's run.</summary>
    internal readonly record struct Entry(string AgentId, AgentRunStatus Status, long DurationTicks, int RecommendationCount, EntryDetails? Details);

    /// <summary>The error, fallback reason or skipped rules of a run that has one.</summary>
    internal sealed record EntryDetails(string? Error, string? ErrorType, string? FallbackReason, IReadOnlyList<SkippedRule>? SkippedRules = null);
}

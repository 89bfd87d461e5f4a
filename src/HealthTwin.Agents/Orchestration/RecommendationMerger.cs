using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Orchestration;

/// <summary>Merges the recommendations of several agents: de-duplicates by id and orders them deterministically.</summary>
internal static class RecommendationMerger
{
    /// <summary>Priority (high first), then agent id, then recommendation id, all ordinal.</summary>
    public static readonly Comparison<AgentRecommendation> Order = static (a, b) =>
    {
        // As numbers: Enum.CompareTo(object) boxes its argument on every comparison.
        int byPriority = ((int)b.Priority).CompareTo((int)a.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        int byAgent = string.CompareOrdinal(a.Agent, b.Agent);
        return byAgent != 0 ? byAgent : string.CompareOrdinal(a.Id, b.Id);
    };

    /// <summary>The <see cref="Order"/> as a cached comparer (no allocation per sort).</summary>
    public static readonly IComparer<AgentRecommendation> Comparer = Comparer<AgentRecommendation>.Create(Order);

    /// <summary>Flattens, sorts and removes recommendations whose id occurs earlier in the order.</summary>
    public static AgentRecommendation[] Merge(IReadOnlyList<AgentRecommendation>[] lists, int count, int total)
    {
        if (total == 0)
        {
            return [];
        }

        var all = new AgentRecommendation[total];
        int n = 0;
        for (int l = 0; l < count; l++)
        {
            IReadOnlyList<AgentRecommendation> list = lists[l];
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i] is { } recommendation)
                {
                    all[n++] = recommendation;
                }
            }
        }

        Array.Sort(all, 0, n, Comparer);
        int kept = 0;
        for (int i = 0; i < n; i++)
        {
            bool duplicate = false;
            for (int j = 0; j < kept; j++)
            {
                if (string.Equals(all[j].Id, all[i].Id, StringComparison.Ordinal))
                {
                    duplicate = true;
                    break;
                }
            }

            if (!duplicate)
            {
                all[kept++] = all[i];
            }
        }

        if (kept != all.Length)
        {
            Array.Resize(ref all, kept);
        }

        return all;
    }
}

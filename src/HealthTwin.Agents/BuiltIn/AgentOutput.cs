using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>
/// The one place where the built-in agents build recommendations and evidence: stable ids, the context's instant,
/// rounding to two decimals and never a NaN or infinity (a non-finite number becomes <see langword="null"/>).
/// </summary>
internal static class AgentOutput
{
    /// <summary>Builds a recommendation with the id <c>agent:rule:date</c> and the context's instant.</summary>
    public static AgentRecommendation Recommend(
        AgentContext context,
        string agentId,
        string ruleId,
        RecommendationType type,
        RecommendationPriority priority,
        string title,
        string rationale,
        IReadOnlyList<RecommendationAction> actions,
        IReadOnlyList<Evidence> evidence) =>
        Create(RecommendationId.Create(agentId, ruleId, context.Today.Date), agentId, context, type, priority, title, rationale, actions, evidence);

    /// <summary>Builds a recommendation for a rule (its id is formatted once per day, see <see cref="AgentRule"/>).</summary>
    public static AgentRecommendation Recommend(
        AgentContext context,
        AgentRule rule,
        RecommendationType type,
        RecommendationPriority priority,
        string title,
        string rationale,
        IReadOnlyList<RecommendationAction> actions,
        IReadOnlyList<Evidence> evidence) =>
        Create(rule.IdFor(context.Today.Date), rule.AgentId, context, type, priority, title, rationale, actions, evidence);

    private static AgentRecommendation Create(
        string id,
        string agentId,
        AgentContext context,
        RecommendationType type,
        RecommendationPriority priority,
        string title,
        string rationale,
        IReadOnlyList<RecommendationAction> actions,
        IReadOnlyList<Evidence> evidence) => new()
        {
            Id = id,
            CreatedAt = context.AnalyzedAt,
            Agent = agentId,
            Type = type,
            Title = title,
            Rationale = rationale,
            Priority = priority,
            Actions = actions,
            Evidence = evidence,
        };

    /// <summary>The recommendations of a synchronous built-in agent's outcome (for <see cref="IAIAgent.AnalyzeAsync"/>).</summary>
    // Stryker disable once conditional : equivalent, both branches give the outcome's list (the first without an await)
    public static ValueTask<IReadOnlyList<AgentRecommendation>> RecommendationsOf(ValueTask<AgentOutcome> outcome) =>
        outcome.IsCompletedSuccessfully
            ? ValueTask.FromResult(outcome.Result.Recommendations)
            : AwaitRecommendationsAsync(outcome);

    private static async ValueTask<IReadOnlyList<AgentRecommendation>> AwaitRecommendationsAsync(ValueTask<AgentOutcome> outcome) =>
        (await outcome.ConfigureAwait(false)).Recommendations;

    /// <summary>Completes an analysis: the collected recommendations, or the shared empty array when there are none.</summary>
    public static ValueTask<IReadOnlyList<AgentRecommendation>> Result(List<AgentRecommendation>? recommendations) =>
        ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>(recommendations is null ? Array.Empty<AgentRecommendation>() : recommendations);

    /// <summary>Evidence comparing a value with a personal baseline (delta in percent; no baseline and no delta when the baseline is not a positive number).</summary>
    public static Evidence Compare(string metric, double value, double? baseline, double? threshold, string? note)
    {
        bool comparable = baseline is { } b && b > 0 && double.IsFinite(b);
        return new Evidence
        {
            Metric = metric,
            Value = Round(value),
            Baseline = comparable ? Round(baseline) : null,
            DeltaPercent = Round(SafeMath.PercentChange(value, baseline)),
            Threshold = Round(threshold),
            Note = note,
        };
    }

    /// <summary>Evidence for a value without a personal baseline (a score, a load, a reading).</summary>
    public static Evidence Measure(string metric, double value, double? threshold, string? note) => new()
    {
        Metric = metric,
        Value = Round(value),
        Threshold = Round(threshold),
        Note = note,
    };

    /// <summary>Rounds to two decimals (away from zero); <see langword="null"/> for a missing or non-finite number.</summary>
    public static double? Round(double? value) =>
        value is { } v && double.IsFinite(v) ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The percentage change of today's HRV against the baseline, or <see langword="null"/> when today has no HRV, the
    /// methods differ or the baseline is unknown or not positive.
    /// </summary>
    public static double? HrvDeltaPercent(AgentContext context)
    {
        DailyMetrics today = context.Today;
        Baseline baseline = context.Baseline;
        return today.HrvMethod == baseline.HrvMethod ? SafeMath.PercentChange(today.Hrv, baseline.Hrv) : null;
    }

    /// <summary>
    /// Evidence for an evidence-based daily deviation (HRV on the log scale, resting HR in bpm): today's value, the
    /// baseline, the change in percent, and as threshold the value that lies k standard deviations from the baseline.
    /// </summary>
    public static Evidence CompareDeviation(AgentContext context, HealthMetric metric, double z)
    {
        Baseline baseline = context.Baseline;
        double k = context.Rules.Baselines.DeviationSd;
        bool hrv = metric == HealthMetric.Hrv;
        double value = hrv ? context.Today.Hrv.GetValueOrDefault() : context.Today.RestingHr.GetValueOrDefault();
        double threshold = hrv ? DailyDeviation.HrvBelow(baseline, k) : DailyDeviation.RestingHrAbove(baseline, k);
        string note = hrv
            ? InvariantText.Format($"{-z:0.#} SD below the previous days' mean of ln HRV; the threshold is the HRV {k:0.#} SD below it, in ms")
            : InvariantText.Format($"{z:0.#} SD above the previous days' mean; the threshold is the resting HR {k:0.#} SD above it, in bpm");
        return Compare(hrv ? "hrv" : "restingHr", value, hrv ? baseline.Hrv : baseline.RestingHr, threshold, note);
    }

    /// <summary>
    /// The metric to name when <see cref="HrvDeltaPercent"/> is unknown: whether HRV was not recorded today or has no
    /// comparable baseline.
    /// </summary>
    public static bool HrvRecordedToday(AgentContext context) => context.Today.Hrv.HasValue;

    /// <summary>A note naming the user's local time of the analysis (for rules that depend on the hour).</summary>
    public static string LocalTimeNote(AgentContext context)
    {
        // One string per minute of the day, formatted on first use (the same text for every user at that minute).
        int minute = (context.LocalTime.Hour * 60) + context.LocalTime.Minute;
        // Stryker disable once assignment : equivalent, without the cache the same note is formatted again
        return LocalTimeNotes[minute] ??= InvariantText.Format($"Local time {context.LocalTime:HH:mm} in the user's time zone");
    }

    private static readonly string?[] LocalTimeNotes = new string?[24 * 60];

    /// <summary>The lower-case name of a burnout level, as serialized.</summary>
    public static string Name(BurnoutLevel level) => level switch
    {
        BurnoutLevel.Red => "red",
        BurnoutLevel.Yellow => "yellow",
        _ => "green",
    };

    /// <summary>The lower-case name of a risk level, as serialized.</summary>
    public static string Name(RiskLevel level) => level switch
    {
        RiskLevel.Critical => "critical",
        RiskLevel.High => "high",
        RiskLevel.Medium => "medium",
        _ => "low",
    };

    /// <summary>The four-step level of a risk score: ≥ 70 critical, ≥ 50 high, ≥ 30 medium, else low.</summary>
    public static RiskLevel RiskLevelOf(int score) => score switch
    {
        >= 70 => RiskLevel.Critical,
        >= 50 => RiskLevel.High,
        >= 30 => RiskLevel.Medium,
        _ => RiskLevel.Low,
    };

    /// <summary>
    /// Every subset of <paramref name="names"/> joined with <c>", "</c>, indexed by bit mask like <see cref="Subsets"/>
    /// (the empty subset is the empty string), so rationales can name factors without joining per run.
    /// </summary>
    public static string[] JoinedSubsets(params string[] names)
    {
        IReadOnlyList<string>[] sets = Subsets(names);
        var joined = new string[sets.Length];
        for (int mask = 0; mask < sets.Length; mask++)
        {
            joined[mask] = string.Join(", ", sets[mask]);
        }

        return joined;
    }

    /// <summary>
    /// Every subset of <paramref name="names"/> as a read-only array, indexed by bit mask (bit i set = name i present),
    /// so agents can report factor lists without allocating per run. The lists cannot be changed by callers.
    /// </summary>
    public static IReadOnlyList<string>[] Subsets(params string[] names)
    {
        var sets = new IReadOnlyList<string>[1 << names.Length];
        for (int mask = 0; mask < sets.Length; mask++)
        {
            var set = new string[System.Numerics.BitOperations.PopCount((uint)mask)];
            int n = 0;
            for (int i = 0; i < names.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    set[n++] = names[i];
                }
            }

            sets[mask] = Array.AsReadOnly(set);
        }

        return sets;
    }
}

using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents;

/// <summary>
/// Everything an agent may look at: the profile, the history (today is its last day), the baseline, the instant of
/// analysis and the user's local time, the alert thresholds and optional surroundings. Derived measures
/// (<see cref="Readiness"/>, <see cref="BurnoutRisk"/>, <see cref="Anomalies"/>, <see cref="SleepDebt"/>,
/// <see cref="TrainingLoad"/>) are computed
/// once, on first use, and shared by all agents.
/// </summary>
/// <remarks>
/// Build it with <see cref="AgentContextFactory"/>, which validates the input, sorts the history and computes the
/// baseline. The context is immutable and safe to share between concurrently running agents.
/// </remarks>
public sealed class AgentContext
{
    private readonly IReadOnlyList<DailyMetrics> _allMetrics = [];
    private static readonly AlertThresholds DefaultThresholds = new AlertThresholds().ToReadOnly();

    private readonly DailyMetrics[] _days = [];
    private readonly AlertThresholds _thresholds = DefaultThresholds;
    private IReadOnlyList<DailyMetrics>? _last7;
    private ReadinessScore? _readiness;
    private BurnoutRisk? _burnout;
    private IReadOnlyList<Anomaly>? _anomalies;
    private SleepDebt? _sleepDebt;
    private TrainingLoadSummary? _trainingLoad;
    private HrvNormalRange? _hrvNormalRange;
    private BuiltIn.TrainingDecision? _trainingDecision;

    /// <summary>The default rule set shared by contexts built without options (never mutated).</summary>
    private static readonly RuleOptions DefaultRules = new();

    /// <summary>The user the analysis is for (a validated id; never shown to AI models).</summary>
    public required string UserId { get; init; }

    /// <summary>The user's profile.</summary>
    public required UserProfile Profile { get; init; }

    /// <summary>Every day of the history, sorted by date ascending, at least one. Gaps are allowed.</summary>
    public required IReadOnlyList<DailyMetrics> AllMetrics
    {
        get => _allMetrics;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count == 0)
            {
                throw new InvalidArgumentException("AllMetrics must contain at least one day (today).", nameof(AllMetrics));
            }

            _allMetrics = value;
            _days = value as DailyMetrics[] ?? [.. value];
        }
    }

    /// <summary>The personal baseline the rules compare with.</summary>
    public required Baseline Baseline { get; init; }

    /// <summary>The instant of the analysis, from the host's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset AnalyzedAt { get; init; }

    /// <summary>The instant of the analysis in the user's time zone (<see cref="UserProfile.TimeZone"/>).</summary>
    public required DateTimeOffset LocalTime { get; init; }

    /// <summary>
    /// The alert thresholds the rules use: a read-only snapshot taken when the context was built (a writable instance
    /// given here is copied), so changing the options later never changes an analysis that has started.
    /// </summary>
    public AlertThresholds Thresholds
    {
        get => _thresholds;
        init => _thresholds = (value ?? throw new ArgumentNullException(nameof(Thresholds))).ToReadOnly();
    }

    /// <summary>The rule set of this analysis (a snapshot of the options: a later change never affects it).</summary>
    public RuleOptions Rules { get; init; } = DefaultRules;

    /// <summary>Surroundings (weather, time of day, season, location), when known.</summary>
    public ContextData? ContextData { get; init; }

    /// <summary>Bedroom readings, when known.</summary>
    public SleepEnvironment? SleepEnvironment { get; init; }

    /// <summary>The most recent day of the history.</summary>
    public DailyMetrics Today => _days[^1];

    /// <summary>The last 7 days present (fewer when the history is shorter), oldest first, today last.</summary>
    public IReadOnlyList<DailyMetrics> Last7Days => _last7 ??= SafeMath.Last(_allMetrics, 7);

    /// <summary>Every day as a span (the history is copied to an array once when it was not one).</summary>
    internal ReadOnlySpan<DailyMetrics> Days => _days;

    /// <summary>The number of days present in <see cref="Last7Days"/>, without materialising the list.</summary>
    internal int Last7Count => Math.Min(_days.Length, 7);

    /// <summary>Today's readiness under <see cref="Rules"/> (computed once).</summary>
    public ReadinessScore Readiness => _readiness ??= Rules.IsOriginalApp
        ? ReadinessCalculator.Compute(Today, Baseline, null, null, Thresholds, Rules, null)
        : ReadinessCalculator.Compute(Today, Baseline, HrvNormalRange, TrainingLoad, Thresholds, Rules, SleepNeed.Hours);

    /// <summary>The burnout risk over the last days under <see cref="Rules"/> (computed once).</summary>
    public BurnoutRisk BurnoutRisk => _burnout ??= BurnoutRiskCalculator.ComputeDays(_days, Baseline, Thresholds, Rules, Rules.IsOriginalApp ? null : HrvNormalRange);

    /// <summary>Today's anomalies against the baseline under <see cref="Rules"/> (computed once).</summary>
    public IReadOnlyList<Anomaly> Anomalies => _anomalies ??= AnomalyDetector.Detect(Today, Baseline, Thresholds, Rules);

    /// <summary>
    /// The rolling mean of ln HRV against the personal normal range (Plews et al.), for today's HRV method (computed
    /// once; the same in both presets, but only the evidence-based rules use it).
    /// </summary>
    public HrvNormalRange HrvNormalRange => _hrvNormalRange ??= HrvNormalRangeCalculator.ComputeDays(_days, Rules);

    /// <summary>The sleep debt over the last 7 days present (computed once).</summary>
    public SleepDebt SleepDebt => _sleepDebt ??= SleepDebtCalculator.ComputeDays(_days, Profile, Baseline, Rules);

    /// <summary>The nightly sleep need under <see cref="Rules"/> (cheap: a few comparisons, not cached).</summary>
    internal SleepNeed.Estimate SleepNeed => Metrics.SleepNeed.Resolve(Profile, Rules, Baseline);

    /// <summary>Today's training decision, shared by the planner and the fitness coach (computed once).</summary>
    internal BuiltIn.TrainingDecision TrainingDecision => _trainingDecision ??= BuiltIn.TrainingDecision.Decide(this);

    /// <summary>
    /// The training-load and HRV markers (computed once, with <see cref="Rules"/>): fitness, fatigue, form, ramp rate, the
    /// acute:chronic workload ratio and its spike flag, Foster's monotony and strain, and the ln(rMSSD) normal range.
    /// </summary>
    /// <exception cref="ArgumentException">The training load settings in <see cref="Rules"/> are out of range.</exception>
    public TrainingLoadSummary TrainingLoad => _trainingLoad ??= TrainingLoadCalculator.ComputeDays(_days, Rules.TrainingLoad);

    /// <summary>The last <paramref name="days"/> days present, oldest first (fewer when the history is shorter).</summary>
    /// <param name="days">How many days, 1 or more.</param>
    /// <returns>The window, without copying.</returns>
    public IReadOnlyList<DailyMetrics> LastDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return SafeMath.Last(_allMetrics, days);
    }

    /// <summary>The last <paramref name="days"/> days present as a span, oldest first (fewer when the history is shorter).</summary>
    internal ReadOnlySpan<DailyMetrics> LastSpan(int days) => SafeMath.Last<DailyMetrics>(_days, days);

    /// <summary>The local hour of the analysis (0–23) in the user's time zone.</summary>
    public int LocalHour => LocalTime.Hour;
}

using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>
/// Collects the few recommendations of one agent run without a list: up to four are held inline and the result is
/// one exactly sized array (or the shared empty array).
/// </summary>
internal struct AgentResults
{
    private AgentRecommendation? _first;
    private AgentRecommendation? _second;
    private AgentRecommendation? _third;
    private AgentRecommendation? _fourth;
    private static readonly AgentOutcome Nothing = new(Array.Empty<AgentRecommendation>());

    private List<AgentRecommendation>? _more;
    private List<SkippedRule>? _skipped;
    private int _count;

    /// <summary>
    /// Records that <paramref name="rule"/> did not run because <paramref name="missing"/> were not recorded in the
    /// data it reads; <paramref name="check"/> names what it would have judged ("the sleep-debt check").
    /// </summary>
    public void Skip(AgentRule rule, string check, params HealthMetric[] missing) =>
        (_skipped ??= []).Add(new SkippedRule(rule.RuleId, missing, $"{MetricText.NotRecorded(missing)}: {check} was not judged"));

    /// <summary>Records that <paramref name="rule"/> did not run, with the metrics missing and the reason in words.</summary>
    public void Skip(AgentRule rule, IReadOnlyList<HealthMetric> missing, string reason) =>
        (_skipped ??= []).Add(new SkippedRule(rule.RuleId, missing, reason));

    /// <summary>Records that <paramref name="rule"/> did not run because <paramref name="metric"/> has no baseline to compare with yet.</summary>
    public void SkipNoBaseline(AgentRule rule, string check, HealthMetric metric) =>
        (_skipped ??= []).Add(new SkippedRule(
            rule.RuleId,
            [metric],
            $"{MetricText.Name(metric)} has no comparable baseline yet: {check} was not judged"));

    /// <summary>
    /// Records that <paramref name="rule"/> did not run because <paramref name="metric"/> has no baseline to compare with
    /// yet, saying why ("calibrating: 5 of 14 days", another HRV method, no day-to-day spread).
    /// </summary>
    public void SkipNoBaseline(AgentContext context, AgentRule rule, string check, HealthMetric metric)
    {
        string state = BaselineCalibration.State(context.Baseline, metric, metric == HealthMetric.Hrv && context.Baseline.HrvMethod != context.Today.HrvMethod);
        (_skipped ??= []).Add(new SkippedRule(
            rule.RuleId,
            [metric],
            $"{MetricText.Name(metric)} has no comparable baseline yet ({state}): {check} was not judged"));
    }

    /// <summary>Records a skip for HRV: not recorded today, or no comparable baseline.</summary>
    public void SkipHrv(AgentContext context, AgentRule rule, string check) =>
        SkipCompared(context, context.Today.Hrv.HasValue, rule, check, HealthMetric.Hrv);

    /// <summary>Records a skip for a metric compared with its baseline: not recorded today, or no baseline.</summary>
    public void SkipCompared(AgentContext context, bool recordedToday, AgentRule rule, string check, HealthMetric metric)
    {
        if (recordedToday)
        {
            SkipNoBaseline(context, rule, check, metric);
        }
        else
        {
            Skip(rule, check, metric);
        }
    }

    /// <summary>Adds a recommendation.</summary>
    public void Add(AgentRecommendation recommendation)
    {
        switch (_count)
        {
            case 0:
                _first = recommendation;
                break;
            case 1:
                _second = recommendation;
                break;
            case 2:
                _third = recommendation;
                break;
            case 3:
                _fourth = recommendation;
                break;
            default:
                (_more ??= []).Add(recommendation);
                break;
        }

        _count++;
    }

    /// <summary>Completes the analysis with the recommendations in the order they were added and the rules skipped.</summary>
    public readonly ValueTask<AgentOutcome> ToOutcome()
    {
        if (_count == 0 && _skipped is null)
        {
            return ValueTask.FromResult(Nothing);
        }

        IReadOnlyList<AgentRecommendation> recommendations = Recommendations();
        return ValueTask.FromResult(_skipped is null ? new AgentOutcome(recommendations) : new AgentOutcome(recommendations) { SkippedRules = _skipped });
    }

    /// <summary>Completes the analysis with the recommendations in the order they were added.</summary>
    public readonly ValueTask<IReadOnlyList<AgentRecommendation>> ToResult() => ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>(Recommendations());

    private readonly AgentRecommendation[] Recommendations()
    {
        if (_count == 0)
        {
            return [];
        }

        var result = new AgentRecommendation[_count];
        result[0] = _first!;
        if (_count > 1)
        {
            result[1] = _second!;
        }

        if (_count > 2)
        {
            result[2] = _third!;
        }

        if (_count > 3)
        {
            result[3] = _fourth!;
        }

        _more?.CopyTo(result, 4);
        return result;
    }
}

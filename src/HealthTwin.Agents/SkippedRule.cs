using HealthTwin.Agents.Model;

namespace HealthTwin.Agents;

/// <summary>A rule of an agent that did not run because the data it needs was not measured.</summary>
/// <param name="Rule">The rule id (the middle part of the recommendation id, for example <c>high-stress</c>).</param>
/// <param name="MissingMetrics">The metrics that were missing (today, in the rule's window, or as a baseline).</param>
/// <param name="Reason">One sentence for people, for example <c>"stress score not recorded: the high-stress check was not judged"</c>.</param>
public sealed record SkippedRule(string Rule, IReadOnlyList<HealthMetric> MissingMetrics, string Reason);

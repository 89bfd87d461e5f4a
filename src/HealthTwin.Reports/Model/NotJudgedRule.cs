namespace HealthTwin.Reports.Model;

/// <summary>A rule of an agent that was skipped on some days because data it needs was missing.</summary>
/// <param name="Agent">The agent id.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Reason">Why it was skipped (the most recent day's reason, naming the missing metrics).</param>
/// <param name="Days">On how many days of the period it was skipped.</param>
public sealed record NotJudgedRule(string Agent, string Rule, string Reason, int Days);

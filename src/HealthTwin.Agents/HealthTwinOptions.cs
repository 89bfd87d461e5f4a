using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents;

/// <summary>
/// Options of the core SDK, bound from the <c>HealthTwin</c> configuration section and validated on start.
/// </summary>
public sealed class HealthTwinOptions
{
    /// <summary>The configuration section name: <c>HealthTwin</c>.</summary>
    public const string SectionName = "HealthTwin";

    /// <summary>The alert thresholds the rules use (<c>HealthTwin:Alerts</c>). Defaults: HRV drop 15 %, resting-HR rise 10 %, minimum sleep 6 h, maximum stress 70.</summary>
    public AlertThresholds Alerts { get; set; } = new();

    /// <summary>The rule set the calculators and built-in agents follow (<c>HealthTwin:Rules</c>). Default: the evidence-based preset.</summary>
    public RuleOptions Rules { get; set; } = new();

    /// <summary>How long one agent may take before it is reported as timed out and its work cancelled. Default 5 s; allowed 1 ms – 10 min.</summary>
    public TimeSpan AgentTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many users <see cref="Orchestration.AgentOrchestrator.AnalyzeManyAsync"/> analyses at once. Default: the processor count; allowed 1–256.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Ids of registered agents that must not run (for example to switch off one built-in agent by configuration).</summary>
    public IList<string> DisabledAgents { get; } = [];

    /// <summary>Returns every option that is out of range (empty when valid), each named by its configuration key (<c>HealthTwin:AgentTimeout</c>).</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [.. (Alerts ?? new AlertThresholds()).Validate()];
        if (Alerts is null)
        {
            errors.Add(new(SectionName + ":Alerts", "null", "a thresholds object"));
        }

        if (Rules is null)
        {
            errors.Add(new("HealthTwin:Rules", "null", "a rules object"));
        }
        else
        {
            errors.AddRange(Rules.Validate());
        }

        if (AgentTimeout < TimeSpan.FromMilliseconds(1) || AgentTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add(new(SectionName + ":AgentTimeout", AgentTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture), "00:00:00.001–00:10:00"));
        }

        if (MaxDegreeOfParallelism is < 1 or > 256)
        {
            errors.Add(new(SectionName + ":MaxDegreeOfParallelism", MaxDegreeOfParallelism.ToString(System.Globalization.CultureInfo.InvariantCulture), "1–256"));
        }

        return errors;
    }
}

using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>Training load settings: fitness, fatigue, form, the acute:chronic workload ratio and monotony. Bound from <c>HealthTwin:Rules:TrainingLoad</c>.</summary>
public sealed class TrainingLoadRuleOptions
{
    /// <summary>The time constant of fitness (chronic training load), in days. Default 42 (Banister); allowed 14–90.</summary>
    public int FitnessTimeConstantDays { get; set; } = 42;

    /// <summary>The time constant of fatigue (acute training load), in days. Default 7 (Banister); allowed 2–14.</summary>
    public int FatigueTimeConstantDays { get; set; } = 7;

    /// <summary>Returns every setting that is out of range (empty when valid).</summary>
    /// <returns>The errors, each naming the configuration key (<c>HealthTwin:Rules:TrainingLoad:…</c>), the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        OptionChecks.Range(errors, "HealthTwin:Rules:TrainingLoad:FitnessTimeConstantDays", FitnessTimeConstantDays, 14, 90, "days");
        OptionChecks.Range(errors, "HealthTwin:Rules:TrainingLoad:FatigueTimeConstantDays", FatigueTimeConstantDays, 2, 14, "days");
        return errors;
    }

    /// <summary>Copies the settings.</summary>
    /// <returns>An independent copy.</returns>
    public TrainingLoadRuleOptions Clone() => (TrainingLoadRuleOptions)MemberwiseClone();
}

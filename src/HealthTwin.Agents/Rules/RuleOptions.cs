using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>
/// The rule set the calculators and built-in agents follow, bound from <c>HealthTwin:Rules</c> and validated on start.
/// Each analysis works on its own snapshot (<see cref="Clone"/>), so changing the options later never changes a
/// running analysis.
/// </summary>
public sealed class RuleOptions
{
    /// <summary>The preset. Default <see cref="RulePreset.EvidenceBased"/>.</summary>
    public RulePreset Preset { get; set; } = RulePreset.EvidenceBased;

    /// <summary>Baseline and daily-deviation settings (<c>HealthTwin:Rules:Baselines</c>).</summary>
    public BaselineRuleOptions Baselines { get; set; } = new();

    /// <summary>Sleep need and sleep debt settings (<c>HealthTwin:Rules:Sleep</c>).</summary>
    public SleepRuleOptions Sleep { get; set; } = new();

    /// <summary>Training load settings (<c>HealthTwin:Rules:TrainingLoad</c>).</summary>
    public TrainingLoadRuleOptions TrainingLoad { get; set; } = new();

    /// <summary>Burnout and overreaching settings (<c>HealthTwin:Rules:Burnout</c>).</summary>
    public BurnoutRuleOptions Burnout { get; set; } = new();

    /// <summary>Whether the original app's rules are in force (<see cref="RulePreset.OriginalApp"/>).</summary>
    public bool IsOriginalApp => Preset == RulePreset.OriginalApp;

    /// <summary>Options that select the original app's rules (see <see cref="RulePreset.OriginalApp"/>).</summary>
    /// <returns>New options.</returns>
    public static RuleOptions OriginalApp() => new() { Preset = RulePreset.OriginalApp };

    /// <summary>Returns every setting that is out of range (empty when valid).</summary>
    /// <returns>The errors, each naming the configuration key, the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        if (!Enum.IsDefined(Preset))
        {
            errors.Add(new("HealthTwin:Rules:Preset", Preset.ToString(), "EvidenceBased or OriginalApp"));
        }

        Add(errors, Baselines, "Baselines", static o => o.Validate());
        Add(errors, Sleep, "Sleep", static o => o.Validate());
        Add(errors, TrainingLoad, "TrainingLoad", static o => o.Validate());
        Add(errors, Burnout, "Burnout", static o => o.Validate());
        return errors;
    }

    /// <summary>Copies the options deeply.</summary>
    /// <returns>An independent copy.</returns>
    public RuleOptions Clone() => new()
    {
        Preset = Preset,
        Baselines = Baselines.Clone(),
        Sleep = Sleep.Clone(),
        TrainingLoad = TrainingLoad.Clone(),
        Burnout = Burnout.Clone(),
    };

    private static void Add<T>(List<MetricsValidationError> errors, T? section, string name, Func<T, IReadOnlyList<MetricsValidationError>> validate)
        where T : class
    {
        if (section is null)
        {
            errors.Add(new($"HealthTwin:Rules:{name}", "null", "a settings object"));
            return;
        }

        errors.AddRange(validate(section));
    }
}

using System.Globalization;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>Burnout and overreaching settings. Bound from <c>HealthTwin:Rules:Burnout</c>.</summary>
/// <remarks>
/// The evidence-based burnout forecast (<c>PredictiveAnalyticsAgent</c>) fits a level with a smoothed trend to each
/// marker over the last <see cref="TrendWindowDays"/> calendar days, needs at least <see cref="TrendMinimumDays"/> days
/// with the marker, and projects it with a damped trend (<see cref="TrendDamping"/>). The original app's preset ignores
/// these settings.
/// </remarks>
public sealed class BurnoutRuleOptions
{
    /// <summary>How many days with a marker its trend needs before it is forecast ("calibrating: n of N days" until then). Default 7; allowed 3–28.</summary>
    public int TrendMinimumDays { get; set; } = 7;

    /// <summary>How many calendar days (today included) the level and trend are fitted over. Default 14; allowed 7–60 and at least <see cref="TrendMinimumDays"/>.</summary>
    public int TrendWindowDays { get; set; } = 14;

    /// <summary>
    /// The damping φ of the trend: day k ahead moves by the trend × (φ + φ² + … + φᵏ). Default 0.8 (at most 4 days of
    /// trend in total); allowed 0–0.98 (0: the level only; 1, a straight line, is not allowed).
    /// </summary>
    public double TrendDamping { get; set; } = 0.8;

    /// <summary>Returns every setting that is out of range (empty when valid).</summary>
    /// <returns>The errors, each naming the configuration key (<c>HealthTwin:Rules:Burnout:…</c>), the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        OptionChecks.Range(errors, "HealthTwin:Rules:Burnout:TrendMinimumDays", TrendMinimumDays, 3, 28, "days");
        OptionChecks.Range(errors, "HealthTwin:Rules:Burnout:TrendWindowDays", TrendWindowDays, 7, 60, "days");
        if (TrendWindowDays is >= 7 and <= 60 && TrendMinimumDays is >= 3 and <= 28 && TrendWindowDays < TrendMinimumDays)
        {
            errors.Add(new(
                "HealthTwin:Rules:Burnout:TrendWindowDays",
                TrendWindowDays.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"at least TrendMinimumDays ({TrendMinimumDays}) – 60 days")));
        }

        OptionChecks.Range(errors, "HealthTwin:Rules:Burnout:TrendDamping", TrendDamping, 0, 0.98);
        return errors;
    }

    /// <summary>Copies the settings.</summary>
    /// <returns>An independent copy.</returns>
    public BurnoutRuleOptions Clone() => (BurnoutRuleOptions)MemberwiseClone();
}

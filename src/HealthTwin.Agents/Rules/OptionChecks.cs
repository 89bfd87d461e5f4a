using System.Globalization;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>Range checks shared by the rule options, with messages that name the configuration key.</summary>
internal static class OptionChecks
{
    /// <summary>Adds an error when <paramref name="value"/> is not finite or outside [min, max].</summary>
    public static void Range(List<MetricsValidationError> errors, string key, double value, double min, double max, string unit = "")
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            errors.Add(new(key, value.ToString("R", CultureInfo.InvariantCulture), Describe(min, max, unit)));
        }
    }

    /// <summary>Adds an error when <paramref name="value"/> is outside [min, max].</summary>
    public static void Range(List<MetricsValidationError> errors, string key, int value, int min, int max, string unit = "")
    {
        if (value < min || value > max)
        {
            errors.Add(new(key, value.ToString(CultureInfo.InvariantCulture), Describe(min, max, unit)));
        }
    }

    private static string Describe(double min, double max, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{min}–{max}{(unit.Length == 0 ? string.Empty : " " + unit)}");
}

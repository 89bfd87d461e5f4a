namespace HealthTwin.Agents.Model;

/// <summary>One field of a <see cref="DailyMetrics"/> (or other input) that is outside its allowed range.</summary>
/// <param name="Field">The camelCase field name, prefixed by the day when it comes from a history (for example <c>"2025-01-03.hrv"</c>).</param>
/// <param name="Value">The rejected value, formatted invariantly.</param>
/// <param name="AllowedRange">The allowed range in words (for example <c>"0–24 h"</c>).</param>
public sealed record MetricsValidationError(string Field, string Value, string AllowedRange)
{
    /// <summary>A sentence naming the field, the value and the allowed range.</summary>
    /// <returns>For example <c>sleepHours = 25 is outside the allowed range 0–24 h.</c></returns>
    public override string ToString() => $"{Field} = {Value} is outside the allowed range {AllowedRange}.";
}

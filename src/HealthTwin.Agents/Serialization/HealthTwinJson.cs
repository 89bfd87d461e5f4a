using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;

namespace HealthTwin.Agents.Serialization;

/// <summary>Reads and writes the SDK's JSON (the original app's shape) without reflection.</summary>
public static class HealthTwinJson
{
    /// <summary>The serializer options backed by <see cref="HealthTwinJsonContext"/>.</summary>
    public static JsonSerializerOptions Options => HealthTwinJsonContext.Default.Options;

    /// <summary>Serializes an analysis.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(AgentAnalysis analysis) => JsonSerializer.Serialize(analysis, HealthTwinJsonContext.Default.AgentAnalysis);

    /// <summary>Serializes recommendations.</summary>
    /// <param name="recommendations">The recommendations.</param>
    /// <returns>The JSON array.</returns>
    public static string Serialize(IReadOnlyList<AgentRecommendation> recommendations) =>
        JsonSerializer.Serialize(recommendations, HealthTwinJsonContext.Default.IReadOnlyListAgentRecommendation);

    /// <summary>
    /// Reads a JSON array of daily metrics (the app's shape) and validates every day. Errors name the JSON path or
    /// line and the field.
    /// </summary>
    /// <param name="json">The UTF-8 JSON stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The days, in file order.</returns>
    /// <exception cref="HealthDataValidationException">The JSON is malformed, a required field is missing, or a value is out of range.</exception>
    public static async Task<IReadOnlyList<DailyMetrics>> ReadMetricsAsync(Stream json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        DailyMetrics[]? days;
        try
        {
            days = await JsonSerializer.DeserializeAsync(json, HealthTwinJsonContext.Default.DailyMetricsArray, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new HealthDataValidationException(DescribeJsonError(ex), ex);
        }

        if (days is null)
        {
            throw new HealthDataValidationException("The metrics JSON is null; expected an array of daily metrics.");
        }

        IReadOnlyList<MetricsValidationError> errors = MetricsValidator.ValidateHistory(days);
        return errors.Count > 0 ? throw new HealthDataValidationException(errors) : days;
    }

    /// <summary>Describes a <see cref="JsonException"/> with its path and line, without echoing the input.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>A message such as <c>Invalid JSON at $[3].hrv (line 12): …</c>.</returns>
    public static string DescribeJsonError(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string where = exception.Path is { Length: > 0 } path ? path : "$";
        string line = exception.LineNumber is { } l ? $" (line {l + 1})" : string.Empty;
        string reason = exception.Message;
        int cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        return $"Invalid JSON at {where}{line}: {reason}";
    }
}

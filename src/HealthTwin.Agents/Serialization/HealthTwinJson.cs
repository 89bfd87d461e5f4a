using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;

namespace HealthTwin.Agents.Serialization;

/// <summary>
/// Reads and writes the SDK's JSON (the original app's shape: camelCase names, lower-case enum strings,
/// <c>yyyy-MM-dd</c> dates, null members omitted) through source-generated metadata, without reflection, so it works
/// under Native AOT and trimming.
/// </summary>
/// <remarks>
/// For a type of the model (<c>DailyMetrics</c>, <c>UserProfile</c>, <c>AgentRecommendation</c>, <c>AgentAnalysis</c>
/// and the other records of <c>HealthTwin.Agents.Model</c> and <c>HealthTwin.Agents.Orchestration</c>) use
/// <see cref="GetTypeInfo{T}"/> with <see cref="JsonSerializer"/>, or add <see cref="Resolver"/> to a host's own
/// options (for example ASP.NET Core's <c>TypeInfoResolverChain</c>).
/// </remarks>
public static class HealthTwinJson
{
    /// <summary>The serializer options of the SDK's JSON (read-only: they cannot be changed).</summary>
    public static JsonSerializerOptions Options => HealthTwinJsonContext.Default.Options;

    /// <summary>
    /// The source-generated metadata of the model types, to chain into a host's own options
    /// (<c>options.TypeInfoResolverChain.Add(HealthTwinJson.Resolver)</c>). The SDK's naming and date rules travel
    /// with each type, not with the host's options.
    /// </summary>
    public static IJsonTypeInfoResolver Resolver => HealthTwinJsonContext.Default;

    /// <summary>The source-generated metadata of one model type, for <see cref="JsonSerializer"/> calls that work under Native AOT.</summary>
    /// <typeparam name="T">A model type such as <c>DailyMetrics</c>, <c>DailyMetrics[]</c>, <c>List&lt;DailyMetrics&gt;</c>, <c>IReadOnlyList&lt;DailyMetrics&gt;</c>, <c>UserProfile</c> or <c>AgentAnalysis</c>.</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a type of the SDK's model.</exception>
    public static JsonTypeInfo<T> GetTypeInfo<T>() =>
        HealthTwinJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T)} is not a type of the HealthTwin model; HealthTwinJson has no metadata for it.");

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

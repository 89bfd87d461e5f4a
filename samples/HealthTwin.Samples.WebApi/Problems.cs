using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthTwin.Samples.WebApi;

/// <summary>Problem-details results. Field names are the request's JSON names; nothing echoes .NET type names.</summary>
internal static partial class Problems
{
    private static readonly string[] Required = ["is required."];

    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Fields(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    /// <summary>
    /// The fields of a JSON error: a missing required member becomes <c>{path}.{member}: is required</c>, anything else
    /// <c>{path}: not valid JSON or of the wrong type</c>. <paramref name="root"/> names the JSON being read.
    /// </summary>
    public static Dictionary<string, string[]> FromJson(JsonException exception, string root = "body")
    {
        string field = exception.Path is null or "$" ? root
            : root == "body" ? exception.Path.TrimStart('$', '.')
            : root + exception.Path[1..];
        Match missing = MissingRequired().Match(exception.Message);
        if (missing.Success)
        {
            return QuotedName().Matches(missing.Groups[1].Value).ToDictionary(
                m => field == "body" ? m.Groups[1].Value : $"{field}.{m.Groups[1].Value}",
                _ => Required);
        }

        string where = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : string.Empty;
        return new Dictionary<string, string[]> { [field] = [$"is not valid JSON or has the wrong type{where}."] };
    }

    [GeneratedRegex("missing required properties including: (.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([A-Za-z0-9_]+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex QuotedName();
}

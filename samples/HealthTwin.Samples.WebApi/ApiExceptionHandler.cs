using System.Text.Json;
using HealthTwin.Agents.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Turns every exception into problem details: bad bodies and validation errors into <c>400</c> naming the field,
/// anything unexpected into a bare <c>500</c> (logged; never a message, type name or stack trace to the client,
/// in Development too).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = 499; // the client went away; nobody reads a body
            return true;
        }

        ProblemDetails problem = Describe(exception);
        if (problem.Status is StatusCodes.Status500InternalServerError or StatusCodes.Status503ServiceUnavailable)
        {
            LogUnexpected(logger, exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
        {
            await httpContext.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }

        return true;
    }

    internal static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => Validation(Problems.FromJson(json)),
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } =>
            Validation(new() { ["body"] = ["is missing or is not a JSON object of the expected shape."] }),
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = ReasonPhrases.GetReasonPhrase(bad.StatusCode) },
        HealthDataValidationException { Errors.Count: > 0 } invalid =>
            Validation(invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray())),
        ArgumentException argument => Validation(new() { [argument.ParamName ?? "body"] = [MessageOf(argument)] }),
        HealthTwin.Aws.S3.S3StorageException => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Storage is unavailable.",
            Detail = "The error was logged; try again later and quote the traceId when reporting it.",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Detail = "The error was logged; quote the traceId when reporting it.",
        },
    };

    private static HttpValidationProblemDetails Validation(Dictionary<string, string[]> errors) =>
        new(errors) { Status = StatusCodes.Status400BadRequest };

    /// <summary>The SDK's validation message without the "(Parameter 'x')" and "Actual value was" suffixes.</summary>
    private static string MessageOf(ArgumentException argument)
    {
        string message = argument.Message;
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error serving {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, PathString path);
}

namespace HealthTwin.Agents.Model;

/// <summary>
/// Thrown when input health data is out of range. <see cref="ArgumentException.ParamName"/> names the first
/// offending field, and <see cref="Errors"/> lists every one of them with its value and allowed range.
/// </summary>
/// <remarks>
/// <see cref="Message"/> is meant to be shown to the person who sent the data: it names each field, value and
/// allowed range, without the runtime's <c>(Parameter '…')</c> suffix.
/// </remarks>
public sealed class HealthDataValidationException : ArgumentException
{
    private readonly string? _message;

    /// <summary>Creates the exception from the validation errors.</summary>
    /// <param name="errors">At least one error.</param>
    public HealthDataValidationException(IReadOnlyList<MetricsValidationError> errors)
        : base(BuildMessage(errors), errors is { Count: > 0 } ? errors[0].Field : null)
    {
        Errors = errors;
        _message = BuildMessage(errors);
    }

    /// <summary>Creates the exception with a single message and no structured errors.</summary>
    /// <param name="message">The message.</param>
    public HealthDataValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HealthDataValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with no message.</summary>
    public HealthDataValidationException()
    {
        Errors = [];
    }

    /// <summary>Every field that failed validation.</summary>
    public IReadOnlyList<MetricsValidationError> Errors { get; }

    /// <summary>The errors in words, without a <c>(Parameter '…')</c> suffix.</summary>
    public override string Message => _message ?? base.Message;

    private static string BuildMessage(IReadOnlyList<MetricsValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => "Health data is invalid.",
            1 => errors[0].ToString(),
            _ => $"{errors.Count} fields are invalid: {string.Join(" ", errors)}",
        };
    }
}

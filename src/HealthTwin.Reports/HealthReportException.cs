namespace HealthTwin.Reports;

/// <summary>
/// A report could not be made: no metrics stored in the period, or (for the AI insights document) no AI provider or
/// no usable answer from it. <see cref="Failure"/> says which. Cancellation is never wrapped.
/// </summary>
public sealed class HealthReportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HealthReportException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong, naming the user and period.</param>
    public HealthReportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the reason.</summary>
    /// <param name="message">What went wrong, naming the period.</param>
    /// <param name="failure">Why.</param>
    public HealthReportException(string message, HealthReportFailure failure)
        : base(message)
    {
        Failure = failure;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public HealthReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why the report could not be made.</summary>
    public HealthReportFailure Failure { get; }
}

namespace HealthTwin.Reports;

/// <summary>A report could not be made (for example: no metrics stored in the period). Cancellation is never wrapped.</summary>
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

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public HealthReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

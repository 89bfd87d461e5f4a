namespace HealthTwin.Aws.AI;

/// <summary>
/// Internal signal that an AI analysis must fall back to the local agents (thrown inside the cache factory so that
/// nothing is cached). <see cref="Code"/> is one of <see cref="FallbackReasons"/>; the detail never contains health data.
/// </summary>
internal sealed class AIFallbackException : Exception
{
    public AIFallbackException(string code, string detail, Exception? innerException = null)
        : base(code + ": " + detail, innerException)
    {
        Code = code;
        Detail = detail;
    }

    public AIFallbackException()
        : this(FallbackReasons.Error, "unknown")
    {
    }

    public AIFallbackException(string message)
        : this(FallbackReasons.Error, message)
    {
    }

    public AIFallbackException(string message, Exception innerException)
        : this(FallbackReasons.Error, message, innerException)
    {
    }

    /// <summary>The reason code (metric tag and prefix of the reported reason).</summary>
    public string Code { get; }

    /// <summary>What happened, without health data.</summary>
    public string Detail { get; }
}

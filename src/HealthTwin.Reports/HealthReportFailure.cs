namespace HealthTwin.Reports;

/// <summary>Why a <see cref="HealthReportException"/> was thrown, so hosts can answer each case differently.</summary>
public enum HealthReportFailure
{
    /// <summary>Any other reason (for example a stored report that could not be read back).</summary>
    Other = 0,

    /// <summary>No metrics are stored for the user in the period (a web host answers 4xx naming the period).</summary>
    NoData = 1,

    /// <summary>An AI insights document was asked for, but no <see cref="Insights.IReportInsightsProvider"/> is registered (for example Amazon Bedrock is off).</summary>
    InsightsNotConfigured = 2,

    /// <summary>The AI insights provider failed, timed out, or its answer was rejected by validation or the safety filter.</summary>
    InsightsUnavailable = 3,
}

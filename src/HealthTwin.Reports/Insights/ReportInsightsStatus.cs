namespace HealthTwin.Reports.Insights;

/// <summary>Whether the report's AI insights section has a narrative.</summary>
public enum ReportInsightsStatus
{
    /// <summary>No <see cref="IReportInsightsProvider"/> is registered.</summary>
    NotConfigured = 0,

    /// <summary>The provider wrote a narrative that passed validation and the safety filter.</summary>
    Generated = 1,

    /// <summary>The provider failed, timed out, or its text was rejected; the section says so.</summary>
    Unavailable = 2,
}

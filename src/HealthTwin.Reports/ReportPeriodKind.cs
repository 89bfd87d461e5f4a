namespace HealthTwin.Reports;

/// <summary>The length of a report's period.</summary>
public enum ReportPeriodKind
{
    /// <summary>One calendar month.</summary>
    Monthly = 0,

    /// <summary>One calendar year.</summary>
    Annual = 1,
}

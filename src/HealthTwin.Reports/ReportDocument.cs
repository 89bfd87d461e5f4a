namespace HealthTwin.Reports;

/// <summary>Which document of a period is stored.</summary>
public enum ReportDocument
{
    /// <summary>The health report: figures, charts, tables and the AI insights section (<c>monthly-YYYY-MM</c>, <c>annual-YYYY</c>).</summary>
    HealthReport = 0,

    /// <summary>
    /// The stand-alone AI insights document: the model's narrative of the period, labelled as AI-generated, with the
    /// facts it was given (<c>insights-monthly-YYYY-MM</c>, <c>insights-annual-YYYY</c>). Needs an AI provider.
    /// </summary>
    Insights = 1,
}

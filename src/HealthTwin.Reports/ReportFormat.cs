namespace HealthTwin.Reports;

/// <summary>The file format of a stored report.</summary>
public enum ReportFormat
{
    /// <summary>An A4 PDF with vector charts and embedded fonts (<c>application/pdf</c>, <c>.pdf</c>).</summary>
    Pdf = 0,

    /// <summary>One self-contained HTML page with inline SVG charts (<c>text/html</c>, <c>.html</c>).</summary>
    Html = 1,
}

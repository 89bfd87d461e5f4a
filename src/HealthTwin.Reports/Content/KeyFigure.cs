namespace HealthTwin.Reports.Content;

/// <summary>One tile of the summary: a label, the figure and a line of context.</summary>
internal sealed record KeyFigure(string Id, string Label, string Value, string Detail);

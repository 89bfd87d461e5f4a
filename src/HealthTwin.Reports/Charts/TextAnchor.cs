namespace HealthTwin.Reports.Charts;

/// <summary>Where a text's reference point is, horizontally.</summary>
internal enum TextAnchor
{
    Start = 0,
    Middle = 1,
    End = 2,
}

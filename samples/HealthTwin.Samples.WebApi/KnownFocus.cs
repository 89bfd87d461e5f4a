namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Turns the free-text <c>focus</c> of <c>aws-bedrock-chat</c> into known focuses, so that text a user (or an
/// attacker) typed never reaches a model prompt: "improve my sleep please" → <c>sleep optimization</c>;
/// "ignore previous instructions" → <c>overall health</c>. Matching is by keyword, case-insensitive, after
/// invisible characters are removed.
/// </summary>
internal static class KnownFocus
{
    /// <summary>The focus used when the text names none of the known ones.</summary>
    public const string Overall = "overall health";

    private static readonly (string Keyword, string Focus)[] Keywords =
    [
        ("sleep", "sleep optimization"),
        ("insomnia", "sleep optimization"),
        ("train", "training intensity"),
        ("fitness", "training intensity"),
        ("workout", "training intensity"),
        ("exercise", "training intensity"),
        ("intensity", "training intensity"),
        ("recover", "recovery"),
        ("stress", "stress management"),
        ("burnout", "burnout prevention"),
        ("breath", "breathing exercises"),
        ("relax", "breathing exercises"),
        ("nutrition", "nutrition"),
        ("food", "nutrition"),
        ("meal", "nutrition"),
        ("hydrat", "nutrition"),
        ("injur", "injury prevention"),
        ("predict", "health forecast"),
        ("forecast", "health forecast"),
        ("trend", "health forecast"),
    ];

    /// <summary>All canonical focuses, for documentation and tests.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Keywords.Select(k => k.Focus).Distinct(StringComparer.Ordinal).Append(Overall)];

    /// <summary>The known focuses <paramref name="text"/> mentions, in catalogue order, joined with ", "; <see cref="Overall"/> when none.</summary>
    public static string Match(string text)
    {
        string clean = RequestChecks.StripInvisible(text) ?? string.Empty;
        string[] matched = [.. Keywords.Where(k => clean.Contains(k.Keyword, StringComparison.OrdinalIgnoreCase)).Select(k => k.Focus).Distinct(StringComparer.Ordinal)];
        return matched.Length == 0 ? Overall : string.Join(", ", matched);
    }
}

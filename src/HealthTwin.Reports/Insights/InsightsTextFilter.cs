using System.Text;
using System.Text.RegularExpressions;

namespace HealthTwin.Reports.Insights;

/// <summary>
/// Validates and safety-filters a provider's narrative before it is printed: plain text only, bounded length, no
/// links, no diagnoses, no medication or dosing advice. A paragraph that fails is dropped; if none is left the
/// narrative is rejected as a whole.
/// </summary>
internal static partial class InsightsTextFilter
{
    public const int MaxParagraphs = 6;
    public const int MaxParagraphLength = 900;

    /// <summary>Returns the accepted paragraphs and, when some were dropped, why.</summary>
    public static (IReadOnlyList<string> Accepted, string? Rejected) Filter(IReadOnlyList<string>? paragraphs)
    {
        if (paragraphs is null || paragraphs.Count == 0)
        {
            return ([], "the provider returned no text");
        }

        var accepted = new List<string>();
        string? reason = null;
        foreach (string? raw in paragraphs.Take(MaxParagraphs))
        {
            string text = Clean(raw);
            if (text.Length == 0)
            {
                continue;
            }

            if (text.Length > MaxParagraphLength)
            {
                reason ??= $"a paragraph was longer than {MaxParagraphLength} characters";
                continue;
            }

            if (Unsafe().IsMatch(text))
            {
                reason ??= "a paragraph contained a diagnosis, medication advice or a link";
                continue;
            }

            accepted.Add(text);
        }

        return accepted.Count == 0 ? ([], reason ?? "the provider returned no usable text") : (accepted, reason);
    }

    private static string Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(raw.Length);
        foreach (char c in raw)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return MultiSpace().Replace(builder.ToString(), " ").Replace("**", string.Empty, StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"https?://|www\.|\b((?<!\bnot an? |\bno )diagnos\w*|you have (an? )?(disease|disorder|condition|infection)|prescri\w*|dosage|\d+\s?mg\b|antidepressant|ssri|benzodiazepine|melatonin dose)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultiSpace();
}

using System.Text.RegularExpressions;
using HealthTwin.Agents.Model;
using Microsoft.Extensions.Options;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Cleans what a model wrote before a client sees it: invisible characters, HTML tags, Markdown emphasis, headings,
/// code and images are removed; links are removed unless their host is on <c>Ai:AllowedLinkHosts</c> (https only,
/// the host or one of its subdomains), in which case the Markdown link becomes "text (url)". Local recommendations
/// pass unchanged.
/// </summary>
internal sealed partial class ModelOutputSanitizer(IOptions<ModelOutputSanitizer.Settings> settings)
{
    private const string EmptyTitle = "Recommendation";

    /// <summary>The recommendations with model-written text cleaned.</summary>
    public IReadOnlyList<AgentRecommendation> Clean(IReadOnlyList<AgentRecommendation> recommendations) =>
        [.. recommendations.Select(Clean)];

    public AgentRecommendation Clean(AgentRecommendation recommendation) => recommendation.Source == AgentRecommendation.LocalSource
        ? recommendation
        : recommendation with
        {
            Title = Text(recommendation.Title) is { Length: > 0 } title ? title : EmptyTitle,
            Rationale = Text(recommendation.Rationale),
            Actions = [.. recommendation.Actions.Select(a => a with { Label = Text(a.Label) is { Length: > 0 } label ? label : a.Kind.ToString() })],
        };

    /// <summary>One model-written text, cleaned.</summary>
    public string Text(string text)
    {
        string clean = RequestChecks.StripInvisible(text) ?? string.Empty;
        clean = HtmlTag().Replace(clean, " ");
        clean = MarkdownImage().Replace(clean, " ");
        clean = MarkdownLink().Replace(clean, m => IsAllowed(m.Groups["url"].Value) ? $"{m.Groups["text"].Value} ({m.Groups["url"].Value})" : m.Groups["text"].Value);
        clean = BareLink().Replace(clean, m => IsAllowed(m.Value) ? m.Value : " "); // kept Markdown links are allowed by definition
        clean = ScriptScheme().Replace(clean, " ");
        clean = Emphasis().Replace(clean, string.Empty);
        clean = Heading().Replace(clean, string.Empty);
        return Spaces().Replace(clean, " ").Trim();
    }

    /// <summary>Whether a URL is https and its host is (a subdomain of) an allowed host.</summary>
    internal bool IsAllowed(string url)
    {
        string candidate = url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + url : url;
        return Uri.TryCreate(candidate, UriKind.Absolute, out Uri? uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && string.IsNullOrEmpty(uri.UserInfo)
            && settings.Value.AllowedLinkHosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"<[^<>]{0,2000}>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"!\[[^\]]{0,500}\]\([^)]{0,2000}\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"\[(?<text>[^\]]{0,500})\]\((?<url>[^)\s]{0,2000})[^)]{0,200}\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\b(?:[a-z][a-z0-9+.\-]{1,15}://|www\.)[^\s<>()\[\]""']+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex BareLink();

    [GeneratedRegex(@"\b(?:javascript|vbscript|data|file):\S*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex ScriptScheme();

    [GeneratedRegex(@"\*\*|__|`+|~~|(?<![\w])[*_](?=\w)|(?<=\w)[*_](?![\w])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?:^|(?<=\s))(?:#{1,6}|>)\s", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Spaces();

    /// <summary>The <c>Ai</c> section.</summary>
    internal sealed class Settings
    {
        /// <summary>Hosts whose https links may stay in model output (a host also allows its subdomains). Default none.</summary>
        public string[] AllowedLinkHosts { get; set; } = [];
    }
}

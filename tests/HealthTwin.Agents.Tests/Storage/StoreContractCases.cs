using HealthTwin.Agents.Storage;

namespace HealthTwin.Agents.Tests.Storage;

/// <summary>
/// Malicious user ids and file names every store must reject with <see cref="ArgumentException"/> before it touches
/// storage. Theories get the case <em>name</em> (printable, safe in test reports); the value is looked up here.
/// </summary>
public static class StoreContractCases
{
    /// <summary>Values that are neither valid user ids nor valid file names.</summary>
    private static readonly Dictionary<string, string?> Common = new(StringComparer.Ordinal)
    {
        ["null"] = null,
        ["empty"] = string.Empty,
        ["whitespace"] = "   ",
        ["dot"] = ".",
        ["dot-dot"] = "..",
        ["dot-dot-slash"] = "../x",
        ["nested-traversal"] = "a/../../b",
        ["slash"] = "a/b",
        ["absolute"] = "/abs",
        ["backslash"] = "a\\b",
        ["backslash-traversal"] = "..\\x",
        ["percent-dots"] = "%2e%2e",
        ["percent-slash"] = "%2F",
        ["dots-percent-slash"] = "..%2f",
        ["double-encoded"] = "%252e%252e%252f",
        ["nul"] = "a\0b",
        ["newline"] = "con\n",
        ["tab"] = "a\tb",
        ["delete-char"] = "a\u007fb",
        ["fullwidth-dots"] = "\uff0e\uff0e",
        ["fullwidth-traversal"] = "\uff0e\uff0e\uff0fx",
        ["division-slash"] = "a\u2215b",
        ["fraction-slash"] = "a\u2044b",
        ["one-dot-leaders"] = "\u2024\u2024",
        ["nfkc-ligature"] = "\ufb01le",
        ["combining-dot"] = "a\u0307",
        ["zero-width-space"] = "a\u200bb",
        ["rtl-override"] = "a\u202eb",
        ["non-ascii-letter"] = "\u00fcser",
        ["hidden"] = ".hidden",
        ["ends-with-dots"] = "a..",
        ["colon"] = "c:x",
        ["star"] = "a*",
        ["question-mark"] = "a?b",
        ["url"] = "http://x",
        ["tilde-home"] = "~root",
        ["300-characters"] = new string('a', 300),
    };

    private static readonly Dictionary<string, string?> UserIdOnly = new(StringComparer.Ordinal)
    {
        ["129-characters"] = new string('u', StorageKeys.MaxUserIdLength + 1),
        ["space-inside"] = "al ice",
    };

    private static readonly Dictionary<string, string?> FileNameOnly = new(StringComparer.Ordinal)
    {
        ["256-characters"] = new string('f', StorageKeys.MaxFileNameLength + 1),
        ["leading-space"] = " report.pdf",
        ["trailing-space"] = "report.pdf ",
        ["trailing-dot"] = "report.",
        ["at-sign-path"] = "a@b/c",
    };

    /// <summary>The names of the malicious user ids.</summary>
    public static TheoryData<string> MaliciousUserIds => Names(Common, UserIdOnly);

    /// <summary>The names of the malicious file names.</summary>
    public static TheoryData<string> MaliciousFileNames => Names(Common, FileNameOnly);

    /// <summary>The value of a malicious user id case.</summary>
    public static string MaliciousUserId(string name) => (UserIdOnly.TryGetValue(name, out string? v) ? v : Common[name])!;

    /// <summary>The value of a malicious file name case.</summary>
    public static string MaliciousFileName(string name) => (FileNameOnly.TryGetValue(name, out string? v) ? v : Common[name])!;

    private static TheoryData<string> Names(Dictionary<string, string?> common, Dictionary<string, string?> extra)
    {
        var data = new TheoryData<string>();
        foreach (string name in common.Keys.Concat(extra.Keys))
        {
            data.Add(name);
        }

        return data;
    }
}

using System.Text.Json;
using HealthTwin.Agents.Model;

namespace HealthTwin.Samples.WebApi;

// The original app's edge-function shapes (camelCase JSON). Members are nullable so that a missing one gets a
// 400 naming it instead of a serializer error.

/// <summary><c>aws-bedrock-chat</c> request: the app's agent context, a free-text focus, an optional model, the guide's <c>agentType</c>, a cap on the answer and <c>stream</c>.</summary>
internal sealed record ChatRequest(ChatContext? Context, string? Focus, string? Model, string? AgentType = null, int? MaxRecommendations = null, bool? Stream = null);

/// <summary>The app's <c>AgentContext</c> as the frontend sends it.</summary>
internal sealed record ChatContext(
    UserProfile? Profile, DailyMetrics? Today, IReadOnlyList<DailyMetrics>? Last7Days, Baseline? Baseline, IReadOnlyList<DailyMetrics>? AllMetrics);

/// <summary><c>aws-bedrock-chat</c> response.</summary>
internal sealed record ChatResponse(IReadOnlyList<AgentRecommendation> Recommendations);

/// <summary><c>s3-upload</c> request. <c>data</c> is any JSON; a string is text, or bytes when <c>encoding</c> is <c>base64</c>.</summary>
internal sealed record UploadRequest(JsonElement Data, string? Path, string? Filename, string? ContentType, string? Encoding);

/// <summary><c>s3-upload</c> response: the stored key and a URL to download it from.</summary>
internal sealed record UploadResponse(string Key, Uri Url);

/// <summary><c>s3-download</c> request: a key relative to the caller's folder (<c>reports/x.json</c>) or a full <c>users/{me}/…</c> key.</summary>
internal sealed record DownloadRequest(string? Key);

/// <summary><c>s3-download</c> response: text as UTF-8 (<c>encoding: "utf-8"</c>), anything else as base64.</summary>
internal sealed record DownloadResponse(string Key, string ContentType, long Size, string Data, string Encoding);

/// <summary><c>s3-list</c> request: a prefix like S3's (<c>photos</c> lists <c>photos/meals</c> and <c>photos/sleep-environment</c>; <c>metrics</c> the backup), or nothing for all files.</summary>
internal sealed record ListRequest(string? Prefix);

/// <summary><c>s3-list</c> response.</summary>
internal sealed record ListResponse(IReadOnlyList<ListedFile> Files);

/// <summary>One listed file; a day of the metrics backup has no <c>lastModified</c> (the metrics store keeps none).</summary>
internal sealed record ListedFile(string Key, long Size, DateTimeOffset? LastModified);

/// <summary><c>/api/analyze</c> request. Without <c>metrics</c> the caller's stored days are analysed.</summary>
internal sealed record AnalyzeRequest(UserProfile? Profile, IReadOnlyList<DailyMetrics>? Metrics, ContextData? ContextData, SleepEnvironment? SleepEnvironment);

/// <summary>
/// <c>/api/reports</c> request: <c>period</c> <c>"month"</c> with <c>month</c> <c>"YYYY-MM"</c>, or <c>"year"</c> with
/// <c>year</c>; optional <c>format</c> (<c>pdf</c> | <c>html</c>), <c>document</c> (<c>report</c> | <c>insights</c>) and
/// <c>profile</c> (sleep need, time zone).
/// </summary>
internal sealed record ReportRequest(string? Period, string? Month, int? Year, string? Format, string? Document, UserProfile? Profile);

/// <summary><c>/api/reports</c> response: the stored key and a URL to download it from (S3: pre-signed; file system: a signed link).</summary>
internal sealed record ReportResponse(string Key, Uri Url, string Period, string Document, string Format, string ContentType, long Size);

/// <summary>
/// <c>/api/import</c> response: how many days were stored and their date range, the raw file's key and a link to it,
/// and every skipped record's reason (the first <see cref="ImportEndpoint.MaxSkippedListed"/> listed, all counted).
/// </summary>
internal sealed record ImportResponse(
    string File,
    int DaysImported,
    DateOnly? From,
    DateOnly? To,
    string? RawKey,
    Uri? RawUrl,
    int SkippedCount,
    IReadOnlyList<ImportSkip> Skipped,
    IReadOnlyList<ImportedFile> Files,
    IReadOnlyList<string> Notes);

/// <summary>A record of the file that was not imported: where it is (line or record), the field and why.</summary>
internal sealed record ImportSkip(string File, string Location, string? Field, string Reason);

/// <summary>What one file (or zip entry) of an import contributed: its detected format, days and skipped records.</summary>
internal sealed record ImportedFile(string File, string Format, int Days, int Skipped);

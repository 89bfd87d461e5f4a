using System.ComponentModel.DataAnnotations;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// The <c>Import</c> section of the web host: how large an upload to <c>POST /api/import</c> may be. What the
/// importers accept (time zone, source precedence, the largest zip entry) is the library's <c>HealthTwin:Import</c> section.
/// </summary>
internal sealed class ImportSettings
{
    public const string SectionName = "Import";

    /// <summary>The default <see cref="MaxUploadBytes"/>: 1 GiB (a year or two of Apple Health <c>export.zip</c>).</summary>
    public const long DefaultMaxUploadBytes = 1L << 30;

    /// <summary>
    /// The largest file one import may upload, in bytes (the file itself, not the multipart framing). Larger uploads
    /// get <c>413</c> and nothing is stored. This endpoint's own limit replaces <c>Limits:MaxRequestBodyBytes</c> for it.
    /// Default 1 GiB; allowed 1 KiB – 16 GiB. The raw file also counts against the user's <c>Quotas</c>.
    /// </summary>
    [Range(1024L, 16L << 30)]
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
}

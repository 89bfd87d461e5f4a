using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace HealthTwin.Reports.Pdf;

/// <summary>
/// Resolves the report's font family (<see cref="Family"/>) to DejaVu Sans and DejaVu Sans Bold, shipped inside this
/// assembly as resources (licence in <c>licenses/LICENSE-DejaVu.txt</c> of the package), so reports never depend on
/// system fonts. Registered once per process: as PDFsharp's font resolver when the host has none, else as its
/// fallback resolver, so a host's own resolver keeps working.
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    /// <summary>The family name the report asks for.</summary>
    public const string Family = "HealthTwin Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly object Gate = new();
    private static readonly ReportFontResolver Instance = new();
    private static bool s_registered;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>Registers the resolver with PDFsharp once (thread-safe).</summary>
    public static void EnsureRegistered()
    {
        if (Volatile.Read(ref s_registered))
        {
            return;
        }

        lock (Gate)
        {
            if (s_registered)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FontResolver != Instance && GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }

            Volatile.Write(ref s_registered, true);
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? BoldFace : RegularFace, false, italic)
            : null;

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => faceName is RegularFace or BoldFace ? _faces.GetOrAdd(faceName, Load) : null;

    private static byte[] Load(string faceName)
    {
        string resource = $"HealthTwin.Reports.Fonts.{faceName}.ttf";
        using Stream stream = typeof(ReportFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font resource '{resource}' is missing from {typeof(ReportFontResolver).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}

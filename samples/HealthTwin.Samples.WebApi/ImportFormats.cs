using HealthTwin.Import;

namespace HealthTwin.Samples.WebApi;

/// <summary>The <c>format</c> names of <c>/api/import</c> (as the console's <c>--format</c>): kebab-case <see cref="WearableFormat"/> names and a few short aliases.</summary>
internal static class ImportFormats
{
    /// <summary>The names a client may send, in the enum's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<WearableFormat>().Where(f => f != WearableFormat.Zip).Select(NameOf)];

    /// <summary>The format's name in answers, for example <c>apple-health</c>.</summary>
    public static string NameOf(WearableFormat format) => format switch
    {
        WearableFormat.OpenMHealth => "open-mhealth",
        WearableFormat.FhirR4 => "fhir-r4",
        _ => string.Concat(format.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    /// <summary>The format with this name (case and dashes ignored; also <c>apple</c>, <c>garmin</c>, <c>fhir</c>, <c>omh</c>), or <see langword="null"/>.</summary>
    public static WearableFormat? Parse(string text) => text.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "apple" => WearableFormat.AppleHealth,
        "garmin" => WearableFormat.GarminConnect,
        "fhir" => WearableFormat.FhirR4,
        "omh" => WearableFormat.OpenMHealth,
        "zip" => null,
        var name => Enum.TryParse(name, ignoreCase: true, out WearableFormat f) && Enum.IsDefined(f) && name.Length > 0 && !char.IsAsciiDigit(name[0]) ? f : null,
    };
}

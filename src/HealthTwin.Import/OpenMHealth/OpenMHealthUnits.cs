namespace HealthTwin.Import.OpenMHealth;

/// <summary>Open mHealth duration units (UCUM-like codes of its unit-value schemas).</summary>
internal static class OpenMHealthUnits
{
    /// <summary>Hours in one unit of the duration unit, or null when the unit is not a duration unit.</summary>
    public static double? HoursPer(string? unit) => unit switch
    {
        "ps" => 1 / 3.6e15,
        "ns" => 1 / 3.6e12,
        "us" => 1 / 3.6e9,
        "ms" => 1 / 3.6e6,
        "sec" or "s" => 1 / 3600d,
        "min" => 1 / 60d,
        "h" => 1,
        "d" => 24,
        "wk" => 168,
        _ => null,
    };

    public const string DurationUnits = "ms, sec, min, h or d";
}

namespace HealthTwin.Reports.Charts;

/// <summary>The report's colours (colour-blind-safe pairs where meaning depends on colour, always with a legend).</summary>
internal static class ReportPalette
{
    public static readonly ChartColor Ink = ChartColor.FromHex(0x1F2937);
    public static readonly ChartColor Muted = ChartColor.FromHex(0x6B7280);
    public static readonly ChartColor Grid = ChartColor.FromHex(0xE5E7EB);
    public static readonly ChartColor NoData = ChartColor.FromHex(0xF3F4F6);
    public static readonly ChartColor NoDataMark = ChartColor.FromHex(0xD1D5DB);
    public static readonly ChartColor Accent = ChartColor.FromHex(0x0F766E);
    public static readonly ChartColor AccentLight = ChartColor.FromHex(0xCCFBF1);
    public static readonly ChartColor Readiness = ChartColor.FromHex(0x2563EB);
    public static readonly ChartColor Hrv = ChartColor.FromHex(0x7C3AED);
    public static readonly ChartColor HrvBand = ChartColor.FromHex(0xDDD6FE);
    public static readonly ChartColor RestingHr = ChartColor.FromHex(0xDC2626);
    public static readonly ChartColor SleepMet = ChartColor.FromHex(0x3B82F6);
    public static readonly ChartColor SleepShort = ChartColor.FromHex(0xF59E0B);
    public static readonly ChartColor Baseline = ChartColor.FromHex(0x374151);
    public static readonly ChartColor Load = ChartColor.FromHex(0xCBD5E1);
    public static readonly ChartColor Fitness = ChartColor.FromHex(0x2563EB);
    public static readonly ChartColor Fatigue = ChartColor.FromHex(0xEA580C);
    public static readonly ChartColor Form = ChartColor.FromHex(0x059669);
    public static readonly ChartColor Low = ChartColor.FromHex(0xDC2626);
    public static readonly ChartColor Moderate = ChartColor.FromHex(0xF59E0B);
    public static readonly ChartColor Good = ChartColor.FromHex(0x84CC16);
    public static readonly ChartColor High = ChartColor.FromHex(0x15803D);
    public static readonly ChartColor Green = ChartColor.FromHex(0x22C55E);
    public static readonly ChartColor Yellow = ChartColor.FromHex(0xFACC15);
    public static readonly ChartColor Red = ChartColor.FromHex(0xEF4444);
    public static readonly ChartColor White = ChartColor.FromHex(0xFFFFFF);

    public static ChartColor ForReadiness(int score) => score switch
    {
        < 50 => Low,
        < 70 => Moderate,
        < 85 => Good,
        _ => High,
    };
}

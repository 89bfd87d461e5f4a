using System.Globalization;

namespace HealthTwin.Reports.Charts;

/// <summary>An sRGB colour with opacity, shared by the PDF and SVG canvases.</summary>
internal readonly record struct ChartColor(byte R, byte G, byte B, double Alpha = 1)
{
    public static ChartColor FromHex(uint rgb, double alpha = 1) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb, alpha);

    public string Hex => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");

    public ChartColor WithAlpha(double alpha) => this with { Alpha = alpha };
}

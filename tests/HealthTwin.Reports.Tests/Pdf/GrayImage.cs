using System.Globalization;
using System.Text;

namespace HealthTwin.Reports.Tests.Pdf;

/// <summary>An 8-bit grey image read from a binary PGM (P5), as written by <c>pdftoppm -gray</c>.</summary>
internal sealed class GrayImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public static GrayImage ReadPgm(byte[] data)
    {
        int position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)data[position]))
            {
                position++;
            }

            int start = position;
            while (!char.IsWhiteSpace((char)data[position]))
            {
                position++;
            }

            return Encoding.ASCII.GetString(data, start, position - start);
        }

        Token().Should().Be("P5");
        int width = int.Parse(Token(), CultureInfo.InvariantCulture);
        int height = int.Parse(Token(), CultureInfo.InvariantCulture);
        int max = int.Parse(Token(), CultureInfo.InvariantCulture);
        max.Should().Be(255);
        position++;
        return new GrayImage(width, height, data.AsSpan(position, width * height).ToArray());
    }

    /// <summary>The share of pixels darker than near-white, and how many distinct grey levels occur, in a box (pixels).</summary>
    public (double InkShare, int Levels) Inspect(int left, int top, int right, int bottom)
    {
        left = Math.Clamp(left, 0, Width);
        right = Math.Clamp(right, 0, Width);
        top = Math.Clamp(top, 0, Height);
        bottom = Math.Clamp(bottom, 0, Height);
        int ink = 0, total = 0;
        var levels = new HashSet<byte>();
        for (int y = top; y < bottom; y++)
        {
            for (int x = left; x < right; x++)
            {
                byte v = pixels[(y * Width) + x];
                levels.Add(v);
                total++;
                ink += v < 235 ? 1 : 0;
            }
        }

        return (total == 0 ? 0 : (double)ink / total, levels.Count);
    }
}

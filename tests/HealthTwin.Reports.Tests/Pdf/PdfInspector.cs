using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace HealthTwin.Reports.Tests.Pdf;

/// <summary>Reads generated PDFs back: text with PdfPig, fonts with poppler's pdffonts, pixels with poppler's pdftoppm.</summary>
internal static class PdfInspector
{
    /// <summary>Finds a heading: its page and the PDF y (bottom-up) of its baseline.</summary>
    public static (int Page, double Baseline)? FindText(PdfDocument document, string text)
    {
        string wanted = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (Page page in document.GetPages())
        {
            Letter[] letters = [.. page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))];
            var joined = new StringBuilder();
            foreach (Letter letter in letters)
            {
                joined.Append(letter.Value);
            }

            int at = joined.ToString().IndexOf(wanted, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (page.Number, letters[at].StartBaseLine.Y);
            }
        }

        return null;
    }

    public static string AllText(PdfDocument document) =>
        string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

    /// <summary>Runs a poppler tool and returns its standard output.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {error}");
        }

        return output;
    }

    /// <summary>Renders one page to an 8-bit grey bitmap with pdftoppm (-gray, PGM).</summary>
    public static GrayImage Render(string pdfPath, int page, int dpi)
    {
        string prefix = Path.Combine(Path.GetDirectoryName(pdfPath)!, $"page-{page}-{dpi}");
        Run("pdftoppm", "-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdfPath, prefix);
        return GrayImage.ReadPgm(File.ReadAllBytes(prefix + ".pgm"));
    }
}

using System.Globalization;
using nietras.SeparatedValues;

namespace HealthTwin.Import.Reading;

/// <summary>
/// The header of a vendor CSV read with Sep: column names matched after trimming (Oura writes
/// <c>"Total Bedtime "</c> with a trailing space), with a clear error when a required column is missing.
/// </summary>
internal sealed class CsvColumns
{
    private readonly Dictionary<string, int> indices = new(StringComparer.OrdinalIgnoreCase);

    private CsvColumns(IReadOnlyList<string> names)
    {
        for (int i = 0; i < names.Count; i++)
        {
            indices.TryAdd(names[i].Trim().TrimStart('\uFEFF'), i);
        }
    }

    /// <summary>Sep options for vendor exports: header, unescaping quotes, rows of any length (checked per row).</summary>
    public static SepReaderOptions Options => Sep.New(',').Reader(o => o with
    {
        HasHeader = true,
        Unescape = true,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    /// <summary>Opens a CSV and checks its header.</summary>
    public static async Task<(SepReader Reader, CsvColumns Columns)> OpenAsync(Stream content, WearableReadContext context, string[] required, CancellationToken cancellationToken)
    {
        SepReader reader;
        try
        {
            reader = await Options.FromAsync(content, leaveOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new WearableImportException(context.FileName, "line 1", "header", "the CSV header could not be read: " + ex.Message, ex);
        }

        var columns = new CsvColumns(reader.Header.ColNames);
        foreach (string name in required)
        {
            if (!columns.Has(name))
            {
                reader.Dispose();
                throw new WearableImportException(
                    context.FileName,
                    "line 1",
                    name,
                    $"the header has no column '{name}' (found: {string.Join(", ", reader.Header.ColNames.Take(12).Select(Values.Printable))}{(reader.Header.ColNames.Count > 12 ? ", …" : string.Empty)}).");
            }
        }

        return (reader, columns);
    }

    public bool Has(string name) => indices.ContainsKey(name);

    /// <summary>The text of a column in a row, or null when the column is absent from the header or the row is short.</summary>
    public string? Get(SepReader.Row row, string name) =>
        indices.TryGetValue(name, out int index) && index < row.ColCount ? row[index].ToString() : null;

    /// <summary>Reads a number column into a metric; a bad value is skipped with its reason and leaves the metric unset.</summary>
    public double? Number(SepReader.Row row, string name, double min, double max, string unit, WearableReadContext context, string location)
    {
        if (!Values.TryNumber(Get(row, name), min, max, unit, out double? value, out string? reason))
        {
            context.Skip(location, name, reason!);
            return null;
        }

        return value;
    }

    public static string Line(SepReader.Row row) => "line " + row.LineNumberFrom.ToString(CultureInfo.InvariantCulture);
}

using System.Text;

namespace HealthTwin.Import.Tests.Support;

/// <summary>Runs one format importer directly on a sample, returning what it collected.</summary>
internal static class Read
{
    public static async Task<WearableReadContext> SampleAsync(IWearableImporter importer, string relative, string? zone = null)
    {
        await using FileStream stream = System.IO.File.OpenRead(Sample.PathOf(relative));
        var context = new WearableReadContext(Path.GetFileName(relative), zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone));
        await importer.ReadAsync(stream, context, CancellationToken.None);
        return context;
    }

    public static async Task<WearableReadContext> TextAsync(IWearableImporter importer, string name, string text, string? zone = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var context = new WearableReadContext(name, zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone));
        await importer.ReadAsync(stream, context, CancellationToken.None);
        return context;
    }

    public static ImportedDay Day(this WearableReadContext context, string date) =>
        context.Days.Should().ContainSingle(d => d.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Subject;

    public static bool Sees(IWearableImporter importer, string name, string text) =>
        importer.CanRead(new WearableFileHead(name, Encoding.UTF8.GetBytes(text)));
}

using System.Globalization;
using System.Text.Json;

namespace HealthTwin.Import.Reading;

/// <summary>Reads fields of vendor JSON with range checks; a bad value is skipped with its reason.</summary>
internal static class JsonFields
{
    /// <summary>Parses a whole JSON document; malformed or truncated JSON is an import error naming the line.</summary>
    public static async Task<JsonDocument> ParseAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(content, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 64 }, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            string line = ex.LineNumber is { } l ? "line " + (l + 1).ToString(CultureInfo.InvariantCulture) : "document";
            throw new WearableImportException(context.FileName, line, null, "the JSON is malformed or truncated: " + Reason(ex), ex);
        }
    }

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A number field (JSON number, or a string holding one as Fitbit writes); null when absent or null.</summary>
    public static double? Number(JsonElement element, string name, double min, double max, string unit, WearableReadContext context, string location)
    {
        if (Property(element, name) is not { } value)
        {
            return null;
        }

        double parsed;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double d))
        {
            parsed = d;
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            if (!Values.TryNumber(value.GetString(), min, max, unit, out double? fromText, out string? textReason))
            {
                context.Skip(location, name, textReason!);
            }

            return fromText;
        }
        else
        {
            context.Skip(location, name, $"a {value.ValueKind} is not a number (expected {unit}, {Values.Range(min, max)}).");
            return null;
        }

        if (!Values.InRange(parsed, min, max, unit, out double? result, out string? reason))
        {
            context.Skip(location, name, reason!);
        }

        return result;
    }

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryInstant(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    /// <summary>The records of a response: the array itself, or the first array property among <paramref name="names"/>, or the object as a single record.</summary>
    public static IEnumerable<(JsonElement Record, string Location)> Records(JsonElement root, params string[] names)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (JsonElement item in root.EnumerateArray())
            {
                yield return (item, $"$[{i++}]");
            }

            yield break;
        }

        foreach (string name in names)
        {
            if (Property(root, name) is { ValueKind: JsonValueKind.Array } array)
            {
                int i = 0;
                foreach (JsonElement item in array.EnumerateArray())
                {
                    yield return (item, $"$.{name}[{i++}]");
                }

                yield break;
            }
        }

        yield return (root, "$");
    }

    private static string Reason(JsonException ex)
    {
        string message = ex.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using HealthTwin.Agents.Model;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Reads the app's chronotype values (<c>early</c>, <c>normal</c>, <c>night</c>) as well as the SDK's
/// (<c>intermediate</c>, <c>late</c>), case-insensitively; writes the SDK's. Registered in the host's JSON options,
/// where it takes precedence over the enum's own converter.
/// </summary>
internal sealed class AppChronotypeConverter : JsonConverter<Chronotype>
{
    /// <summary>The values a request may send, for error messages.</summary>
    public const string Allowed = "early, normal or night (also intermediate or late)";

    public override Chronotype Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            switch (reader.GetString()?.Trim().ToLowerInvariant())
            {
                case "early": return Chronotype.Early;
                case "normal" or "intermediate": return Chronotype.Intermediate;
                case "night" or "late": return Chronotype.Late;
            }
        }

        throw new JsonException($"chronotype must be {Allowed}.");
    }

    public override void Write(Utf8JsonWriter writer, Chronotype value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value switch
        {
            Chronotype.Early => "early",
            Chronotype.Late => "late",
            _ => "intermediate",
        });
}

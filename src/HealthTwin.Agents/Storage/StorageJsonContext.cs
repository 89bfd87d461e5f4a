using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Storage;

/// <summary>The sidecar document of a stored file: content type and metadata.</summary>
internal sealed class BlobMetadataDocument
{
    public string? ContentType { get; set; }

    public Dictionary<string, string>? Metadata { get; set; }
}

/// <summary>Source-generated JSON for storage internals.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BlobMetadataDocument))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

namespace HealthTwin.Agents.Storage;

/// <summary>A flat key/value object space with S3 semantics, shared by the file-system and in-memory stores.</summary>
internal interface IBlobBackend
{
    Task<BlobInfo> PutAsync(string key, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    Task<BlobRead?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Lists keys that start with <paramref name="prefix"/> (which ends in '/'), in ordinal key order.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A stored object's key, size, time and (when known) content type.</summary>
internal sealed record BlobInfo(string Key, long Size, DateTimeOffset LastModified, string? ContentType);

/// <summary>An opened object.</summary>
internal sealed record BlobRead(BlobInfo Info, Stream Content, IReadOnlyDictionary<string, string> Metadata);

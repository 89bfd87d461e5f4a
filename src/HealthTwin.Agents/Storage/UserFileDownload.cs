namespace HealthTwin.Agents.Storage;

/// <summary>An open download of a user file. Dispose it to release the stream.</summary>
public sealed class UserFileDownload : IAsyncDisposable, IDisposable
{
    /// <summary>Creates a download.</summary>
    /// <param name="info">What the file is.</param>
    /// <param name="content">The content stream; owned by this object.</param>
    /// <param name="metadata">The stored metadata (<c>user-id</c>, <c>data-type</c>, <c>uploaded-at</c>, …).</param>
    public UserFileDownload(StoredFileInfo info, Stream content, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(metadata);
        Info = info;
        Content = content;
        Metadata = metadata;
    }

    /// <summary>What the file is (key, size, content type, last modified).</summary>
    public StoredFileInfo Info { get; }

    /// <summary>The content. Read it once.</summary>
    public Stream Content { get; }

    /// <summary>
    /// The stored metadata. Every built-in store writes <c>user-id</c> (the owner), <c>data-type</c> (the category
    /// path, for example <c>wearable-exports</c>) and <c>uploaded-at</c> (ISO 8601 UTC with milliseconds, for example
    /// <c>2025-03-14T08:30:00.000Z</c>), as the original app's S3 functions did.
    /// </summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();
}

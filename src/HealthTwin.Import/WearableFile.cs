using HealthTwin.Import.Reading;

namespace HealthTwin.Import;

/// <summary>A file to import: a name for messages and a way to open its content.</summary>
public sealed class WearableFile
{
    private readonly Func<CancellationToken, ValueTask<Stream>> open;

    private WearableFile(string name, Func<CancellationToken, ValueTask<Stream>> open)
    {
        Name = name;
        this.open = open;
    }

    /// <summary>The name used in errors and summaries.</summary>
    public string Name { get; }

    /// <summary>A file on disk, opened for sequential reading when imported.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The file.</returns>
    public static WearableFile FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new WearableFile(Path.GetFileName(path), _ => ValueTask.FromResult<Stream>(
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous)));
    }

    /// <summary>
    /// A stream owned by the caller (it is not disposed). A non-seekable stream holding a zip is copied to a
    /// temporary file that is deleted afterwards, because a zip's directory is at its end.
    /// </summary>
    /// <param name="name">The file name.</param>
    /// <param name="content">The content.</param>
    /// <returns>The file.</returns>
    public static WearableFile FromStream(string name, Stream content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        return new WearableFile(name, _ => ValueTask.FromResult<Stream>(new NonDisposingStream(content)));
    }

    /// <summary>Opens the content.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>A stream the caller disposes.</returns>
    internal ValueTask<Stream> OpenAsync(CancellationToken cancellationToken) => open(cancellationToken);
}

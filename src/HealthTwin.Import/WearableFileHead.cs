namespace HealthTwin.Import;

/// <summary>The start of a file, given to <see cref="IWearableImporter.CanRead"/> for detection from content.</summary>
/// <param name="FileName">The file name (used only to break ties between formats whose content is alike).</param>
/// <param name="Bytes">Up to the first 8 KiB of the content.</param>
public readonly record struct WearableFileHead(string FileName, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The head decoded as UTF-8 text, without a byte-order mark.</summary>
    public string Text
    {
        get
        {
            ReadOnlySpan<byte> span = Bytes.Span;
            if (span.StartsWith("\uFEFF"u8))
            {
                span = span[3..];
            }

            return System.Text.Encoding.UTF8.GetString(span);
        }
    }
}

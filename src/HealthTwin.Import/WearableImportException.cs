namespace HealthTwin.Import;

/// <summary>
/// A file could not be imported at all (not a supported format, a wrong header, a truncated zip, malformed XML or
/// JSON). Names the file, the line or record and the field. Nothing from the import is stored when it is thrown.
/// </summary>
public sealed class WearableImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WearableImportException()
        : this("The wearable file could not be imported.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public WearableImportException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WearableImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    /// <summary>Creates the exception for a place in a file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="location">The line or record, if known.</param>
    /// <param name="field">The field, if one is at fault.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WearableImportException(string file, string? location, string? field, string reason, Exception? innerException = null)
        : base(Describe(file, location, field, reason), innerException)
    {
        File = file;
        Location = location;
        Field = field;
    }

    /// <summary>The file that failed.</summary>
    public string File { get; }

    /// <summary>The line or record, when known.</summary>
    public string? Location { get; }

    /// <summary>The field, when one field was at fault.</summary>
    public string? Field { get; }

    private static string Describe(string file, string? location, string? field, string reason)
    {
        string where = file;
        if (!string.IsNullOrEmpty(location))
        {
            where += " " + location;
        }

        if (!string.IsNullOrEmpty(field))
        {
            where += " field '" + field + "'";
        }

        return where + ": " + reason;
    }
}

using System.Text.RegularExpressions;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// A folder of user files under <c>users/{userId}/</c>: the four of the bucket layout
/// (<see cref="WearableExports"/>, <see cref="SleepEnvironmentPhotos"/>, <see cref="MealPhotos"/>, <see cref="Reports"/>)
/// or a host-defined one made with <see cref="Custom"/>.
/// </summary>
public readonly partial record struct UserFileCategory
{
    private UserFileCategory(string path) => Path = path;

    /// <summary>Raw wearable data exports (<c>wearable-exports</c>).</summary>
    public static UserFileCategory WearableExports { get; } = new("wearable-exports");

    /// <summary>Photos of the sleep environment (<c>photos/sleep-environment</c>).</summary>
    public static UserFileCategory SleepEnvironmentPhotos { get; } = new("photos/sleep-environment");

    /// <summary>Meal photos (<c>photos/meals</c>).</summary>
    public static UserFileCategory MealPhotos { get; } = new("photos/meals");

    /// <summary>Generated reports (<c>reports</c>).</summary>
    public static UserFileCategory Reports { get; } = new("reports");

    /// <summary>The built-in categories.</summary>
    public static IReadOnlyList<UserFileCategory> BuiltIn { get; } = [WearableExports, SleepEnvironmentPhotos, MealPhotos, Reports];

    /// <summary>The relative folder under the user's prefix, for example <c>photos/meals</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// A host-defined category: one or two lower-case segments of <c>a–z</c>, <c>0–9</c> and <c>-</c> separated by
    /// <c>/</c>, each 1–32 characters. <c>metrics</c> is reserved for the metrics store.
    /// </summary>
    /// <param name="path">The folder, for example <c>"training-logs"</c>.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentException">The path is not allowed.</exception>
    public static UserFileCategory Custom(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!CategoryPattern().IsMatch(path))
        {
            throw new InvalidArgumentException($"category '{StorageKeys.Printable(path)}' is not allowed: use one or two segments of a-z, 0-9 and '-' (1-32 characters each), separated by '/'.", nameof(path));
        }

        if (path == StorageKeys.MetricsFolder || path.StartsWith(StorageKeys.MetricsFolder + "/", StringComparison.Ordinal))
        {
            throw new InvalidArgumentException("category 'metrics' is reserved for the metrics store.", nameof(path));
        }

        return new UserFileCategory(path);
    }

    /// <summary>Parses a category path such as <c>"reports"</c> or <c>"photos/meals"</c> (built-in or custom).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentException">The path is not allowed.</exception>
    public static UserFileCategory Parse(string path)
    {
        foreach (UserFileCategory category in BuiltIn)
        {
            if (string.Equals(category.Path, path, StringComparison.Ordinal))
            {
                return category;
            }
        }

        return Custom(path);
    }

    /// <summary>Whether this is a valid category (the default value is not).</summary>
    public bool IsValid => Path is not null;

    /// <inheritdoc />
    public override string ToString() => Path ?? string.Empty;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,31})(?:/[a-z0-9](?:[a-z0-9-]{0,31}))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CategoryPattern();
}

using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// Per-user storage of daily metrics, one record per user and day (<c>users/{userId}/metrics/{yyyy-MM-dd}.json</c>).
/// The file-system store is the default; the AWS add-on's S3 store replaces it with one line.
/// </summary>
public interface IMetricsStore
{
    /// <summary>
    /// Saves days for a user. An idempotent upsert: saving the same day again replaces it, so a retried save never
    /// duplicates or corrupts. Every day is validated before anything is written.
    /// </summary>
    /// <param name="userId">The user (validated).</param>
    /// <param name="metrics">The days; a date may occur once.</param>
    /// <param name="cancellationToken">Cancels the save (days already written stay written).</param>
    /// <returns>A task that completes when every day is stored.</returns>
    /// <exception cref="HealthDataValidationException">A day is out of range or a date repeats; nothing is written.</exception>
    Task SaveAsync(string userId, IEnumerable<DailyMetrics> metrics, CancellationToken cancellationToken = default);

    /// <summary>Loads the user's days from <paramref name="fromDate"/> to <paramref name="toDate"/> inclusive, sorted by date. Missing days are absent, not zero.</summary>
    /// <param name="userId">The user (validated).</param>
    /// <param name="fromDate">The first day.</param>
    /// <param name="toDate">The last day (not before <paramref name="fromDate"/>).</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The days present in the range.</returns>
    Task<IReadOnlyList<DailyMetrics>> LoadAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default);

    /// <summary>Lists the days the user has stored, in ascending order.</summary>
    /// <param name="userId">The user (validated).</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The dates.</returns>
    IAsyncEnumerable<DateOnly> ListDatesAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the user's days from <paramref name="fromDate"/> to <paramref name="toDate"/> inclusive.</summary>
    /// <param name="userId">The user (validated).</param>
    /// <param name="fromDate">The first day.</param>
    /// <param name="toDate">The last day.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>How many days were deleted.</returns>
    Task<int> DeleteAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default);
}

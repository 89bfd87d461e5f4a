using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Providers;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents;

/// <summary>
/// Builds <see cref="AgentContext"/>s: validates the profile, every day and a host-supplied baseline (errors name
/// field, value and allowed range), sorts the history, computes the baseline under the configured rule preset, reads
/// the clock once and converts it to the user's time zone.
/// </summary>
public sealed class AgentContextFactory
{
    private readonly TimeProvider _timeProvider;
    private readonly HealthTwinOptions _options;
    private readonly RuleOptions _rules;
    private readonly IEnvironmentContextProvider? _environmentProvider;
    private AlertThresholds? _thresholds;

    /// <summary>Creates a factory with the system clock and default options (for use without dependency injection).</summary>
    public AgentContextFactory()
        : this(TimeProvider.System, Options.Create(new HealthTwinOptions()))
    {
    }

    /// <summary>Creates a factory.</summary>
    /// <param name="timeProvider">The clock; the only source of "now".</param>
    /// <param name="options">The options (alert thresholds).</param>
    /// <param name="environmentProvider">An optional provider of weather and location.</param>
    public AgentContextFactory(TimeProvider timeProvider, IOptions<HealthTwinOptions> options, IEnvironmentContextProvider? environmentProvider = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _options = options.Value;
        _rules = (_options.Rules ?? new RuleOptions()).Clone();
        _environmentProvider = environmentProvider;
    }

    /// <summary>Builds a context synchronously (the environment provider is not consulted).</summary>
    /// <param name="userId">The user id (validated like a storage user id).</param>
    /// <param name="profile">The profile.</param>
    /// <param name="history">The days, in any order, at least one; the most recent is today.</param>
    /// <param name="options">
    /// Optional baseline, surroundings and bedroom readings. A supplied baseline is validated (see
    /// <see cref="Baseline.Validate()"/>); in the evidence-based preset, its missing day-to-day spreads
    /// (<see cref="Baseline.HrvLnSd"/>, <see cref="Baseline.RestingHrSd"/>) are taken from the history's previous days.
    /// </param>
    /// <returns>The context.</returns>
    /// <exception cref="HealthDataValidationException">
    /// The profile, a day or the supplied baseline is out of range, a date repeats, or the history is empty.
    /// </exception>
    /// <exception cref="ArgumentException">The user id is invalid.</exception>
    public AgentContext Create(string userId, UserProfile profile, IEnumerable<DailyMetrics> history, AgentContextOptions? options = null)
    {
        StorageKeys.ValidateUserId(userId);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(history);

        List<MetricsValidationError>? errors = null;
        profile.Validate(ref errors, out TimeZoneInfo? zone);
        options?.Baseline?.Validate(ref errors);
        DailyMetrics[] days = SortAndValidate(history, ref errors);
        if (days.Length == 0)
        {
            (errors ??= []).Add(new("history", "0 days", "at least one day"));
        }

        if (errors is not null)
        {
            throw new HealthDataValidationException(errors);
        }

        DateTimeOffset now = _timeProvider.GetUtcNow();
        DateTimeOffset local = TimeZoneInfo.ConvertTime(now, zone!);
        ContextData? contextData = options?.ContextData;
        if (contextData is not null && contextData.TimeOfDay is null)
        {
            contextData = contextData with { TimeOfDay = TimeOfDayOf(local.Hour) };
        }

        return new AgentContext
        {
            UserId = userId,
            Profile = profile,
            AllMetrics = days,
            Baseline = BaselineFor(days, options?.Baseline),
            AnalyzedAt = now,
            LocalTime = local,
            Thresholds = ThresholdsSnapshot(),
            Rules = _rules,
            ContextData = contextData,
            SleepEnvironment = options?.SleepEnvironment,
        };
    }

    /// <summary>
    /// Builds a context and, when <paramref name="options"/> carries no <see cref="ContextData"/>, asks the
    /// registered <see cref="IEnvironmentContextProvider"/> (if any) for weather and location.
    /// </summary>
    /// <param name="userId">The user id.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="history">The days, in any order, at least one.</param>
    /// <param name="options">Optional baseline, surroundings and bedroom readings.</param>
    /// <param name="cancellationToken">Cancels the provider call.</param>
    /// <returns>The context.</returns>
    public async ValueTask<AgentContext> CreateAsync(string userId, UserProfile profile, IEnumerable<DailyMetrics> history, AgentContextOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (options?.ContextData is null && _environmentProvider is not null)
        {
            ArgumentNullException.ThrowIfNull(profile);
            ContextData? provided = await _environmentProvider.GetContextAsync(userId, profile, cancellationToken).ConfigureAwait(false);
            if (provided is not null)
            {
                options = (options ?? new AgentContextOptions()) with { ContextData = provided };
            }
        }

        return Create(userId, profile, history, options);
    }

    /// <summary>
    /// The computed baseline, or the host's; in the evidence-based preset a host baseline without day-to-day spreads
    /// gets them from the history (same HRV method only), so the SD-based rules can run.
    /// </summary>
    private Baseline BaselineFor(DailyMetrics[] days, Baseline? supplied)
    {
        if (supplied is null)
        {
            return BaselineCalculator.ComputeDays(days, _rules);
        }

        if (_rules.IsOriginalApp || (supplied.HrvLnSd.HasValue && supplied.RestingHrSd.HasValue))
        {
            return supplied;
        }

        Baseline computed = BaselineCalculator.ComputeDays(days, _rules);
        return supplied with
        {
            HrvLnSd = supplied.HrvLnSd ?? (computed.HrvMethod == supplied.HrvMethod ? computed.HrvLnSd : null),
            RestingHrSd = supplied.RestingHrSd ?? computed.RestingHrSd,
        };
    }

    /// <summary>The part of the day of a local hour: night 0–4, morning 5–11, afternoon 12–16, evening 17–21, late evening 22–23.</summary>
    /// <param name="hour">The local hour, 0–23.</param>
    /// <returns>The part of the day.</returns>
    public static TimeOfDay TimeOfDayOf(int hour) => hour switch
    {
        < 5 => TimeOfDay.Night,
        < 12 => TimeOfDay.Morning,
        < 17 => TimeOfDay.Afternoon,
        < 22 => TimeOfDay.Evening,
        _ => TimeOfDay.LateEvening,
    };

    /// <summary>
    /// A read-only copy of the configured thresholds as they are now, shared by every context built while they stay
    /// the same (four comparisons per context; a copy only after the options changed).
    /// </summary>
    private AlertThresholds ThresholdsSnapshot()
    {
        AlertThresholds live = _options.Alerts ?? new AlertThresholds();
        AlertThresholds? snapshot = Volatile.Read(ref _thresholds);
        if (snapshot is null || !snapshot.SameValues(live))
        {
            snapshot = live.ToReadOnly();
            Volatile.Write(ref _thresholds, snapshot);
        }

        return snapshot;
    }

    /// <summary>Copies the history, validates every day and checks the order in one pass; sorts only when needed.</summary>
    private static DailyMetrics[] SortAndValidate(IEnumerable<DailyMetrics> history, ref List<MetricsValidationError>? errors)
    {
        DailyMetrics[] days;
        if (history is ICollection<DailyMetrics> collection)
        {
            days = new DailyMetrics[collection.Count];
            collection.CopyTo(days, 0);
        }
        else
        {
            days = [.. history];
        }

        bool sorted = true;
        bool valid = true;
        DailyMetrics? previous = null;
        for (int i = 0; i < days.Length; i++)
        {
            DailyMetrics day = days[i];
            if (day is null)
            {
                (errors ??= []).Add(new($"history[{i}]", "null", "a day of metrics"));
                valid = false;
                previous = null;
                continue;
            }

            valid &= MetricsValidator.ValidateDay(day, ref errors);
            if (previous is not null && previous.Date >= day.Date)
            {
                sorted = false;
            }

            previous = day;
        }

        if (!valid || errors is not null)
        {
            return days;
        }

        if (!sorted)
        {
            Array.Sort(days, static (a, b) => a.Date.CompareTo(b.Date));
            for (int i = 1; i < days.Length; i++)
            {
                if (days[i].Date == days[i - 1].Date)
                {
                    (errors ??= []).Add(MetricsValidator.DuplicateDate(days[i].Date));
                }
            }
        }

        return days;
    }
}

using System.Collections.Frozen;

namespace HealthTwin.Import.Merging;

/// <summary>
/// Which source wins, per metric group, when several sources have the same day. The default favours the device
/// built for the metric:
/// <list type="bullet">
/// <item><description>Sleep, HRV, resting HR: Oura, WHOOP, Garmin, Fitbit, Apple Health (worn overnight, measured at rest first).</description></item>
/// <item><description>Steps: Garmin, Apple Health, Fitbit, Oura, WHOOP (wrist and phone step counters first).</description></item>
/// <item><description>Workout minutes: Garmin, Apple Health, WHOOP, Fitbit, Oura.</description></item>
/// <item><description>Training load: WHOOP, Garmin, Oura (only WHOOP strain is imported today).</description></item>
/// <item><description>Stress: Garmin, then the others.</description></item>
/// </list>
/// Open mHealth and FHIR come last in every group: they are interchange formats whose device is unknown.
/// </summary>
internal sealed class MetricPrecedence
{
    private static readonly WearableSource[] Overnight =
        [WearableSource.Oura, WearableSource.Whoop, WearableSource.Garmin, WearableSource.Fitbit, WearableSource.AppleHealth];

    private readonly FrozenDictionary<MetricGroup, WearableSource[]> order;

    private MetricPrecedence(Dictionary<MetricGroup, WearableSource[]> order) => this.order = order.ToFrozenDictionary();

    /// <summary>The documented default order.</summary>
    public static MetricPrecedence Default { get; } = new(new Dictionary<MetricGroup, WearableSource[]>
    {
        [MetricGroup.Sleep] = Complete(Overnight),
        [MetricGroup.Hrv] = Complete(Overnight),
        [MetricGroup.RestingHr] = Complete(Overnight),
        [MetricGroup.Steps] = Complete([WearableSource.Garmin, WearableSource.AppleHealth, WearableSource.Fitbit, WearableSource.Oura, WearableSource.Whoop]),
        [MetricGroup.WorkoutMinutes] = Complete([WearableSource.Garmin, WearableSource.AppleHealth, WearableSource.Whoop, WearableSource.Fitbit, WearableSource.Oura]),
        [MetricGroup.TrainingLoad] = Complete([WearableSource.Whoop, WearableSource.Garmin, WearableSource.Oura]),
        [MetricGroup.StressScore] = Complete([WearableSource.Garmin]),
        [MetricGroup.SelfReport] = Complete([]),
    });

    /// <summary>The default order with the given groups replaced (unlisted sources follow in default order).</summary>
    /// <param name="overrides">Per group, the preferred sources first.</param>
    /// <returns>The precedence.</returns>
    /// <exception cref="ArgumentException">A group or source name is unknown.</exception>
    public static MetricPrecedence From(IReadOnlyDictionary<string, List<string>>? overrides)
    {
        if (overrides is null || overrides.Count == 0)
        {
            return Default;
        }

        var parsed = new Dictionary<MetricGroup, List<WearableSource>>();
        foreach ((string group, List<string> sources) in overrides)
        {
            parsed[Enum.TryParse(group, ignoreCase: true, out MetricGroup g) && Enum.IsDefined(g) ? g : throw new InvalidArgumentException($"precedence group '{group}' is unknown (allowed: {string.Join(", ", Enum.GetNames<MetricGroup>())}).", nameof(overrides))] =
                [.. sources.Select(s => Enum.TryParse(s, ignoreCase: true, out WearableSource w) && Enum.IsDefined(w) ? w : throw new InvalidArgumentException($"precedence source '{s}' is unknown (allowed: {string.Join(", ", Enum.GetNames<WearableSource>())}).", nameof(overrides)))];
        }

        return From(parsed);
    }

    /// <summary>The default order with the given groups replaced (unlisted sources follow in default order).</summary>
    /// <param name="overrides">Per group, the preferred sources first.</param>
    /// <returns>The precedence.</returns>
    public static MetricPrecedence From(IReadOnlyDictionary<MetricGroup, List<WearableSource>> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);

        var result = new Dictionary<MetricGroup, WearableSource[]>();
        foreach (MetricGroup group in Enum.GetValues<MetricGroup>())
        {
            WearableSource[] defaults = Default.Order(group);
            result[group] = overrides.TryGetValue(group, out List<WearableSource>? first) && first.Count > 0
                ? [.. first.Distinct(), .. defaults.Where(s => !first.Contains(s))]
                : defaults;
        }

        return new MetricPrecedence(result);
    }

    /// <summary>The sources of a group, the winner first.</summary>
    /// <param name="group">The group.</param>
    /// <returns>Every source, in order.</returns>
    public WearableSource[] Order(MetricGroup group) => order[group];

    /// <summary>The rank of a source in a group (0 wins).</summary>
    /// <param name="group">The group.</param>
    /// <param name="source">The source.</param>
    /// <returns>The rank.</returns>
    public int Rank(MetricGroup group, WearableSource source) => Array.IndexOf(order[group], source);

    private static WearableSource[] Complete(WearableSource[] first) =>
        [.. first, .. Enum.GetValues<WearableSource>().Where(s => !first.Contains(s))];
}

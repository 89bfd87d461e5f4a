namespace HealthTwin.Agents.Model;

/// <summary>A button a client can show under a recommendation.</summary>
/// <param name="Label">The text shown to the user, for example <c>"Start walk"</c>.</param>
/// <param name="Kind">What pressing it means.</param>
public sealed record RecommendationAction(string Label, RecommendationActionKind Kind)
{
    /// <summary>The standard accept / snooze / reject triple used by the built-in agents.</summary>
    /// <param name="acceptLabel">The label of the accept action.</param>
    /// <returns>Three actions: accept with <paramref name="acceptLabel"/>, "Later" (snooze) and "Dismiss" (reject).</returns>
    public static IReadOnlyList<RecommendationAction> Standard(string acceptLabel) =>
    [
        new(acceptLabel, RecommendationActionKind.Accept),
        new("Later", RecommendationActionKind.Snooze),
        new("Dismiss", RecommendationActionKind.Reject),
    ];
}

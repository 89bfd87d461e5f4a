namespace HealthTwin.Agents.Model;

/// <summary>The simulated effect of a <see cref="WhatIfScenario"/> on tomorrow.</summary>
/// <param name="Scenario">The scenario simulated.</param>
/// <param name="ReadinessDelta">Change of readiness points.</param>
/// <param name="SleepDeltaHours">Change of sleep hours.</param>
/// <param name="RecoveryDelta">Change of recovery points.</param>
/// <param name="ProjectedReadiness">
/// Today's readiness plus the delta, clamped to 0–100; <see langword="null"/> when today's readiness was not judged
/// (left out of HealthTwin's JSON then).
/// </param>
public sealed record WhatIfResult(
    WhatIfScenario Scenario,
    int ReadinessDelta,
    double SleepDeltaHours,
    int RecoveryDelta,
    int? ProjectedReadiness);

using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>Simulates the effect of a choice on tomorrow's readiness, sleep and recovery.</summary>
public static class WhatIfSimulator
{
    /// <summary>
    /// Applies the specification's table: zone-2 −5/0/+5; HIIT −15/−0.5/−10; strength −10/0/−5; rest +10/+0.5/+15;
    /// extra sleep +12/+1/+20; other −8/0/0 (readiness points / sleep hours / recovery points). The table is the
    /// original app's rule of thumb, not a model fitted to data, and not a prediction for a particular person.
    /// </summary>
    /// <param name="scenario">The choice.</param>
    /// <param name="currentReadiness">
    /// Today's readiness (clamped to 0–100 first), or <see langword="null"/> when it was not judged
    /// (<see cref="ReadinessScore.Score"/> is null when no recovery marker was recorded).
    /// </param>
    /// <returns>
    /// The deltas and the projected readiness, clamped to 0–100; the projection is <see langword="null"/> when today's
    /// readiness is unknown (the deltas still say what the choice changes, but there is nothing to add them to).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="scenario"/> is not a defined <see cref="WhatIfScenario"/>.</exception>
    public static WhatIfResult Simulate(WhatIfScenario scenario, int? currentReadiness)
    {
        (int readiness, double sleep, int recovery) = scenario switch
        {
            WhatIfScenario.Zone2 => (-5, 0.0, 5),
            WhatIfScenario.Hiit => (-15, -0.5, -10),
            WhatIfScenario.Strength => (-10, 0.0, -5),
            WhatIfScenario.Rest => (10, 0.5, 15),
            WhatIfScenario.ExtraSleep => (12, 1.0, 20),
            WhatIfScenario.Other => (-8, 0.0, 0),
            _ => throw new InvalidArgumentException(
                $"scenario {(int)scenario} is not a what-if scenario: allowed are other, zone2, hiit, strength, rest and extra_sleep.", nameof(scenario)),
        };
        int? projected = currentReadiness is { } current ? Math.Clamp(Math.Clamp(current, 0, 100) + readiness, 0, 100) : null;
        return new WhatIfResult(scenario, readiness, sleep, recovery, projected);
    }

    /// <summary>Maps a free-text choice ("zone 2", "HIIT", "early bed", …) to a scenario; unknown text is <see cref="WhatIfScenario.Other"/>.</summary>
    /// <param name="text">The choice in words.</param>
    /// <returns>The scenario.</returns>
    public static WhatIfScenario Parse(string? text)
    {
        if (text is null)
        {
            return WhatIfScenario.Other;
        }

        string t = text.Trim().ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal).Replace("_", " ", StringComparison.Ordinal);
        return t switch
        {
            "ZONE2" or "ZONE 2" => WhatIfScenario.Zone2,
            "HIIT" => WhatIfScenario.Hiit,
            "STRENGTH" => WhatIfScenario.Strength,
            "REST" => WhatIfScenario.Rest,
            "EXTRA SLEEP" or "EARLY BED" or "EARLY BEDTIME" => WhatIfScenario.ExtraSleep,
            _ => WhatIfScenario.Other,
        };
    }
}

namespace HealthTwin.Import.Whoop;

/// <summary>
/// WHOOP strain (0–21, Borg-scale based and logarithmic in effort) to HealthTwin training load (0–100):
/// <c>load = strain ÷ 21 × 100</c>, rounded to 0.1. The mapping is linear so it keeps WHOOP's ordering and its
/// bands at the same places (light &lt; 10 → &lt; 47.6, moderate 10–14 → 47.6–66.7, strenuous 14–18 → 66.7–85.7,
/// all out 18–21 → 85.7–100); it does not make the scale linear in effort. It is not a medical measure.
/// </summary>
internal static class WhoopStrain
{
    /// <summary>The top of WHOOP's strain scale.</summary>
    public const double Max = 21;

    /// <summary>Maps a strain to training load.</summary>
    /// <param name="strain">Strain, 0–21.</param>
    /// <returns>Load, 0–100.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The strain is outside 0–21 or not finite.</exception>
    public static double ToTrainingLoad(double strain)
    {
        if (!double.IsFinite(strain) || strain < 0 || strain > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(strain), strain, "WHOOP strain is 0–21.");
        }

        return Math.Round(strain / Max * 100, 1);
    }

    /// <summary>Maps training load back to strain (for export).</summary>
    /// <param name="load">Load, 0–100.</param>
    /// <returns>Strain, 0–21.</returns>
    public static double FromTrainingLoad(double load) => Math.Round(Math.Clamp(load, 0, 100) / 100 * Max, 2);
}

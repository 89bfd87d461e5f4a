using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Model;

/// <summary>
/// The alert thresholds that the readiness, burnout, anomaly and agent rules use. Bound from
/// <c>HealthTwin:Alerts</c>; the defaults are those of the original app.
/// </summary>
/// <remarks>
/// An analysis works on a read-only snapshot (<see cref="AgentContext.Thresholds"/>): changing the options later
/// does not change an analysis that has started, and setting a property of the snapshot throws.
/// </remarks>
public sealed class AlertThresholds
{
    private double _hrvDropPercent = 15;
    private double _restingHrIncreasePercent = 10;
    private double _minSleepHours = 6;
    private double _maxStressScore = 70;

    /// <summary>
    /// An HRV drop against baseline larger than this percentage is an alert, in the original app's preset. Default 15;
    /// allowed 1–90. The evidence-based preset judges today's HRV in standard deviations of the previous days instead
    /// (<c>HealthTwin:Rules:Baselines:DeviationSd</c>); other rules that compare HRV in percent still use it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set on a read-only snapshot.</exception>
    public double HrvDropPercent { get => _hrvDropPercent; set => _hrvDropPercent = Writable(value); }

    /// <summary>
    /// A resting heart rate rise against baseline larger than this percentage is an alert, in the original app's preset.
    /// Default 10; allowed 1–100. The evidence-based preset judges today's resting HR in standard deviations of the
    /// previous days instead (<c>HealthTwin:Rules:Baselines:DeviationSd</c>); other rules that compare it in percent
    /// still use it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set on a read-only snapshot.</exception>
    public double RestingHrIncreasePercent { get => _restingHrIncreasePercent; set => _restingHrIncreasePercent = Writable(value); }

    /// <summary>Less sleep than this many hours is an alert. Default 6; allowed 1–12.</summary>
    /// <exception cref="InvalidOperationException">Set on a read-only snapshot.</exception>
    public double MinSleepHours { get => _minSleepHours; set => _minSleepHours = Writable(value); }

    /// <summary>A stress score above this is an alert. Default 70; allowed 1–99.</summary>
    /// <exception cref="InvalidOperationException">Set on a read-only snapshot.</exception>
    public double MaxStressScore { get => _maxStressScore; set => _maxStressScore = Writable(value); }

    /// <summary>Whether this is a read-only snapshot (the thresholds of an <see cref="AgentContext"/>); its setters throw.</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>Returns every threshold that is out of range (empty when valid), each named by its configuration key (<c>HealthTwin:Alerts:HrvDropPercent</c>).</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        OptionChecks.Range(errors, "HealthTwin:Alerts:HrvDropPercent", HrvDropPercent, 1, 90, "%");
        OptionChecks.Range(errors, "HealthTwin:Alerts:RestingHrIncreasePercent", RestingHrIncreasePercent, 1, 100, "%");
        OptionChecks.Range(errors, "HealthTwin:Alerts:MinSleepHours", MinSleepHours, 1, 12, "h");
        OptionChecks.Range(errors, "HealthTwin:Alerts:MaxStressScore", MaxStressScore, 1, 99);
        return errors;
    }

    /// <summary>Copies the thresholds.</summary>
    /// <returns>An independent, writable copy (also of a read-only snapshot).</returns>
    public AlertThresholds Clone()
    {
        var copy = (AlertThresholds)MemberwiseClone();
        copy.IsReadOnly = false;
        return copy;
    }

    /// <summary>A read-only snapshot of the thresholds, for example to use the same values over many analyses.</summary>
    /// <returns>This instance when it is read-only already, else a read-only copy.</returns>
    public AlertThresholds ToReadOnly()
    {
        if (IsReadOnly)
        {
            return this;
        }

        AlertThresholds copy = Clone();
        copy.IsReadOnly = true;
        return copy;
    }

    /// <summary>Whether the values equal those of <paramref name="other"/>.</summary>
    internal bool SameValues(AlertThresholds other) =>
        _hrvDropPercent.Equals(other._hrvDropPercent)
        && _restingHrIncreasePercent.Equals(other._restingHrIncreasePercent)
        && _minSleepHours.Equals(other._minSleepHours)
        && _maxStressScore.Equals(other._maxStressScore);

    private double Writable(double value) =>
        IsReadOnly ? throw new InvalidOperationException("These alert thresholds are the read-only snapshot of an analysis. Change the options (HealthTwin:Alerts) or use Clone() for a writable copy.") : value;

}

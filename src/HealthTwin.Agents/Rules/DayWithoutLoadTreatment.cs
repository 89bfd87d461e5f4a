namespace HealthTwin.Agents.Rules;

/// <summary>
/// How the training-load markers count a day that was recorded (it has other metrics) but has no training load value
/// (<c>HealthTwin:Rules:TrainingLoad:DayWithoutLoad</c>). A calendar day with no record at all is always unknown.
/// </summary>
/// <remarks>
/// Today is never counted as a rest day for want of a load value: the day is not over (a WHOOP cycle, for example, has
/// no final strain until it closes), so the markers then describe the end of yesterday.
/// </remarks>
public enum DayWithoutLoadTreatment
{
    /// <summary>
    /// The default: a recorded day without a load value is a rest day (load 0). Right when the load comes from a source
    /// that logs only training (a training diary, workouts from an app) while another device records the other metrics.
    /// </summary>
    RestDay = 0,

    /// <summary>
    /// A recorded day without a load value is unknown, like a day with no record: it is left out of the weighted means
    /// instead of counting as 0. Right when the load source syncs unreliably and a gap does not mean rest.
    /// </summary>
    Unknown = 1,
}

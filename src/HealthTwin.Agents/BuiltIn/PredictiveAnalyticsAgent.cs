using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Forecasts the burnout markers for the next seven days from their recent level and trend.</summary>
/// <remarks>
/// <para>
/// Points per day: HRV more than 10 % below baseline → +30; stress more than 15 % above baseline → +25; sleep more
/// than 10 % below the reference → +25; training load above 75 → +20. ≥ 70 critical, ≥ 50 high, ≥ 30 medium, else
/// low. The score is a count of markers past their thresholds, not a probability (the original app called
/// min(score, 95) a probability; the SDK does not).
/// </para>
/// <para>
/// Evidence-based preset (the default): each marker is a level with a smoothed trend over the last 14 calendar days
/// (<c>HealthTwin:Rules:Burnout</c>), needing at least 7 days with the marker ("calibrating: n of 7 days" until then):
/// the least-squares line, its slope kept only when it is clearly non-zero (beyond t(0.975) standard errors), and
/// projected with a damped trend (φ = 0.8), so one noisy day neither makes a forecast nor runs on as a straight line.
/// HRV is judged on the log scale; sleep against the sleep need (profile, options or age band), not the habit.
/// Overreaching shows in several markers together (Meeusen 2013; Saw 2016): the forecast is an early warning from the
/// user's own data, not a diagnosis.
/// </para>
/// <para>
/// Original app's preset: the mean of the last 3 days present against the baseline (training load: the mean of the last
/// 7), the same score for all seven days, as the app computed it.
/// </para>
/// <para>
/// A marker that was not recorded, has no baseline or is still calibrating is left out and reported; training windows
/// ("risk stays low") are suggested only when every marker could be judged, since a low forecast without some of them
/// would overstate. Any high or critical day → an alert for the nearest (high if critical, else medium); up to 3 days
/// with a score below 20 → "Optimal training windows" (training, low).
/// </para>
/// </remarks>
public sealed class PredictiveAnalyticsAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>predictive-analytics</c>.</summary>
    public const string AgentId = "predictive-analytics";

    /// <summary>The rule id of the burnout forecast alert.</summary>
    public const string ForecastRule = "burnout-forecast";

    /// <summary>The rule id of the training windows recommendation.</summary>
    public const string TrainingWindowsRule = "training-windows";

    /// <summary>How many days are forecast.</summary>
    internal const int ForecastDays = 7;

    /// <summary>Days with a score below this are training windows.</summary>
    internal const int TrainingWindowBelowScore = 20;

    /// <summary>The most training windows named.</summary>
    internal const int MaxTrainingWindows = 3;

    private static readonly string[] FactorNames = ["HRV trending down", "Stress trending up", "Sleep trending down", "High training load"];
    private static readonly string[] EvidenceFactorNames = ["HRV trending down", "Stress trending up", "Sleep below need", "High training load"];
    private static readonly IReadOnlyList<string>[] FactorSets = AgentOutput.Subsets(FactorNames);
    private static readonly string[] JoinedFactors = AgentOutput.JoinedSubsets(FactorNames);
    private static readonly IReadOnlyList<string>[] EvidenceFactorSets = AgentOutput.Subsets(EvidenceFactorNames);
    private static readonly string[] EvidenceJoinedFactors = AgentOutput.JoinedSubsets(EvidenceFactorNames);
    private static readonly IReadOnlyList<HealthMetric>[] MetricSets = MetricSubsets();

    private static readonly AgentRule ForecastId = new(AgentId, ForecastRule);
    private static readonly AgentRule TrainingWindowsId = new(AgentId, TrainingWindowsRule);
    private static readonly IReadOnlyList<RecommendationAction> ForecastActions = RecommendationAction.Standard("View prevention plan");
    private static readonly IReadOnlyList<RecommendationAction> WindowActions = RecommendationAction.Standard("Plan hard sessions");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Predictive Analytics";

    /// <inheritdoc />
    public string Description => "Forecasts the burnout markers for the next seven days from their recent level and trend.";

    /// <summary>Forecasts the burnout-marker score of each of the next 7 days (tomorrow first).</summary>
    /// <param name="context">The user's data.</param>
    /// <returns>Seven predictions, dated the 7 days after <see cref="AgentContext.Today"/>.</returns>
    public static IReadOnlyList<BurnoutPrediction> Predict(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        BurnoutForecast forecast = BurnoutForecast.Of(context);
        DateOnly today = context.Today.Date;
        IReadOnlyList<HealthMetric> notJudged = MetricSets[0xF & ~forecast.Known];
        int daysOfData = forecast.DaysOfData;
        var predictions = new BurnoutPrediction[ForecastDays];
        for (int k = 1; k <= ForecastDays; k++)
        {
            int mask = forecast.FactorsOn(k);
            int score = BurnoutForecast.ScoreOf(mask);
            predictions[k - 1] = new BurnoutPrediction
            {
                Date = today.AddDays(k),
                Score = score,
                Level = AgentOutput.RiskLevelOf(score),
                Factors = (forecast.OriginalApp ? FactorSets : EvidenceFactorSets)[mask],
                NotJudged = notJudged,
                DaysOfData = daysOfData,
            };
        }

        return predictions;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        AgentOutput.RecommendationsOf(AnalyzeWithOutcomeAsync(context, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        BurnoutForecast forecast = BurnoutForecast.Of(context);
        DateOnly today = context.Today.Date;
        AgentResults result = default;

        // Work on the factor masks, each day's once (the alert and the training windows read the same seven): no
        // prediction objects are built. A flat forecast (the original app's) has day 1's factors on every day; that
        // saves six days of four percentage changes (about 70 ns of the agent's 590 ns on WellRecovered).
        Span<int> masks = stackalloc int[ForecastDays];
        bool flat = forecast.IsFlat;
        for (int k = 1; k <= ForecastDays; k++)
        {
            masks[k - 1] = k > 1 && flat ? masks[0] : forecast.FactorsOn(k);
        }

        for (int k = 1; k <= ForecastDays; k++)
        {
            int score = BurnoutForecast.ScoreOf(masks[k - 1]);
            if (AgentOutput.RiskLevelOf(score) >= RiskLevel.High)
            {
                result.Add(ForecastAlert(context, forecast, today, k, masks[k - 1]));
                break;
            }
        }

        int unknown = 0xF & ~forecast.Known;
        if (unknown != 0)
        {
            string reason = Unjudged(context, forecast, unknown);
            result.Skip(ForecastId, MetricSets[unknown], reason + ": the forecast was made without them");
            result.Skip(TrainingWindowsId, MetricSets[unknown], reason + ": training windows were not suggested, since a low forecast without them would overstate");
            return result.ToOutcome();
        }

        DateOnly first = default, second = default, third = default;
        int windows = 0, firstScore = 0;
        for (int k = 1; k <= ForecastDays && windows < MaxTrainingWindows; k++)
        {
            int score = BurnoutForecast.ScoreOf(masks[k - 1]);
            if (score < TrainingWindowBelowScore)
            {
                switch (windows++)
                {
                    case 0:
                        first = today.AddDays(k);
                        firstScore = score;
                        break;
                    case 1:
                        second = today.AddDays(k);
                        break;
                    default:
                        third = today.AddDays(k);
                        break;
                }
            }
        }

        if (windows > 0)
        {
            const string Good = ": good days for a high-intensity session.";
            string rationale = windows switch
            {
                1 => InvariantText.Format($"Projected burnout risk stays low on {first:ddd yyyy-MM-dd}: a good day for a high-intensity session."),
                2 => InvariantText.Format($"Projected burnout risk stays low on {first:ddd yyyy-MM-dd}, {second:ddd yyyy-MM-dd}{Good}"),
                _ => InvariantText.Format($"Projected burnout risk stays low on {first:ddd yyyy-MM-dd}, {second:ddd yyyy-MM-dd}, {third:ddd yyyy-MM-dd}{Good}"),
            };
            result.Add(TrainingWindows(context, rationale, firstScore));
        }

        return result.ToOutcome();
    }

    private static AgentRecommendation ForecastAlert(AgentContext context, in BurnoutForecast forecast, DateOnly today, int daysAhead, int mask)
    {
        int score = BurnoutForecast.ScoreOf(mask);
        RiskLevel level = AgentOutput.RiskLevelOf(score);
        DateOnly date = today.AddDays(daysAhead);
        var evidence = new Evidence[System.Numerics.BitOperations.PopCount((uint)mask)];
        int n = 0;
        if ((mask & BurnoutForecast.HrvBit) != 0)
        {
            evidence[n++] = Marker(context, forecast, BurnoutForecast.HrvBit, "hrv", BurnoutForecast.HrvBelowPercent, date, daysAhead);
        }

        if ((mask & BurnoutForecast.StressBit) != 0)
        {
            evidence[n++] = Marker(context, forecast, BurnoutForecast.StressBit, "stressScore", BurnoutForecast.StressAbovePercent, date, daysAhead);
        }

        if ((mask & BurnoutForecast.SleepBit) != 0)
        {
            evidence[n++] = Marker(context, forecast, BurnoutForecast.SleepBit, "sleepHours", BurnoutForecast.SleepBelowPercent, date, daysAhead);
        }

        if ((mask & BurnoutForecast.LoadBit) != 0)
        {
            TrendLine load = forecast.Line(BurnoutForecast.LoadBit);
            evidence[n] = AgentOutput.Measure(
                "trainingLoad",
                load.Level,
                BurnoutForecast.LoadAbove,
                forecast.OriginalApp
                    ? "Mean of the last 7 days present"
                    : InvariantText.Format($"Level of the last {load.Days} days with a load{TrendText(load)}; projected {forecast.Projected(BurnoutForecast.LoadBit, daysAhead):0} by {date:yyyy-MM-dd}"));
        }

        string rationale = forecast.OriginalApp
            ? InvariantText.Format(
                $"If the current trends continue, burnout risk becomes {AgentOutput.Name(level)} on {date:yyyy-MM-dd} (in {daysAhead} {(daysAhead == 1 ? "day" : "days")}, score {score}): {JoinedFactors[mask]}. Plan rest days and protect your sleep now.")
            : InvariantText.Format(
                $"The level and trend of your markers over the last {context.Rules.Burnout.TrendWindowDays} days project a {AgentOutput.Name(level)} burnout-marker score on {date:yyyy-MM-dd} (in {daysAhead} {(daysAhead == 1 ? "day" : "days")}, {score} points): {EvidenceJoinedFactors[mask]}. A projection of your own recent data, not a probability or a diagnosis. Plan rest days and protect your sleep now.");
        return AgentOutput.Recommend(
            context,
            ForecastId,
            RecommendationType.Alert,
            level == RiskLevel.Critical ? RecommendationPriority.High : RecommendationPriority.Medium,
            "Burnout risk forecast",
            rationale,
            ForecastActions,
            evidence);
    }

    private static Evidence Marker(AgentContext context, in BurnoutForecast forecast, int bit, string metric, double threshold, DateOnly date, int daysAhead)
    {
        double projected = forecast.Projected(bit, daysAhead);
        double? reference = forecast.Reference(bit);
        if (forecast.OriginalApp)
        {
            return AgentOutput.Compare(metric, forecast.LevelNow(bit), reference, threshold, InvariantText.Format($"Mean of the last 3 days present; {projected:+0;-0;0} % against baseline"));
        }

        TrendLine line = forecast.Line(bit);
        string against = bit == BurnoutForecast.SleepBit ? "the sleep need (the baseline column holds the need)" : "baseline";
        return AgentOutput.Compare(
            metric,
            forecast.LevelNow(bit),
            reference,
            threshold,
            InvariantText.Format($"Level of the last {line.Days} days{TrendText(line, bit == BurnoutForecast.HrvBit)}; projected {projected:+0;-0;0} % against {against} by {date:yyyy-MM-dd} (window {context.Rules.Burnout.TrendWindowDays} days)"));
    }

    private static string TrendText(TrendLine line, bool logScale = false) =>
        line.Slope == 0
            ? ", no clear trend"
            : logScale
                ? InvariantText.Format($", trend {(Math.Exp(line.Slope) - 1) * 100:+0.0;-0.0} %/day (damped)")
                : InvariantText.Format($", trend {line.Slope:+0.00;-0.00}/day (damped)");

    private static string Unjudged(AgentContext context, in BurnoutForecast forecast, int unknown)
    {
        var parts = new List<string>(4);
        var notRecorded = new List<HealthMetric>(4);
        for (int bit = 1; bit <= BurnoutForecast.LoadBit; bit <<= 1)
        {
            if ((unknown & bit) == 0)
            {
                continue;
            }

            if ((forecast.Calibrating & bit) != 0)
            {
                parts.Add(InvariantText.Format(
                    $"{MetricText.Name(BurnoutForecast.MetricOf(bit))} calibrating: {forecast.Line(bit).Days} of {context.Rules.Burnout.TrendMinimumDays} days in the last {context.Rules.Burnout.TrendWindowDays}"));
            }
            else
            {
                notRecorded.Add(BurnoutForecast.MetricOf(bit));
            }
        }

        if (notRecorded.Count > 0)
        {
            parts.Add(MetricText.NotRecorded(notRecorded) + " in the last days (or no baseline)");
        }

        return string.Join("; ", parts);
    }

    private static AgentRecommendation TrainingWindows(AgentContext context, string rationale, int firstScore)
    {
        var evidence = new Evidence[]
        {
            AgentOutput.Measure("burnoutForecastScore", firstScore, TrainingWindowBelowScore, "Forecast marker score (points, not a probability) of the first window; below 20 is a training window"),
        };
        return AgentOutput.Recommend(
            context, TrainingWindowsId, RecommendationType.Training, RecommendationPriority.Low, "Optimal training windows", rationale, WindowActions, evidence);
    }

    private static IReadOnlyList<HealthMetric>[] MetricSubsets()
    {
        var sets = new IReadOnlyList<HealthMetric>[16];
        for (int mask = 0; mask < 16; mask++)
        {
            var set = new List<HealthMetric>(4);
            for (int bit = 1; bit <= BurnoutForecast.LoadBit; bit <<= 1)
            {
                if ((mask & bit) != 0)
                {
                    set.Add(BurnoutForecast.MetricOf(bit));
                }
            }

            sets[mask] = set.ToArray();
        }

        return sets;
    }
}

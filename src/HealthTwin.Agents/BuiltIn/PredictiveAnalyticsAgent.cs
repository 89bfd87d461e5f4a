using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Forecasts burnout risk for the next seven days from recent trends.</summary>
/// <remarks>
/// <para>
/// Points per day: HRV more than 10 % below baseline → +30; stress more than 15 % above baseline → +25; sleep more
/// than 10 % below baseline → +25; mean training load of the last 7 days above 75 → +20. ≥ 70 critical, ≥ 50 high,
/// ≥ 30 medium, else low; probability = min(score, 95).
/// </para>
/// <para>
/// The forecast extrapolates the trend (the original app gave all seven days the same score). Today's deviation is the
/// mean of the last 3 days present against the baseline; its slope per day is that deviation divided by how many days
/// the 3-day window is younger than the 14-day baseline window (at least 3 days, to damp short histories), and day k
/// is projected as deviation + slope × k, limited to ±100 %. The 7-day mean load moves with the 3-day vs 14-day load
/// difference in the same way and stays within 0–100. With 3 days or fewer there is no trend and every day scores the
/// same. This is a heuristic early warning, not a clinical prediction.
/// </para>
/// <para>
/// A factor whose metric was not recorded in the last days (or has no baseline) is not projected and adds no points;
/// the analysis reports it. Training windows ("risk stays low") are only suggested when every factor could be judged,
/// since a low forecast without some of them would overstate.
/// </para>
/// <para>
/// Any high or critical day → an alert for the nearest (high if critical, else medium); up to 3 low days with a
/// probability below 20 → "Optimal training windows" (training, low).
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
    public const int ForecastDays = 7;

    /// <summary>An HRV deviation below this percentage adds 30 points.</summary>
    public const double HrvTrendBelowPercent = -10;

    /// <summary>A stress deviation above this percentage adds 25 points.</summary>
    public const double StressTrendAbovePercent = 15;

    /// <summary>A sleep deviation below this percentage adds 25 points.</summary>
    public const double SleepTrendBelowPercent = -10;

    /// <summary>A 7-day mean training load above this adds 20 points.</summary>
    public const double HighLoadAbove = 75;

    /// <summary>The highest probability reported.</summary>
    public const int MaxProbability = 95;

    /// <summary>Low days with a probability below this are training windows.</summary>
    public const int TrainingWindowBelowProbability = 20;

    /// <summary>The most training windows named.</summary>
    public const int MaxTrainingWindows = 3;

    /// <summary>The smallest divisor (in days) of the trend slope.</summary>
    public const double MinTrendSpanDays = 3;

    private const int HrvBit = 1, StressBit = 2, SleepBit = 4, LoadBit = 8;

    private static readonly string[] FactorNames = ["HRV trending down", "Stress trending up", "Sleep trending down", "High training load"];
    private static readonly IReadOnlyList<string>[] FactorSets = AgentOutput.Subsets(FactorNames);
    private static readonly string[] JoinedFactors = AgentOutput.JoinedSubsets(FactorNames);

    private static readonly AgentRule ForecastId = new(AgentId, ForecastRule);
    private static readonly AgentRule TrainingWindowsId = new(AgentId, TrainingWindowsRule);
    private static readonly IReadOnlyList<RecommendationAction> ForecastActions = RecommendationAction.Standard("View prevention plan");
    private static readonly IReadOnlyList<RecommendationAction> WindowActions = RecommendationAction.Standard("Plan hard sessions");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Predictive Analytics";

    /// <inheritdoc />
    public string Description => "Forecasts burnout risk for the next seven days from recent trends.";

    /// <summary>Forecasts the burnout risk of each of the next 7 days (tomorrow first).</summary>
    /// <param name="context">The user's data.</param>
    /// <returns>Seven predictions, dated the 7 days after <see cref="AgentContext.Today"/>.</returns>
    public static IReadOnlyList<BurnoutPrediction> Predict(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Predict(Trends.Of(context), context.Today.Date);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        AgentOutput.RecommendationsOf(AnalyzeWithOutcomeAsync(context, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        Trends trends = Trends.Of(context);
        DateOnly today = context.Today.Date;
        AgentResults result = default;

        // Work on the factor masks: the prediction objects are only built for the day that is reported.
        for (int k = 1; k <= ForecastDays; k++)
        {
            int score = ScoreOf(trends.FactorsOn(k));
            if (AgentOutput.RiskLevelOf(score) >= RiskLevel.High)
            {
                result.Add(ForecastAlert(context, trends, today, k));
                break;
            }
        }

        List<HealthMetric> missing = trends.Missing();
        if (missing.Count > 0)
        {
            result.Skip(ForecastId, missing, MetricText.NotRecorded(missing) + " in the last days: the forecast was made without them");
            result.Skip(TrainingWindowsId, missing, MetricText.NotRecorded(missing) + " in the last days: training windows were not suggested, since a low forecast without them would overstate");
            return result.ToOutcome();
        }

        DateOnly first = default, second = default, third = default;
        int windows = 0, firstProbability = 0;
        for (int k = 1; k <= ForecastDays && windows < MaxTrainingWindows; k++)
        {
            int score = ScoreOf(trends.FactorsOn(k));
            if (AgentOutput.RiskLevelOf(score) == RiskLevel.Low && Probability(score) < TrainingWindowBelowProbability)
            {
                switch (windows++)
                {
                    case 0:
                        first = today.AddDays(k);
                        firstProbability = Probability(score);
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
                1 => InvariantText.Format($"Projected burnout risk stays low on {first:ddd yyyy-MM-dd}{Good}"),
                2 => InvariantText.Format($"Projected burnout risk stays low on {first:ddd yyyy-MM-dd}, {second:ddd yyyy-MM-dd}{Good}"),
                _ => InvariantText.Format($"Projected burnout risk stays low on {first:ddd yyyy-MM-dd}, {second:ddd yyyy-MM-dd}, {third:ddd yyyy-MM-dd}{Good}"),
            };
            result.Add(TrainingWindows(context, rationale, firstProbability));
        }

        return result.ToOutcome();
    }

    private static BurnoutPrediction[] Predict(in Trends trends, DateOnly today)
    {
        var predictions = new BurnoutPrediction[ForecastDays];
        for (int k = 1; k <= ForecastDays; k++)
        {
            predictions[k - 1] = PredictionOn(trends, today, k);
        }

        return predictions;
    }

    private static BurnoutPrediction PredictionOn(in Trends trends, DateOnly today, int k)
    {
        int mask = trends.FactorsOn(k);
        int score = ScoreOf(mask);
        return new BurnoutPrediction
        {
            Date = today.AddDays(k),
            Score = score,
            Probability = Probability(score),
            Level = AgentOutput.RiskLevelOf(score),
            Factors = FactorSets[mask],
        };
    }

    private static int ScoreOf(int mask) =>
        ((mask & HrvBit) != 0 ? 30 : 0) + ((mask & StressBit) != 0 ? 25 : 0) + ((mask & SleepBit) != 0 ? 25 : 0) + ((mask & LoadBit) != 0 ? 20 : 0);

    private static int Probability(int score) => Math.Min(score, MaxProbability);

    private static AgentRecommendation ForecastAlert(AgentContext context, in Trends trends, DateOnly today, int daysAhead)
    {
        int mask = trends.FactorsOn(daysAhead);
        int score = ScoreOf(mask);
        RiskLevel level = AgentOutput.RiskLevelOf(score);
        DateOnly date = today.AddDays(daysAhead);
        var evidence = new Evidence[System.Numerics.BitOperations.PopCount((uint)mask)];
        int n = 0;
        Baseline b = context.Baseline;
        if ((mask & HrvBit) != 0)
        {
            evidence[n++] = AgentOutput.Compare("hrv", trends.Hrv3 ?? 0, b.Hrv, HrvTrendBelowPercent, Projection(trends.HrvDelta(daysAhead), date));
        }

        if ((mask & StressBit) != 0)
        {
            evidence[n++] = AgentOutput.Compare("stressScore", trends.Stress3.GetValueOrDefault(), b.StressScore, StressTrendAbovePercent, Projection(trends.StressDelta(daysAhead), date));
        }

        if ((mask & SleepBit) != 0)
        {
            evidence[n++] = AgentOutput.Compare("sleepHours", trends.Sleep3.GetValueOrDefault(), b.SleepHours, SleepTrendBelowPercent, Projection(trends.SleepDelta(daysAhead), date));
        }

        if ((mask & LoadBit) != 0)
        {
            evidence[n] = AgentOutput.Measure(
                "trainingLoad",
                trends.Load7.GetValueOrDefault(),
                HighLoadAbove,
                InvariantText.Format($"Mean of the last 7 days present; projected {trends.Load7On(daysAhead):0} by {date:yyyy-MM-dd}"));
        }

        string rationale = InvariantText.Format(
            $"If the current trends continue, burnout risk becomes {AgentOutput.Name(level)} on {date:yyyy-MM-dd} (in {daysAhead} {(daysAhead == 1 ? "day" : "days")}, score {score}): {JoinedFactors[mask]}. Plan rest days and protect your sleep now.");
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

    private static AgentRecommendation TrainingWindows(AgentContext context, string rationale, int firstProbability)
    {
        var evidence = new Evidence[]
        {
            AgentOutput.Measure("burnoutProbability", firstProbability, TrainingWindowBelowProbability, "Forecast probability (%) of the first window; below 20 is a training window"),
        };
        return AgentOutput.Recommend(
            context, TrainingWindowsId, RecommendationType.Training, RecommendationPriority.Low, "Optimal training windows", rationale, WindowActions, evidence);
    }

    private static string Projection(double delta, DateOnly date) =>
        InvariantText.Format($"Mean of the last 3 days present; projected {delta:+0;-0;0} % against baseline by {date:yyyy-MM-dd}");

    /// <summary>The current deviations and their slopes per day; a deviation is <see langword="null"/> when its metric or baseline is unknown.</summary>
    private readonly record struct Trends(
        double? Hrv3,
        double? Stress3,
        double? Sleep3,
        double? Load7,
        double? HrvNow,
        double? StressNow,
        double? SleepNow,
        double HrvSlope,
        double StressSlope,
        double SleepSlope,
        double LoadSlope)
    {
        public static Trends Of(AgentContext context)
        {
            Baseline b = context.Baseline;
            int today = context.Today.Date.DayNumber;
            ReadOnlySpan<DailyMetrics> last3 = context.LastSpan(3);
            ReadOnlySpan<DailyMetrics> window = context.LastSpan(BaselineCalculator.WindowDays);

            double hrvSum = 0, age3 = 0;
            int hrvDays = 0;
            foreach (DailyMetrics d in last3)
            {
                if (d.HrvMethod == b.HrvMethod && d.Hrv is { } hrv)
                {
                    hrvSum += hrv;
                    hrvDays++;
                }

                age3 += today - d.Date.DayNumber;
            }

            double windowAge = 0;
            foreach (DailyMetrics d in window)
            {
                windowAge += today - d.Date.DayNumber;
            }

            double span = (windowAge / window.Length) - (age3 / last3.Length);
            double divisor = span > 0 ? Math.Max(span, MinTrendSpanDays) : double.PositiveInfinity;

            double? hrv3 = hrvDays == 0 ? null : hrvSum / hrvDays;
            double? stress3 = SafeMath.Mean(last3, static d => d.StressScore);
            double? sleep3 = SafeMath.Mean(last3, static d => d.SleepHours);
            double? load3 = SafeMath.Mean(last3, static d => d.TrainingLoad);
            double? windowLoad = SafeMath.Mean(window, static d => d.TrainingLoad);
            double? hrvNow = SafeMath.PercentChange(hrv3, b.Hrv);
            double? stressNow = SafeMath.PercentChange(stress3, b.StressScore);
            double? sleepNow = SafeMath.PercentChange(sleep3, b.SleepHours);
            double? load7 = SafeMath.Mean(context.LastSpan(7), static d => d.TrainingLoad);

            return new Trends(
                hrv3,
                stress3,
                sleep3,
                load7,
                hrvNow,
                stressNow,
                sleepNow,
                (hrvNow ?? 0) / divisor,
                (stressNow ?? 0) / divisor,
                (sleepNow ?? 0) / divisor,
                load3 is { } l3 && windowLoad is { } lw ? (l3 - lw) / divisor : 0);
        }

        public double HrvDelta(int k) => Project(HrvNow ?? 0, HrvSlope, k);

        public double StressDelta(int k) => Project(StressNow ?? 0, StressSlope, k);

        public double SleepDelta(int k) => Project(SleepNow ?? 0, SleepSlope, k);

        public double Load7On(int k) => Math.Clamp(Load7.GetValueOrDefault() + (LoadSlope * k), 0, 100);

        public int FactorsOn(int k)
        {
            int mask = 0;
            mask |= HrvNow is not null && HrvDelta(k) < HrvTrendBelowPercent ? HrvBit : 0;
            mask |= StressNow is not null && StressDelta(k) > StressTrendAbovePercent ? StressBit : 0;
            mask |= SleepNow is not null && SleepDelta(k) < SleepTrendBelowPercent ? SleepBit : 0;
            mask |= Load7 is not null && Load7On(k) > HighLoadAbove ? LoadBit : 0;
            return mask;
        }

        /// <summary>The metrics whose trend could not be judged (not recorded in the window, or no baseline).</summary>
        public List<HealthMetric> Missing()
        {
            List<HealthMetric> missing = [];
            if (HrvNow is null)
            {
                missing.Add(HealthMetric.Hrv);
            }

            if (StressNow is null)
            {
                missing.Add(HealthMetric.StressScore);
            }

            if (SleepNow is null)
            {
                missing.Add(HealthMetric.SleepHours);
            }

            if (Load7 is null)
            {
                missing.Add(HealthMetric.TrainingLoad);
            }

            return missing;
        }

        private static double Project(double now, double slope, int k) => Math.Clamp(now + (slope * k), -100, 100);
    }
}

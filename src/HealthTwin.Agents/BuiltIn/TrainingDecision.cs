using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>
/// Today's one training decision: the intensity that <see cref="PlannerAgent"/> plans and <see cref="FitnessCoachAgent"/>
/// coaches, so they can never disagree, and the limits that decided it.
/// </summary>
/// <remarks>
/// <para>Both presets, in order (the first that applies wins):</para>
/// <list type="number">
/// <item>Rest: burnout red, or readiness below 40.</item>
/// <item>Light: burnout yellow, readiness below 60, or an exam phase; in the evidence-based preset also a 7-day mean
/// of ln(rMSSD) below the personal normal range (HRV-guided training: Kiviniemi 2007 trained hard only when HRV had
/// not decreased; Vesterinen 2016 planned moderate or hard sessions only while the 7-day HRV stayed within the
/// individual range). HRV above the range does not limit training here (Kiviniemi 2007 treated it like a normal value;
/// Plews 2012 notes it can also mean parasympathetic saturation under very high load, which the other markers watch).</item>
/// <item>A hard session (strength or HIIT, see <see cref="TrainingRules.ChooseHardSession"/>): readiness at least 80 and
/// today's load below 60; in the evidence-based preset also no load spike (EWMA acute:chronic ratio above 1.5,
/// Williams 2017, a flag and not an injury probability, Impellizzeri 2020) and form not below −30 % of fitness.</item>
/// <item>Otherwise moderate (also when readiness could not be judged: the plan's default, reported as such).</item>
/// </list>
/// <para>
/// The load markers (HRV normal range, acute:chronic ratio, fitness and form) come from
/// <see cref="TrainingLoadCalculator"/> as it is today; they are computed only when they can change the decision
/// (that is, when neither rest nor light is already decided). A training heuristic, not medical advice.
/// </para>
/// </remarks>
internal sealed class TrainingDecision
{
    /// <summary>Form below this fraction of fitness (form ÷ fitness) rules out a hard session in the evidence-based preset.</summary>
    internal const double NegativeFormRatio = -0.30;

    private TrainingDecision(TrainingIntensity intensity, TrainingLimits limits, TrainingInputs inputs, bool originalApp)
    {
        Intensity = intensity;
        Limits = limits;
        Inputs = inputs;
        OriginalApp = originalApp;
    }

    /// <summary>The intensity of today's training.</summary>
    public TrainingIntensity Intensity { get; }

    /// <summary>Every limit that applied at the level that decided the intensity.</summary>
    public TrainingLimits Limits { get; }

    /// <summary>The inputs the decision was made from.</summary>
    public TrainingInputs Inputs { get; }

    /// <summary>Whether the original app's preset was in force.</summary>
    public bool OriginalApp { get; }

    /// <summary>Whether the decision is a hard session.</summary>
    public bool IsHard => Intensity is TrainingIntensity.Hiit or TrainingIntensity.Strength;

    /// <summary>Whether the intensity was chosen from the user's data (false: moderate by default without readiness).</summary>
    public bool Judged => (Limits & TrainingLimits.ReadinessUnknown) == 0;

    /// <summary>Decides for a context (the load markers are computed only when they can change the result).</summary>
    public static TrainingDecision Decide(AgentContext context)
    {
        bool original = context.Rules.IsOriginalApp;
        DailyMetrics today = context.Today;
        var inputs = new TrainingInputs(context.Readiness.Score, context.BurnoutRisk.Level, context.Profile.ExamPhase, today.TrainingLoad);
        if (!original && RestOrLight(inputs, original) == TrainingLimits.None)
        {
            TrainingLoadSummary load = context.TrainingLoad;
            HrvNormalRange range = context.HrvNormalRange;
            inputs = inputs with
            {
                Hrv = range.Status,
                HrvRange = range,
                LoadSpike = load.LoadSpike,
                FormRatio = load.FormSettled && load.Form is { } form && load.Fitness is { } fitness && fitness > 0 ? form / fitness : null,
                Load = load,
            };
        }

        return Decide(inputs, original, TrainingRules.ChooseHardSession(context));
    }

    /// <summary>The decision for given inputs (pure: the same inputs always give the same decision).</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="originalApp">Whether the original app's preset is in force (the load markers are then ignored).</param>
    /// <param name="hardSession"><see cref="TrainingIntensity.Hiit"/> or <see cref="TrainingIntensity.Strength"/>: the hard session when one is chosen.</param>
    public static TrainingDecision Decide(in TrainingInputs inputs, bool originalApp, TrainingIntensity hardSession)
    {
        TrainingLimits rest = Rest(inputs);
        if (rest != TrainingLimits.None)
        {
            return new(TrainingIntensity.Rest, rest, inputs, originalApp);
        }

        TrainingLimits light = RestOrLight(inputs, originalApp);
        if (light != TrainingLimits.None)
        {
            return new(TrainingIntensity.Light, light, inputs, originalApp);
        }

        TrainingLimits moderate = Moderate(inputs, originalApp);
        return moderate != TrainingLimits.None
            ? new(TrainingIntensity.Moderate, moderate, inputs, originalApp)
            : new(hardSession == TrainingIntensity.Hiit ? TrainingIntensity.Hiit : TrainingIntensity.Strength, TrainingLimits.None, inputs, originalApp);
    }

    /// <summary>
    /// Why the intensity is what it is, as one sentence naming every limit that applied (empty for a hard session):
    /// the planner and the coach quote the same words.
    /// </summary>
    /// <param name="burnoutScore">The burnout points, for the burnout limits.</param>
    /// <param name="burnoutReason">The first burnout reason, quoted with a burnout limit so the day says what raised it.</param>
    public string Explain(int burnoutScore, string? burnoutReason = null)
    {
        if (Limits == TrainingLimits.None)
        {
            return string.Empty;
        }

        var parts = new List<string>(3);
        for (int bit = 1; bit <= (int)TrainingLimits.NegativeForm; bit <<= 1)
        {
            if (((int)Limits & bit) != 0)
            {
                parts.Add(Reason((TrainingLimits)bit, burnoutScore, burnoutReason));
            }
        }

        // Capitalised and closed in one copy of the joined text (not a substring plus a concatenation: about 350 B less
        // per ExamWeekStress analysis, whose planner quotes the burnout reason).
        string joined = string.Join("; ", parts);
        return string.Create(joined.Length + 1, joined, static (text, source) =>
        {
            source.CopyTo(text);
            text[0] = char.ToUpperInvariant(text[0]);
            text[^1] = '.';
        });
    }

    /// <summary>
    /// <see cref="Explain(int, string?)"/> with the score and first reason of <paramref name="burnout"/>, formatted once per burnout
    /// risk: the planner and the fitness coach ask for the same sentence of the same context, and the first reason is
    /// formatted only when a burnout limit quotes it (with the per-line reasons, the planner went from 3,440 to 1,280 B
    /// per ExamWeekStress analysis in the benchmarks' <c>alloc</c>).
    /// </summary>
    public string Explain(BurnoutRisk burnout)
    {
        if (Limits == TrainingLimits.None)
        {
            return string.Empty; // nothing limited a hard session: no reason to quote, and nothing to cache
        }

        if (Volatile.Read(ref _explanation) is { } cached && ReferenceEquals(cached.Burnout, burnout))
        {
            return cached.Text;
        }

        // Stryker disable once logical,bitwise : equivalent, Explain quotes the reason only with a burnout limit; this check only spares formatting it
        bool quotesReason = (Limits & (TrainingLimits.BurnoutRed | TrainingLimits.BurnoutYellow)) != 0 && burnout.Reasons.Count > 0;
        string text = Explain(burnout.Score, quotesReason ? burnout.Reasons[0] : null);
        Volatile.Write(ref _explanation, new Explanation(burnout, text));
        return text;
    }

    /// <summary>The sentence of <see cref="Explain(BurnoutRisk)"/> and the burnout risk it was made for.</summary>
    private sealed record Explanation(BurnoutRisk Burnout, string Text);

    private Explanation? _explanation;

    /// <summary>Adds evidence for the load markers that limited the intensity (evidence-based preset).</summary>
    public void AddMarkerEvidence(List<Evidence> evidence)
    {
        if ((Limits & TrainingLimits.HrvBelowRange) != 0 && Inputs.HrvRange is { RollingLnMean: { } ln } range)
        {
            bool sdnn = range.Method == HrvMethod.Sdnn;
            evidence.Add(AgentOutput.Measure(
                sdnn ? "lnSdnnRollingMean" : "lnRmssd7DayMean",
                ln,
                range.LnLow,
                InvariantText.Format($"{range.RollingWindowDays}-day mean of ln({(sdnn ? "SDNN" : "rMSSD")}) against the lower bound of your normal range (Plews 2012); below it, easy sessions only (Kiviniemi 2007, Vesterinen 2016)")));
        }

        TrainingLoadSummary? load = Inputs.Load;
        if (load is null)
        {
            return;
        }

        if ((Limits & TrainingLimits.LoadSpike) != 0 && load.AcuteChronicRatio is { } ratio)
        {
            evidence.Add(AgentOutput.Measure("acuteChronicLoadRatio", ratio, 1.5, "EWMA acute:chronic load ratio (Williams 2017); above 1.5 is a spike flag, not an injury probability (Impellizzeri 2020)"));
        }

        if ((Limits & TrainingLimits.NegativeForm) != 0 && Inputs.FormRatio is { } formRatio)
        {
            evidence.Add(AgentOutput.Measure("formPercentOfFitness", formRatio * 100, NegativeFormRatio * 100, "Form (fitness − fatigue) as a percentage of fitness; below −30 % no hard session"));
        }
    }

    private string Reason(TrainingLimits limit, int burnoutScore, string? burnoutReason)
    {
        int readiness = Inputs.Readiness.GetValueOrDefault();
        TrainingLoadSummary? load = Inputs.Load;
        return limit switch
        {
            TrainingLimits.BurnoutRed => InvariantText.Format($"burnout risk is red ({burnoutScore} points{(burnoutReason is null ? "" : ": ")}{burnoutReason})"),
            TrainingLimits.LowReadiness => InvariantText.Format($"readiness is {readiness}/100, below {TrainingRules.RecoveryBelowReadiness}"),
            TrainingLimits.BurnoutYellow => InvariantText.Format($"burnout risk is yellow ({burnoutScore} points{(burnoutReason is null ? "" : ": ")}{burnoutReason})"),
            TrainingLimits.ReadinessBelowLight => InvariantText.Format($"readiness is {readiness}/100, below {TrainingRules.LightBelowReadiness}"),
            TrainingLimits.ExamPhase => "you are in an exam phase",
            TrainingLimits.HrvBelowRange => HrvBelowRangeReason(Inputs.HrvRange ?? HrvNormalRange.Unknown),
            TrainingLimits.ReadinessUnknown => "readiness could not be judged",
            TrainingLimits.ReadinessBelowHard => InvariantText.Format($"readiness is {readiness}/100 (a hard session needs {TrainingRules.HardFromReadiness})"),
            TrainingLimits.LoadUnknown => "today's training load was not recorded",
            TrainingLimits.LoadHighToday => InvariantText.Format($"today's load is {Inputs.TodayLoad.GetValueOrDefault():0} (a hard session needs it below {TrainingRules.HardSessionMaxLoad:0})"),
            TrainingLimits.LoadSpike => InvariantText.Format(
                $"your acute:chronic load ratio is {load?.AcuteChronicRatio ?? 0:0.00}, above 1.5: load rose quickly (a flag, not an injury probability)"),
            _ => InvariantText.Format(
                $"form is {Inputs.FormRatio.GetValueOrDefault() * 100:0} % of fitness (below {NegativeFormRatio * 100:0} %): recent fatigue outweighs fitness"),
        };
    }

    private static string HrvBelowRangeReason(HrvNormalRange range)
    {
        var text = new InvariantText(160, 4);
        range.AppendBelow(ref text);
        text.AppendLiteral(": HRV-guided training keeps to easy sessions until it returns (Kiviniemi 2007, Vesterinen 2016)");
        return text.ToStringAndClear();
    }

    private static TrainingLimits Rest(in TrainingInputs inputs) =>
        (inputs.Burnout == BurnoutLevel.Red ? TrainingLimits.BurnoutRed : 0)
        | (inputs.Readiness < TrainingRules.RecoveryBelowReadiness ? TrainingLimits.LowReadiness : 0);

    /// <summary>The limits that keep a day that is neither rest nor light from a hard session (none: hard).</summary>
    private static TrainingLimits Moderate(in TrainingInputs inputs, bool originalApp) =>
        (inputs.Readiness is not { } readiness ? TrainingLimits.ReadinessUnknown
            : readiness < TrainingRules.HardFromReadiness ? TrainingLimits.ReadinessBelowHard : 0)
        | (inputs.TodayLoad is not { } load ? TrainingLimits.LoadUnknown
            : load >= TrainingRules.HardSessionMaxLoad ? TrainingLimits.LoadHighToday : 0)
        | (!originalApp && inputs.LoadSpike ? TrainingLimits.LoadSpike : 0)
        | (!originalApp && inputs.FormRatio < NegativeFormRatio ? TrainingLimits.NegativeForm : 0);

    /// <summary>The limits that make the day rest or light (none: moderate or hard is possible).</summary>
    private static TrainingLimits RestOrLight(in TrainingInputs inputs, bool originalApp) =>
        Rest(inputs)
        | (inputs.Burnout == BurnoutLevel.Yellow ? TrainingLimits.BurnoutYellow : 0)
        | (inputs.Readiness < TrainingRules.LightBelowReadiness ? TrainingLimits.ReadinessBelowLight : 0)
        | (inputs.ExamPhase ? TrainingLimits.ExamPhase : 0)
        | (!originalApp && inputs.Hrv == HrvNormalRangeStatus.Below ? TrainingLimits.HrvBelowRange : 0);
}

using System.Text.RegularExpressions;
using HealthTwin.Agents.Model;

namespace HealthTwin.Aws.AI;

/// <summary>
/// The safety net around the models: red-flag symptoms in the user's notes or in a model's answer escalate to a
/// "see a professional" alert, and model recommendations that diagnose or touch medication are dropped (and escalate).
/// The system prompt states the same rules; this is the check that does not depend on the model obeying.
/// </summary>
internal static partial class SafetyRules
{
    /// <summary>The rule id of the escalation alert.</summary>
    public const string ProfessionalAlertRuleId = "ai-see-professional";

    /// <summary>The category of a red flag in <paramref name="text"/>, or <see langword="null"/>.</summary>
    public static string? FindRedFlag(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (SelfHarm().IsMatch(text))
        {
            return "thoughts of self-harm";
        }

        if (ChestPain().IsMatch(text))
        {
            return "chest pain";
        }

        if (Fainting().IsMatch(text))
        {
            return "fainting";
        }

        if (Breathing().IsMatch(text))
        {
            return "breathing difficulty";
        }

        return Heart().IsMatch(text) ? "an irregular heartbeat" : null;
    }

    /// <summary>Whether <paramref name="text"/> diagnoses a condition or gives medication or dosing advice.</summary>
    public static bool IsMedicalDirective(string? text) =>
        !string.IsNullOrWhiteSpace(text) && (Dosing().IsMatch(text) || Medication().IsMatch(text) || Diagnosis().IsMatch(text));

    /// <summary>The escalation alert.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="date">The day analysed.</param>
    /// <param name="createdAt">The instant of the analysis.</param>
    /// <param name="reason">What triggered it, in words that never quote the user.</param>
    public static AgentRecommendation ProfessionalAlert(string agentId, DateOnly date, DateTimeOffset createdAt, string reason) => new()
    {
        Id = RecommendationId.Create(agentId, ProfessionalAlertRuleId, date),
        CreatedAt = createdAt,
        Agent = agentId,
        Type = RecommendationType.Alert,
        Priority = RecommendationPriority.High,
        Title = "Talk to a health professional",
        Rationale = $"This needs a professional's assessment rather than app coaching: {reason}. If it is severe or sudden, call your local emergency number now.",
        Actions = RecommendationAction.Standard("Find help"),
        Evidence = [new Evidence { Metric = "safety", Note = reason }],
        Source = AgentRecommendation.LocalSource,
    };

    [GeneratedRegex(@"\bsuicid\w*|\bkill(ing)?\s+myself\b|\bend(ing)?\s+my\s+life\b|\bself[- ]?harm\w*|\bwant(ed)?\s+to\s+die\b|\bhurt(ing)?\s+myself\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\bchest\s+(pain|pains|pressure|tightness)\b|\bpain\s+in\s+(my|the)\s+chest\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChestPain();

    [GeneratedRegex(@"\bfaint(ed|ing)?\b|\bpass(ed)?\s+out\b|\bblack(ed)?[- ]?out\b|\blost\s+consciousness\b|\bsyncope\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Fainting();

    [GeneratedRegex(@"\b(can'?t|cannot|could\s?n'?t)\s+breathe\b|\bshort(ness)?\s+of\s+breath\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Breathing();

    [GeneratedRegex(@"\bpalpitations?\b|\birregular\s+heart\s?beat\b|\barrhythmia\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Heart();

    [GeneratedRegex(@"\b\d+(\.\d+)?\s?(mg|mcg|µg|ug|iu|milligrams?|micrograms?)\b|\b(dosage|dosing|overdose)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dosing();

    [GeneratedRegex(@"\b(increase|decrease|reduce|lower|raise|stop|start|skip|double|halve|change|adjust|switch|take|taking)\b[^.!?]{0,30}\b(medication|medicine|meds|pills?|prescription|insulin|antidepressants?|ssris?|beta[- ]?blockers?|sleeping\s+pills?|melatonin|benzodiazepines?|antihistamines?|ibuprofen|paracetamol|acetaminophen|aspirin)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Medication();

    [GeneratedRegex(@"\byou\s+(have|likely\s+have|probably\s+have|may\s+have|might\s+have|are\s+suffering\s+from|suffer\s+from)\b[^.!?]{0,40}\b(disorder|disease|syndrome|apn(o)?ea|insomnia|depression|anxiety\s+disorder|arrhythmia|infection|condition)\b|\b(this|these|which)\s+(is|are|indicates?|suggests?|means?)\s+(a\s+|an\s+)?(clinical\s+|medical\s+)?(disorder|disease|syndrome|sleep\s+apn(o)?ea|insomnia|depression|arrhythmia)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Diagnosis();
}

using HealthTwin.Agents;
using HealthTwin.Agents.BuiltIn;

namespace HealthTwin.Aws.AI;

/// <summary>Picks the built-in agents relevant to a free-text focus (the fallback of a one-shot AI analysis).</summary>
internal static class LocalFocusAgents
{
    private static readonly IAIAgent Sleep = new SleepAgent();
    private static readonly IAIAgent SleepEnvironment = new SleepEnvironmentAgent();
    private static readonly IAIAgent Fitness = new FitnessCoachAgent();
    private static readonly IAIAgent Injury = new InjuryRiskAgent();
    private static readonly IAIAgent Recovery = new RecoveryPredictionAgent();
    private static readonly IAIAgent Burnout = new BurnoutGuardianAgent();
    private static readonly IAIAgent Breathing = new BreathingCoachAgent();
    private static readonly IAIAgent Predictive = new PredictiveAnalyticsAgent();
    private static readonly IAIAgent Planner = new PlannerAgent();

    private static readonly (string[] Keywords, IAIAgent[] Agents)[] Map =
    [
        (["sleep", "bed", "insomnia", "nap"], [Sleep, SleepEnvironment]),
        (["train", "fitness", "exercise", "workout", "run", "strength", "intensity", "sport"], [Fitness, Injury]),
        (["recover", "injur", "sore"], [Recovery, Injury]),
        (["stress", "burnout", "mental", "mood", "anxi", "overwhelm"], [Burnout, Breathing]),
        (["breath", "relax", "calm"], [Breathing]),
        (["trend", "predict", "forecast", "future", "week"], [Predictive]),
        (["plan", "schedule", "today", "day"], [Planner]),
    ];

    /// <summary>The agents whose keywords occur in the focus (in a fixed order), or the planner when none does.</summary>
    public static IAIAgent[] For(string focus)
    {
        List<IAIAgent> agents = [];
        foreach ((string[] keywords, IAIAgent[] candidates) in Map)
        {
            if (keywords.Any(k => focus.Contains(k, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (IAIAgent agent in candidates)
                {
                    if (!agents.Contains(agent))
                    {
                        agents.Add(agent);
                    }
                }
            }
        }

        return agents.Count > 0 ? [.. agents] : [Planner];
    }
}

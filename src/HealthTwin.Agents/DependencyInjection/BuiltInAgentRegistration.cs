using HealthTwin.Agents;
using HealthTwin.Agents.BuiltIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthTwin;

/// <summary>Registers the ten built-in agents (with <c>TryAddEnumerable</c>).</summary>
internal static class BuiltInAgentRegistration
{
    public static void AddBuiltInAgents(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, PlannerAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, SleepAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, FitnessCoachAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BurnoutGuardianAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, PredictiveAnalyticsAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, ContextAwarenessAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BreathingCoachAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, SleepEnvironmentAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, RecoveryPredictionAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, InjuryRiskAgent>());
    }
}

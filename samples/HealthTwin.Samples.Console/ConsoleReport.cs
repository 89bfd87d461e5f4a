using System.Text.Json;
using System.Text.Json.Serialization;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;

namespace HealthTwin.Samples.Console;

/// <summary>The machine-readable output of <c>--json</c>.</summary>
internal sealed record ConsoleReport(ReadinessScore Readiness, BurnoutRisk Burnout, DailyPlan Plan, AgentAnalysis Analysis);

/// <summary>Source-generated JSON for <see cref="ConsoleReport"/>, in the SDK's camelCase shape.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(ConsoleReport))]
internal sealed partial class ConsoleJsonContext : JsonSerializerContext;

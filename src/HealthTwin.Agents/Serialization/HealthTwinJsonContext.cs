using System.Text.Json;
using System.Text.Json.Serialization;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;

namespace HealthTwin.Agents.Serialization;

/// <summary>
/// System.Text.Json source-generated metadata for every public model type, in the original app's shape: camelCase
/// names, lower-case enum strings, <c>yyyy-MM-dd</c> dates. Null members are omitted.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(DailyMetrics))]
[JsonSerializable(typeof(DailyMetrics[]))]
[JsonSerializable(typeof(List<DailyMetrics>))]
[JsonSerializable(typeof(IReadOnlyList<DailyMetrics>))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(Baseline))]
[JsonSerializable(typeof(AgentRecommendation))]
[JsonSerializable(typeof(AgentRecommendation[]))]
[JsonSerializable(typeof(IReadOnlyList<AgentRecommendation>))]
[JsonSerializable(typeof(Feedback))]
[JsonSerializable(typeof(ReadinessScore))]
[JsonSerializable(typeof(BurnoutRisk))]
[JsonSerializable(typeof(Anomaly))]
[JsonSerializable(typeof(IReadOnlyList<Anomaly>))]
[JsonSerializable(typeof(DailyPlan))]
[JsonSerializable(typeof(BurnoutPrediction))]
[JsonSerializable(typeof(IReadOnlyList<BurnoutPrediction>))]
[JsonSerializable(typeof(RecoveryPrediction))]
[JsonSerializable(typeof(InjuryRisk))]
[JsonSerializable(typeof(ContextData))]
[JsonSerializable(typeof(SleepEnvironment))]
[JsonSerializable(typeof(SleepDebt))]
[JsonSerializable(typeof(WhatIfResult))]
[JsonSerializable(typeof(AlertThresholds))]
[JsonSerializable(typeof(HealthTwin.Agents.Metrics.TrainingLoadSummary))]
[JsonSerializable(typeof(HealthTwin.Agents.Metrics.HrvNormalRange))]
[JsonSerializable(typeof(AgentAnalysis))]
[JsonSerializable(typeof(AgentRunReport))]
internal sealed partial class HealthTwinJsonContext : JsonSerializerContext;

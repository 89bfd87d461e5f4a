using System.Text.Json;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Aws.AI;
using Microsoft.Extensions.AI;

namespace HealthTwin.Benchmarks;

/// <summary>The context and the model answer the AI-path measurements use.</summary>
public static class AiSamples
{
    /// <summary>A realistic answer: three recommendations, each with actions and evidence (about 1.4 KB of JSON).</summary>
    public const string AnswerJson = """
        {"recommendations":[
        {"type":"sleep","title":"Go to bed 45 minutes earlier tonight","rationale":"You slept 5.6 h against an 8 h need and built up 9.8 h of sleep debt this week; your HRV is 14 % below baseline.","priority":"high","actions":[{"label":"Set a bedtime reminder","kind":"accept"},{"label":"Later","kind":"snooze"},{"label":"Dismiss","kind":"reject"}],"evidence":[{"metric":"sleepHours","value":5.6,"note":"last night"},{"metric":"sleepDebt","value":9.8,"note":"last 7 days"}]},
        {"type":"stress","title":"Take two 5-minute breathing breaks","rationale":"Your stress score is 78 today and has been above 70 for five days during the exam week.","priority":"medium","actions":[{"label":"Start breathing","kind":"accept"},{"label":"Later","kind":"snooze"}],"evidence":[{"metric":"stressScore","value":78,"note":"today"}]},
        {"type":"training","title":"Keep training to a 30-minute easy walk","rationale":"Readiness is 45/100 with short sleep and high stress, so an easy walk supports recovery without adding load.","priority":"medium","actions":[{"label":"Add to calendar","kind":"accept"}],"evidence":[{"metric":"readiness","value":45,"note":"today"}]}]}
        """;

    /// <summary>The focus of the Bedrock sleep agent.</summary>
    public const string Focus = BedrockSleepAgent.FocusText;

    /// <summary>The exam-week history with a short note today (the notes are fenced in the prompt).</summary>
    public static AgentContext Context(AnalysisFixture fixture)
    {
        DailyMetrics[] history = AnalysisFixture.History(SyntheticScenario.ExamWeekStress, 30);
        history[^1] = history[^1] with { Notes = "Exam tomorrow, slept badly, too much coffee." };
        return fixture.Factory.Create(AnalysisFixture.UserId, AnalysisFixture.Profile(SyntheticScenario.ExamWeekStress), history);
    }

    /// <summary>The answer as Bedrock's Converse returns a forced tool call (the tool input as the raw representation).</summary>
    public static ChatResponse ToolAnswer()
    {
        using JsonDocument document = JsonDocument.Parse(AnswerJson);
        JsonElement input = document.RootElement.Clone();
        var arguments = new Dictionary<string, object?> { ["recommendations"] = input.GetProperty("recommendations") };
        var call = new FunctionCallContent("tooluse-1", RecommendationSchema.ToolName, arguments) { RawRepresentation = input };
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])) { FinishReason = ChatFinishReason.ToolCalls, ModelId = BedrockModelCatalog.ClaudeSonnet35 };
    }

    /// <summary>The answer as JSON text (models without forced tool use).</summary>
    public static ChatResponse TextAnswer() =>
        new(new ChatMessage(ChatRole.Assistant, AnswerJson)) { FinishReason = ChatFinishReason.Stop, ModelId = BedrockModelCatalog.Llama33Instruct70B };
}

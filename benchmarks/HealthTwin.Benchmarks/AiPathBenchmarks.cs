using BenchmarkDotNet.Attributes;
using HealthTwin.Agents;
using HealthTwin.Aws.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Benchmarks;

/// <summary>
/// Target 3: the AI path without the model (≤ 50 µs): building the prompt and validating an answer, and one whole
/// Bedrock agent run (prompt, rate limit, retry loop, validation, conversion, cache serialisation, re-stamping) against
/// a chat client that answers instantly. Every prompt is built over a fresh context (its derived measures uncached).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[IterationTime(250)]
public class AiPathBenchmarks
{
    private AnalysisFixture _fixture = null!;
    private AgentContext _template = null!;
    private ChatResponse _toolAnswer = null!;
    private ChatResponse _textAnswer = null!;
    private ServiceProvider _services = null!;
    private BedrockSleepAgent _bedrockSleep = null!;
    private string _claude = null!;
    private string _llama = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new AnalysisFixture();
        _template = AiSamples.Context(_fixture);
        _toolAnswer = AiSamples.ToolAnswer();
        _textAnswer = AiSamples.TextAnswer();
        _claude = BedrockModelCatalog.Resolve(BedrockModelCatalog.ClaudeSonnet35Alias);
        _llama = BedrockModelCatalog.Resolve(BedrockModelCatalog.Llama33Alias);

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(AnalysisFixture.Now));
        var instant = new InstantChatClient(_toolAnswer);
        services.AddHealthTwin().UseChatClient(_ => instant).AddBedrockAgents(o =>
        {
            o.Enabled = true;
            o.Region = "us-east-1";
            o.CacheDuration = TimeSpan.Zero; // every run calls the (instant) model
            o.RateLimitPermits = 1_000_000;
            o.RateLimitWindow = TimeSpan.FromSeconds(1);
        });
        _services = services.BuildServiceProvider();
        _bedrockSleep = _services.GetServices<IAIAgent>().OfType<BedrockSleepAgent>().Single();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _fixture.Dispose();
    }

    /// <summary>The prompt for Claude (forced tool): system rules plus the compact health context.</summary>
    [Benchmark]
    public object BuildPrompt() => HealthPromptBuilder.Build(AnalysisFixture.Fresh(_template), AiSamples.Focus, _claude, 500);

    /// <summary>The prompt for Llama (no forced tool: the JSON schema goes into the system prompt).</summary>
    [Benchmark]
    public object BuildPromptWithSchema() => HealthPromptBuilder.Build(AnalysisFixture.Fresh(_template), AiSamples.Focus, _llama, 500);

    /// <summary>Validating a forced-tool answer of three recommendations.</summary>
    [Benchmark]
    public object ValidateToolAnswer() => RecommendationValidator.Validate(_toolAnswer);

    /// <summary>Validating the same answer as JSON text (parsed first).</summary>
    [Benchmark]
    public object ValidateTextAnswer() => RecommendationValidator.Validate(_textAnswer);

    /// <summary>Target 3: building the prompt and validating the answer.</summary>
    [Benchmark(Baseline = true)]
    public object BuildAndValidate()
    {
        _ = HealthPromptBuilder.Build(AnalysisFixture.Fresh(_template), AiSamples.Focus, _claude, 500);
        return RecommendationValidator.Validate(_toolAnswer);
    }

    /// <summary>One whole Bedrock agent run against an instant model (no cache), fresh context.</summary>
    [Benchmark]
    public ValueTask<AgentOutcome> BedrockAgentInstantModel() => _bedrockSleep.AnalyzeWithOutcomeAsync(AnalysisFixture.Fresh(_template), CancellationToken.None);
}

using System.Globalization;
using HealthTwin.Agents.Model;

namespace HealthTwin.Aws.AI;

/// <summary>
/// Options of the Bedrock add-on, bound from <c>HealthTwin:Bedrock</c> and validated on start. Every default is
/// listed on its property. <see cref="Enabled"/> and <see cref="Mode"/> are read when <c>AddBedrockAgents</c> runs
/// (they decide which agents are registered); the others are read at run time.
/// </summary>
public sealed class BedrockOptions
{
    /// <summary>The configuration section: <c>HealthTwin:Bedrock</c>.</summary>
    public const string SectionName = "HealthTwin:Bedrock";

    /// <summary>Whether the Bedrock agents run. Default <see langword="false"/>: no AI agent is registered and <see cref="BedrockAnalysisService.AnalyzeWithAIAsync"/> answers from the local agents.</summary>
    public bool Enabled { get; set; }

    /// <summary><see cref="BedrockMode.Hybrid"/> (default: AI and local agents) or <see cref="BedrockMode.Replace"/> (AI agents instead of their local twins).</summary>
    public BedrockMode Mode { get; set; } = BedrockMode.Hybrid;

    /// <summary>The AWS region; default: the <c>AWS</c> section, <c>AWS_REGION</c> or the profile (see <c>BedrockChatClientOptions.Region</c>).</summary>
    public string? Region { get; set; }

    /// <summary>An endpoint override (VPC endpoint, test server); default: <c>https://bedrock-runtime.{region}.amazonaws.com</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The model of <see cref="BedrockAnalysisService.AnalyzeWithAIAsync"/> and of agents without an entry in <see cref="Models"/>. Default <c>claude-3-5-sonnet</c>.</summary>
    public string DefaultModel { get; set; } = BedrockModelCatalog.ClaudeSonnet35Alias;

    /// <summary>
    /// The model per agent, keyed by the local twin's id (<c>sleep</c>, <c>fitness-coach</c>, <c>burnout-guardian</c>,
    /// <c>predictive-analytics</c>, <c>breathing-coach</c>); values are aliases or model ids. Defaults: Claude 3.5 Sonnet,
    /// and Llama 3.3 70B for the breathing coach (<see cref="BedrockModelCatalog.DefaultModelFor"/>).
    /// </summary>
    public IDictionary<string, string> Models { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Maximum output tokens per call. Default 1000; allowed 64–8192.</summary>
    public int MaxTokens { get; set; } = 1000;

    /// <summary>Sampling temperature. Default 0.2 (factual, repeatable); allowed 0–1.</summary>
    public double Temperature { get; set; } = 0.2;

    /// <summary>How long one call may take before it is abandoned (a timeout falls back; it is not retried). Default 20 s; allowed 100 ms – 5 min.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The total time for all attempts and back-off waits of one analysis. Default 30 s; allowed 100 ms – 10 min. When
    /// enabled, the orchestrator's <c>HealthTwin:AgentTimeout</c> is raised to at least this plus 2 s so a fallback
    /// can still be reported.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per analysis, the first included (only throttling, model-not-ready, 5xx and transport errors are retried). Default 3; allowed 1–10.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first back-off delay; it doubles per retry, with jitter (half fixed, half random). Default 500 ms; allowed 1 ms – 30 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest back-off delay. Default 8 s; allowed from <see cref="RetryBaseDelay"/> to 2 min.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long AI recommendations are cached (key: user, focus, date, hash of the prompt). Default 1 h; allowed 0 (off) – 7 days.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Model calls allowed per user per <see cref="RateLimitWindow"/> (cache hits are free). Default 60; allowed 1–1,000,000.</summary>
    public int RateLimitPermits { get; set; } = 60;

    /// <summary>The window of <see cref="RateLimitPermits"/>. Default 1 h; allowed 1 s – 1 day.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many characters of today's user notes go into the prompt (fenced as untrusted data). Default 500; allowed 0 (never send notes) – 2000.</summary>
    public int MaxNotesLength { get; set; } = 500;

    /// <summary>
    /// The longest focus text, in characters, that <see cref="BedrockAnalysisService.AnalyzeWithAIAsync"/> and
    /// <see cref="BedrockAnalysisService.StreamWithAIAsync"/> accept (the focus goes into the prompt). Default 200;
    /// allowed 1–2000.
    /// </summary>
    public int MaxFocusLength { get; set; } = 200;

    /// <summary>Prices that override or extend <see cref="BedrockModelCatalog.DefaultPrices"/>.</summary>
    public IList<BedrockModelPrice> Prices { get; } = [];

    /// <summary>The model id (alias resolved) of the Bedrock twin of a local agent.</summary>
    /// <param name="localAgentId">The local twin's id.</param>
    /// <returns>The model id.</returns>
    public string ModelFor(string localAgentId)
    {
        ArgumentNullException.ThrowIfNull(localAgentId);
        return BedrockModelCatalog.Resolve(Models.TryGetValue(localAgentId, out string? model) && !string.IsNullOrWhiteSpace(model)
            ? model
            : BedrockModelCatalog.DefaultModelFor(localAgentId));
    }

    /// <summary>Returns every option that is out of range (empty when valid).</summary>
    /// <returns>The errors, naming option, value and allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        static string T(TimeSpan v) => v.ToString("c", CultureInfo.InvariantCulture);
        void Range(string name, TimeSpan value, TimeSpan min, TimeSpan max, string allowed)
        {
            if (value < min || value > max)
            {
                errors.Add(new(name, T(value), allowed));
            }
        }

        if (!Enum.IsDefined(Mode))
        {
            errors.Add(new(Key("Mode"), Mode.ToString(), "Hybrid or Replace"));
        }

        if (Region is not null && (Region.Length is < 4 or > 32 || !Region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            errors.Add(new(Key("Region"), Region, "an AWS region name such as us-east-1"));
        }

        if (ServiceUrl is not null && (!ServiceUrl.IsAbsoluteUri || (ServiceUrl.Scheme != Uri.UriSchemeHttps && ServiceUrl.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add(new(Key("ServiceUrl"), ServiceUrl.OriginalString, "an absolute http(s) URL"));
        }

        if (string.IsNullOrWhiteSpace(DefaultModel))
        {
            errors.Add(new(Key("DefaultModel"), DefaultModel ?? "null", "a model id or alias"));
        }

        foreach (KeyValuePair<string, string> model in Models)
        {
            if (string.IsNullOrWhiteSpace(model.Value))
            {
                errors.Add(new(Key("Models:" + model.Key), "empty", "a model id or alias"));
            }
        }

        if (MaxTokens is < 64 or > 8192)
        {
            errors.Add(new(Key("MaxTokens"), MaxTokens.ToString(CultureInfo.InvariantCulture), "64–8192"));
        }

        if (!double.IsFinite(Temperature) || Temperature < 0 || Temperature > 1)
        {
            errors.Add(new(Key("Temperature"), N(Temperature), "0–1"));
        }

        Range(Key("Timeout"), Timeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "00:00:00.1–00:05:00");
        Range(Key("RetryBudget"), RetryBudget, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10), "00:00:00.1–00:10:00");
        if (MaxAttempts is < 1 or > 10)
        {
            errors.Add(new(Key("MaxAttempts"), MaxAttempts.ToString(CultureInfo.InvariantCulture), "1–10"));
        }

        Range(Key("RetryBaseDelay"), RetryBaseDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30), "00:00:00.001–00:00:30");
        Range(Key("RetryMaxDelay"), RetryMaxDelay, RetryBaseDelay, TimeSpan.FromMinutes(2), $"{T(RetryBaseDelay)} (RetryBaseDelay)–00:02:00");
        Range(Key("CacheDuration"), CacheDuration, TimeSpan.Zero, TimeSpan.FromDays(7), "00:00:00 (off)–7.00:00:00");
        if (RateLimitPermits is < 1 or > 1_000_000)
        {
            errors.Add(new(Key("RateLimitPermits"), RateLimitPermits.ToString(CultureInfo.InvariantCulture), "1–1000000"));
        }

        Range(Key("RateLimitWindow"), RateLimitWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "00:00:01–1.00:00:00");
        if (MaxNotesLength is < 0 or > 2000)
        {
            errors.Add(new(Key("MaxNotesLength"), MaxNotesLength.ToString(CultureInfo.InvariantCulture), "0–2000 characters"));
        }

        for (int i = 0; i < Prices.Count; i++)
        {
            BedrockModelPrice price = Prices[i];
            if (price is null || string.IsNullOrWhiteSpace(price.Model))
            {
                errors.Add(new(Key($"Prices:{i}:Model"), "empty", "a model id or alias"));
                continue;
            }

            if (!double.IsFinite(price.InputPer1K) || price.InputPer1K < 0)
            {
                errors.Add(new(Key($"Prices:{i}:InputPer1K"), N(price.InputPer1K), "0 or more USD per 1,000 tokens"));
            }

            if (!double.IsFinite(price.OutputPer1K) || price.OutputPer1K < 0)
            {
                errors.Add(new(Key($"Prices:{i}:OutputPer1K"), N(price.OutputPer1K), "0 or more USD per 1,000 tokens"));
            }
        }

        if (MaxFocusLength is < 1 or > 2000)
        {
            errors.Add(new(Key("MaxFocusLength"), MaxFocusLength.ToString(CultureInfo.InvariantCulture), "1–2000 characters"));
        }

        return errors;
    }

    /// <summary>The configuration key of an option as a user writes it, for example <c>HealthTwin:Bedrock:MaxTokens</c>.</summary>
    private static string Key(string option) => SectionName + ":" + option;
}

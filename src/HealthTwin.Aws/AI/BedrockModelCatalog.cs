using System.Collections.Frozen;
using System.Collections.ObjectModel;
using HealthTwin.Agents.BuiltIn;

namespace HealthTwin.Aws.AI;

/// <summary>
/// The models of the original app's guide with short aliases, the default model of each Bedrock agent, what each
/// model family supports, and the default price table.
/// </summary>
/// <remarks>
/// Any other model id, inference-profile id (<c>us.anthropic…</c>) or ARN passes through <see cref="Resolve"/>
/// unchanged. Default prices are AWS's on-demand list prices (us-east-1) at the time of writing; configure
/// <c>HealthTwin:Bedrock:Prices</c> for your region, contract or newer models.
/// </remarks>
public static class BedrockModelCatalog
{
    /// <summary>Alias of <see cref="ClaudeSonnet35"/>.</summary>
    public const string ClaudeSonnet35Alias = "claude-3-5-sonnet";

    /// <summary>Anthropic Claude 3.5 Sonnet v2: best reasoning; the default of most agents.</summary>
    public const string ClaudeSonnet35 = "anthropic.claude-3-5-sonnet-20241022-v2:0";

    /// <summary>Alias of <see cref="Llama33Instruct70B"/>.</summary>
    public const string Llama33Alias = "llama-3-3-70b";

    /// <summary>Meta Llama 3.3 70B Instruct: faster and cheaper; the default of the breathing coach.</summary>
    public const string Llama33Instruct70B = "meta.llama3-3-70b-instruct-v1:0";

    /// <summary>Alias of <see cref="TitanTextPremier"/>.</summary>
    public const string TitanTextPremierAlias = "titan-text-premier";

    /// <summary>Amazon Titan Text Premier (no tool use and no system prompt in Converse: JSON is asked for in the prompt).</summary>
    public const string TitanTextPremier = "amazon.titan-text-premier-v1:0";

    private static readonly FrozenDictionary<string, string> AliasMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [ClaudeSonnet35Alias] = ClaudeSonnet35,
        [Llama33Alias] = Llama33Instruct70B,
        [TitanTextPremierAlias] = TitanTextPremier,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The aliases and the model ids they stand for (read-only).</summary>
    public static IReadOnlyDictionary<string, string> Aliases => AliasMap;

    /// <summary>
    /// The built-in price table (USD per 1,000 tokens, on-demand, us-east-1). The list and its prices are read-only
    /// (<see cref="BedrockModelPrice.IsReadOnly"/>): they are shared by every host in the process. Configure
    /// <c>HealthTwin:Bedrock:Prices</c> (<see cref="BedrockOptions.Prices"/>) to override or extend them.
    /// </summary>
    public static IReadOnlyList<BedrockModelPrice> DefaultPrices { get; } = new ReadOnlyCollection<BedrockModelPrice>(
    [
        BedrockModelPrice.ReadOnly(ClaudeSonnet35, 0.003, 0.015),
        BedrockModelPrice.ReadOnly(Llama33Instruct70B, 0.00072, 0.00072),
        BedrockModelPrice.ReadOnly(TitanTextPremier, 0.0005, 0.0015),
    ]);

    /// <summary>Resolves an alias to its model id; any other id, inference profile or ARN passes through (trimmed).</summary>
    /// <param name="aliasOrModelId">An alias such as <c>claude-3-5-sonnet</c> or a model id.</param>
    /// <returns>The model id.</returns>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public static string Resolve(string aliasOrModelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aliasOrModelId);
        string trimmed = aliasOrModelId.Trim();
        return AliasMap.TryGetValue(trimmed, out string? id) ? id : trimmed;
    }

    /// <summary>
    /// The default model (alias) of the Bedrock twin of a local agent: Claude 3.5 Sonnet for sleep, fitness coach,
    /// burnout guardian and predictive analytics (and anything else); Llama 3.3 70B for the breathing coach.
    /// </summary>
    /// <param name="localAgentId">The local twin's id, for example <c>sleep</c>.</param>
    /// <returns>The alias.</returns>
    public static string DefaultModelFor(string localAgentId) =>
        string.Equals(localAgentId, BreathingCoachAgent.AgentId, StringComparison.Ordinal) ? Llama33Alias : ClaudeSonnet35Alias;

    /// <summary>
    /// Whether Converse can force a specific tool for this model (<c>toolChoice {tool:{name}}</c>): Anthropic Claude 3
    /// and later and Amazon Nova. Others (Llama, Titan, Mistral, opaque application-profile ARNs) get the JSON schema
    /// in the prompt instead.
    /// </summary>
    /// <param name="modelId">The model id, inference-profile id or ARN.</param>
    /// <returns>Whether a forced tool is supported.</returns>
    public static bool SupportsForcedTool(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return (modelId.Contains("anthropic.claude-", StringComparison.OrdinalIgnoreCase)
                && !modelId.Contains("claude-v2", StringComparison.OrdinalIgnoreCase)
                && !modelId.Contains("claude-instant", StringComparison.OrdinalIgnoreCase))
            || modelId.Contains("amazon.nova-", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether Converse accepts system prompts for this model (Amazon Titan text models do not).</summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>Whether system blocks may be sent.</returns>
    public static bool SupportsSystemPrompt(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return !modelId.Contains("amazon.titan-", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Finds the price of a model: the configured prices first, then <see cref="DefaultPrices"/>; an exact id (or
    /// alias) wins over a suffix match (an inference profile <c>us.{model}</c> or an ARN ending in the model id).
    /// </summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="configured">Configured prices (override the defaults).</param>
    /// <returns>The price, or <see langword="null"/> when the model is unknown (its cost is reported as 0).</returns>
    public static BedrockModelPrice? FindPrice(string modelId, IEnumerable<BedrockModelPrice>? configured = null)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        IEnumerable<BedrockModelPrice> all = configured is null ? DefaultPrices : configured.Concat(DefaultPrices);
        BedrockModelPrice? suffix = null;
        foreach (BedrockModelPrice price in all)
        {
            if (string.IsNullOrWhiteSpace(price.Model))
            {
                continue;
            }

            string id = Resolve(price.Model);
            if (string.Equals(id, modelId, StringComparison.OrdinalIgnoreCase))
            {
                return price;
            }

            if (suffix is null && modelId.EndsWith(id, StringComparison.OrdinalIgnoreCase) && modelId.Length > id.Length && modelId[modelId.Length - id.Length - 1] is '.' or '/')
            {
                suffix = price;
            }
        }

        return suffix;
    }
}
